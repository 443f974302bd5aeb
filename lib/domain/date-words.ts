/**
 * Dates as people read them, in the reader's time zone: "Friday 27 November 2026, 2:05 pm
 * EST". Pure: the caller passes the zone (the reader's own, else the organisation's), so a
 * page, an email and a test all word the same instant the same way. Every date shown to a
 * person goes through here; only machine-readable places (`<time dateTime>`, CSV columns)
 * keep ISO 8601.
 */

/** Where an organisation has not chosen its zone: the product's first customers are on US Eastern time. */
export const DEFAULT_TIME_ZONE = "America/New_York";

// Intl's list holds the canonical IANA zones but not "UTC" itself, which Intl accepts and
// some organisations prefer.
let zones: readonly string[] | undefined;

/** Every zone a person or an organisation may choose: Intl's list of IANA zones, and UTC. */
export function timeZoneChoices(): readonly string[] {
  zones ??= ["UTC", ...Intl.supportedValuesOf("timeZone")];
  return zones;
}

export function isTimeZone(zone: string): boolean {
  return timeZoneChoices().includes(zone);
}

/**
 * The zone to write in: the first of the reader's own and the organisation's that this
 * runtime knows. A stored zone this runtime's Intl does not know (renamed by a later tz
 * release, say) falls back rather than failing a page.
 */
export function resolveTimeZone(...candidates: (string | null | undefined)[]): string {
  for (const zone of candidates) if (zone && isUsableZone(zone)) return zone;
  return DEFAULT_TIME_ZONE;
}

function isUsableZone(zone: string): boolean {
  try {
    formatterFor("en-GB", zone, {});
    return true;
  } catch {
    return false;
  }
}

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

// Making an Intl.DateTimeFormat costs about twenty times what formatting with one does, and
// a page of dates made four per date (a queue page, a 300-message thread). A formatter is
// immutable, so one per locale, zone and shape serves every reader. Zones are a few hundred
// and shapes a handful; the cap only guards against a caller passing endless spellings.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MOST_FORMATTERS = 2_000;

function formatterFor(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // Throws for a zone Intl does not know, before anything is kept.
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    if (formatters.size >= MOST_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

function partsOf(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions): Parts {
  const parts: Parts = {};
  for (const part of formatterFor("en-GB", timeZone, options).formatToParts(date)) {
    parts[part.type] = part.value;
  }
  return parts;
}

const ZONE_NAME: Intl.DateTimeFormatOptions = { timeZoneName: "short" };

/**
 * The zone's short name at that instant, so a reader sees daylight saving ("EDT" in July,
 * "EST" in November). US English knows the American abbreviations, British English the
 * European ones ("BST", "CEST"); where neither has one, the offset ("GMT+9") is clearer
 * than an abbreviation that means three places.
 */
function zoneName(date: Date, timeZone: string): string {
  let offset = "";
  for (const locale of ["en-US", "en-GB"]) {
    const name = formatterFor(locale, timeZone, ZONE_NAME)
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value;
    if (!name) continue;
    if (!/^GMT[+\-\u2212]/.test(name)) return name;
    offset ||= name;
  }
  return offset || timeZone;
}

/** "Friday 27 November 2026": the day in the reader's zone, which may not be UTC's. */
export function formatDay(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "2:05 pm EST". British English on a 12-hour clock would say "0:05 am" after midnight. */
export function formatTime(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone, { hour: "numeric", minute: "2-digit", hourCycle: "h12" });
  return `${p.hour}:${p.minute} ${(p.dayPeriod ?? "").toLowerCase()} ${zoneName(date, timeZone)}`;
}

/** "Friday 27 November 2026, 2:05 pm EST". */
export function formatDateTime(date: Date, timeZone: string): string {
  return `${formatDay(date, timeZone)}, ${formatTime(date, timeZone)}`;
}

/** The calendar date it is at that instant in the zone, as ISO "2026-11-27" (for date inputs). */
export function calendarDateIn(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone, { year: "numeric", month: "2-digit", day: "2-digit" });
  return `${p.year}-${p.month}-${p.day}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * A calendar date with no time, such as the day a post was seen ("2026-11-27" → "27
 * November 2026"). It names a day, not an instant, so no zone shifts it.
 */
export function formatCalendarDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDate;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** A zone as a person picks it from a list: "America/New_York" → "America / New York". */
export function timeZoneLabel(zone: string): string {
  return zone.replaceAll("_", " ").replaceAll("/", " / ");
}
