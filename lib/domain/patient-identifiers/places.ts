/**
 * Street addresses and ZIP codes. A town, county or state on its own is left alone: it
 * appears in almost every report ("a hospital in Ohio") and would bury the real findings.
 */
import { CONTEXTUAL, type Finding, SHAPED } from "./text-scan";

const STATES =
  "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR";
const LONG_SUFFIX =
  "Street|Avenue|Road|Boulevard|Lane|Drive|Court|Place|Terrace|Way|Circle|Highway|Parkway|Close|Crescent|Square|Trail|Mews|Grove|Gardens|Row";
const SHORT_SUFFIX = "St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Cir|Hwy|Pkwy|Sq|Cres";
const CAPITALISED = String.raw`\p{Lu}[\p{L}'’-]*`;
const STREET_WORD = String.raw`(?:${CAPITALISED}|\d{1,3}(?:st|nd|rd|th))`;
const ZIP = String.raw`\d{5}(?:-\d{4})?(?!\d)`;
const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![\p{L}\d])`;

// A house number, up to four capitalised words and a street type: "2207 N. Maple St".
const NUMBERED_STREET = new RegExp(
  String.raw`(?<![\w/.,])\d{1,6}[A-Za-z]?(?:-\d{1,4})?\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:${STREET_WORD}\s+){0,3}?${STREET_WORD}\s+(?:${LONG_SUFFIX}|${SHORT_SUFFIX})\b\.?`,
  "gu",
);
// Street types that come first, as in French, Spanish, Italian or Portuguese addresses.
const STREET_FIRST = new RegExp(
  String.raw`(?<![\w/.,])\d{1,5}[A-Za-z]?,?\s+(?:Rue|Avenue|Boulevard|Chemin|Place|Calle|Avenida|Camino|Paseo|Plaza|Via|Viale|Piazza|Corso|Rua|Travessa|Largo)\s+(?:(?:de|des|du|del|de la|la|le|les|di|da|do|dos|das|della|dei|y)\s+)*${CAPITALISED}(?:\s+${CAPITALISED})?`,
  "gu",
);
const PO_BOX = /\b(?:P\.?\s?O\.?\s+Box|Post\s+Office\s+Box|PO\s?Box)\s+\d{1,6}\b/gi;
// What may follow a street: a unit, then a town with its state, ZIP or postcode.
const UNIT =
  /,?\s*(?:NW|NE|SW|SE)?\s*,?\s*(?:Apt|Apartment|Unit|Suite|Ste|Flat|#)\.?\s*#?[A-Za-z0-9-]{1,6}/y;
const TOWN_STATE_ZIP = new RegExp(
  String.raw`,?\s*(?:(?:${CAPITALISED}\s){0,2}${CAPITALISED},?\s*)?(?:(?:${STATES})(?:,?\s+${ZIP})?|${ZIP}|${UK_POSTCODE})`,
  "uy",
);
// A street named without its number, where the words around it make it a home.
const NAMED_STREET = new RegExp(
  String.raw`\b(?:lives?|living|lived|resides?|residing|home|house|address|of|on|from|at|near)\s+(?:on\s+|at\s+|in\s+)?((?:${CAPITALISED}\s+){1,3}(?:${LONG_SUFFIX}))\b`,
  "gu",
);
const STATE_ZIP = new RegExp(String.raw`\b(?:${STATES})\s+${ZIP}`, "g");
const TOWN_BEFORE = /(?<![\p{L}])(?:\p{Lu}[\p{Ll}'’-]+\s){0,2}\p{Lu}[\p{Ll}'’-]+,\s*$/u;
const ANY_STREET_TYPE = new RegExp(String.raw`\b(?:${LONG_SUFFIX}|${SHORT_SUFFIX})\b`);
const POSTCODE_ALONE = /(?<![A-Za-z\d])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![A-Za-z\d])/g;
// A hospital's or a university's own address is not a patient's.
const INSTITUTION = /\b(?:Hospital|Medical|Health|Clinic|University|College|Infirmary|Campus)\b/;

export function findAddresses(text: string): Finding[] {
  const found: Finding[] = [];
  const hasStreetType = ANY_STREET_TYPE.test(text);
  const streets = [
    ...(hasStreetType ? text.matchAll(NUMBERED_STREET) : []),
    ...text.matchAll(STREET_FIRST),
  ];
  for (const match of streets) {
    if (INSTITUTION.test(match[0])) continue;
    let end = match.index + match[0].length;
    // "12 Oak Dr Smith" is Dr Smith at number 12 Oak, not an address.
    if (/\bDr\.?$/.test(match[0]) && /^\s+\p{Lu}/u.test(text.slice(end))) continue;
    UNIT.lastIndex = end;
    if (UNIT.exec(text)) end = UNIT.lastIndex;
    TOWN_STATE_ZIP.lastIndex = end;
    if (TOWN_STATE_ZIP.exec(text)) end = TOWN_STATE_ZIP.lastIndex;
    found.push({ kind: "address", start: match.index, end, strength: SHAPED });
  }
  for (const match of hasStreetType ? text.matchAll(NAMED_STREET) : []) {
    const street = match[1]!;
    if (INSTITUTION.test(street) || /^(?:The|A|An|This|That|Our|My)\s/.test(street)) continue;
    const start = match.index + match[0].length - street.length;
    found.push({ kind: "address", start, end: start + street.length, strength: CONTEXTUAL });
  }
  for (const match of text.matchAll(STATE_ZIP)) {
    const town = TOWN_BEFORE.exec(text.slice(Math.max(0, match.index - 60), match.index));
    const start = match.index - (town?.[0].length ?? 0);
    found.push({ kind: "address", start, end: match.index + match[0].length, strength: SHAPED });
  }
  for (const pattern of [POSTCODE_ALONE, PO_BOX]) {
    for (const match of text.matchAll(pattern)) {
      found.push({
        kind: "address",
        start: match.index,
        end: match.index + match[0].length,
        strength: SHAPED,
      });
    }
  }
  return found;
}
