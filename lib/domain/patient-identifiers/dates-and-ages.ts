/**
 * Dates tied to a person (birth, admission, discharge, death, a visit) and ages over 89.
 * A date alone is not an identifier: the day a post went up, a conference or a rota is
 * ordinary, so a date counts only when a word about a person's care or life is nearer to
 * it than a word about the post.
 */
import { CONTEXTUAL, clauseEnd, clauseStart, type Finding } from "./text-scan";

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:\d{4}|'\d{2})`;
const HOLIDAY = String.raw`(?:christmas(?:\s+(?:eve|day))?|new\s+year['’]?s(?:\s+(?:eve|day))?|thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|monday))?|halloween|valentine['’]?s\s+day|independence\s+day|boxing\s+day)(?:,?\s+\d{4})?`;

const DATE = new RegExp(
  String.raw`(?<![\w/.-])(?:` +
    [
      String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}`,
      String.raw`\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})`,
      String.raw`(?:the\s+)?${DAY}(?:\s+of)?[\s-]+${MONTH}(?:,?[\s-]+${YEAR})?`,
      String.raw`${MONTH}\s+${DAY}(?:,?\s+${YEAR})?`,
      String.raw`${MONTH},?\s+\d{4}`,
      HOLIDAY,
      String.raw`\d{1,2}\/\d{1,2}`,
      String.raw`the\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)`,
    ].join("|") +
    String.raw`)(?![\w/]|[.-]\d)`,
  "giu",
);

// Words about a person's life or care that tie a nearby date to them.
const PERSON_CUE =
  /\b(?:d\.?o\.?b|date\s+of\s+birth|birth\s*date|birthday|bday|born|b\.|admit(?:ted)?|admission|adm|readmit(?:ted)?|discharged?|d\/c|sent\s+home|died|death|deceased|passed(?:\s+away)?|expired|d\.?o\.?d|date\s+of\s+service|d\.?o\.?s|seen|saw|visit(?:ed)?|surgery|operated|operation|procedure|implanted|delivered|delivery|came\s+in|came\s+back|was\s+back|presented|arrived|brought\s+in|transferred|intubated|coded|treated|dated|injured|accident|collected|drawn|sampled|swabbed|tested|scanned|vaccinated|immuni[sz]ed|dispensed|filled)\b/gi;
// Words about the post or the writer's working life: a date next to them is not a patient's.
const POST_CUE =
  /\b(?:post(?:ed)?|tweet(?:ed)?|shared|uploaded|published|wrote|written|reposted|deleted|updated|livestream(?:ed)?|commented|conference|meeting|rounds|shift|rota|survey|on\s+call|opened|signed)\b/gi;
// After the date: "On 3/14 she was admitted".
const PERSON_CUE_AFTER =
  /^[^.!?;\n]{0,40}?\b(?:was\s+(?:admitted|discharged|born|seen|brought\s+in|transferred|intubated)|died|passed\s+away|came\s+in|presented|delivered|had\s+(?:surgery|the\s+operation))\b/i;

/**
 * A year alone is no identifier, except a year of birth that shows an age over 89. The rule
 * has no clock (it must be pure), so it flags only years that show it from 2025 on; later
 * birth years of people now over 89 are missed, never a young person's flagged.
 */
const SURELY_OVER_89_IF_BORN_BY = 1935;
const BIRTH_YEAR =
  /\b(?:born(?:\s+in)?|b\.|birth\s+year|year\s+of\s+birth|yob|d\.?o\.?b\.?:?)\s*(1[89]\d\d)\b(?![/.-]\d)/gi;

function lastMatchEnd(pattern: RegExp, text: string): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

// "pain 8/10", "power 5/5", "a 2/6 murmur", "1/2 tab": scores and fractions, not dates.
const SCORE_BEFORE =
  /\b(?:pain|gcs|score|scored|scale|strength|power|murmur|grade|apgars?|rated|mood|ratio|vas|nrs|mmse|moca|phq-?9|gad-?7|x|of|given|take|took|gave|bp|sats)\s*$/i;
const SCORE_AFTER =
  /^\s*(?:murmur|strength|power|pain|tabs?|tablets?|pills?|doses?|scale|cups?|of|bilaterally|weakness|in\s+power|on\s+the\s+\w+\s+scale)\b/i;

function isScore(text: string, start: number, end: number): boolean {
  return (
    SCORE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) ||
    SCORE_AFTER.test(text.slice(end, end + 24))
  );
}

/** Day and month in either order ("24/7" is a phrase, not a date); ISO dates lead with the year. */
function isPlausibleNumericDate(date: string): boolean {
  if (date === "24/7") return false;
  const parts = date.split(/[-/.]/);
  const [first, second] = parts.map(Number) as [number, number];
  if (parts[0]!.length === 4) return second >= 1 && second <= 12;
  const dayMonth = first >= 1 && first <= 31 && second >= 1 && second <= 12;
  const monthDay = first >= 1 && first <= 12 && second >= 1 && second <= 31;
  return dayMonth || monthDay;
}

function isTiedToPerson(text: string, start: number, end: number): boolean {
  const from = clauseStart(text, start, 60);
  const before = text.slice(from, start);
  const person = lastMatchEnd(PERSON_CUE, before);
  const post = lastMatchEnd(POST_CUE, before);
  if (person > post) return true;
  if (post >= 0) return false;
  const after = text.slice(end, clauseEnd(text, end, 60));
  const tie = PERSON_CUE_AFTER.exec(after);
  return tie !== null && lastMatchEnd(POST_CUE, tie[0]) < 0;
}

/**
 * Dates tied to a person. `anchors` are identifiers already found: a date written right
 * after a name or a record number ("ZHANG WEI MRN 4410927 07/30/1990") is that person's.
 */
export function findPersonalDates(text: string, anchors: readonly Finding[]): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(BIRTH_YEAR)) {
    const year = match[1]!;
    if (Number(year) <= SURELY_OVER_89_IF_BORN_BY) {
      const start = match.index + match[0].length - year.length;
      found.push({ kind: "date", start, end: start + year.length, strength: CONTEXTUAL });
    }
  }
  for (const match of text.matchAll(DATE)) {
    const date = match[0];
    if (/^[\d/.-]+$/.test(date) && !isPlausibleNumericDate(date)) continue;
    const start = match.index;
    const end = start + date.length;
    if (/^\d{1,2}\/\d{1,2}$/.test(date) && isScore(text, start, end)) continue;
    const besideAnchor = anchors.some(
      (anchor) => anchor.end <= start && /^[\s,;:()|–—-]{0,4}$/.test(text.slice(anchor.end, start)),
    );
    if (besideAnchor || isTiedToPerson(text, start, end)) {
      found.push({ kind: "date", start, end, strength: CONTEXTUAL });
    }
  }
  return found;
}

const UNITS = String.raw`(?:[-\s]?(?:years?|yrs?)[-\s]?(?:old|young)\b|\s?(?:y\/o|y\.o\.?|yo)(?![a-z])|\s(?:years?|yrs?)\s+of\s+age\b)`;
const TENS: Record<string, number> = { ninety: 90 };
const ONES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const NUMBER_WORDS = String.raw`(?:ninety(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)\s+hundred(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)`;

// Each pattern captures the age itself; the finding covers only that.
const AGE_PATTERNS: RegExp[] = [
  new RegExp(String.raw`(?<![\d.,$])(\d{2,3})${UNITS}(?!\s*-?\s*olds)`, "gi"),
  /\b(?:aged?|age:|ages?d?\s+of)\s*(\d{2,3})(?!\d|\s*(?:and|or)\s+(?:over|older|above|up)|\s*\+)/gi,
  /(?<![\d.,$])(\d{2,3})\s?[MF](?![\p{L}\d])(?!\s*(?:views|followers|likes|subscribers|impressions|dollars|users))/gu,
  /\bturn(?:ed|s|ing)?\s+(\d{2,3})\b/gi,
  /\b(\d{2,3})(?:st|nd|rd|th)\s+birthday\b/gi,
  /\bhappy\s+(\d{2,3})(?:st|nd|rd|th)\b/gi,
  // "she's 93 and confused", "he'd be 95": a person and a bare number is an age.
  /\b(?:she|he|who)(?:['’]s|\s+is|\s+was|['’]d\s+be|\s+would\s+be|\s+will\s+be)\s+(\d{2,3})(?=\s*(?:years?\b|yrs?\b|[,.;:!?)]|and\b|but\b|now\b|today\b|$))/gi,
  /\b(?:man|woman|lady|gentleman|gent|patient|veteran|widow|widower|grandmother|grandfather)\s+of\s+(\d{2,3})\b(?!\s*(?:%|kg|lb|cm|mm|years\s+(?:ago|of\s+(?:practice|service|experience))))/gi,
  /\b((?:super)?centenarian|nonagenarian)\b/gi,
  /\bin\s+(?:his|her|their)\s+(90s|nineties|100s)\b/gi,
  new RegExp(String.raw`\b(${NUMBER_WORDS})[-\s]+years?[-\s]+(?:old|young)\b`, "gi"),
  // An apposition: "Retired trucker, 96, came in".
  /(?<=[A-Za-z\u00C0-\u024F]),\s*(\d{2,3}),\s*(?=[A-Za-z\u00C0-\u024F])/g,
];
const MEASUREMENT_BEFORE =
  /\b(?:temp|t|tmax|bp|hr|rr|sats?|spo2|o2|pulse|weight|wt|bmi|glucose|bg|k|na|hb|wbc|crp)\s*$/i;

function ageValue(written: string): number {
  if (/^\d/.test(written)) return Number.parseInt(written, 10);
  if (/centenarian$/i.test(written)) return 100;
  if (/^nonagenarian$/i.test(written)) return 90;
  const words = written.toLowerCase().split(/[-\s]+/);
  if (words.includes("hundred"))
    return 100 + (ONES[words.at(-1)!] ?? (words.at(-1) === "ten" ? 10 : 0));
  return (TENS[words[0]!] ?? 0) + (ONES[words[1] ?? ""] ?? 0);
}

export function findAgesOverEightyNine(text: string, names: readonly Finding[]): Finding[] {
  const found: Finding[] = [];
  const add = (start: number, written: string) => {
    const value = written.endsWith("s") ? 90 : ageValue(written);
    if (value >= 90 && value <= 125) {
      found.push({ kind: "age", start, end: start + written.length, strength: CONTEXTUAL });
    }
  };
  for (const pattern of AGE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const written = match[1]!;
      const start = match.index + match[0].indexOf(written);
      if (MEASUREMENT_BEFORE.test(text.slice(Math.max(0, start - 8), start))) continue;
      add(start, written);
    }
  }
  // "Gladys is 103", "Jim Toomey (91)".
  for (const name of names) {
    const after = /^\s*(?:,|\(|is|was|aged?)\s*(\d{2,3})(?![\d%]|\.\d)/y.exec(text.slice(name.end));
    if (after) add(name.end + after[0].length - after[1]!.length, after[1]!);
  }
  return found;
}
