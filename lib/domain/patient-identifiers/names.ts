/**
 * Names of patients and of their relatives. A capitalised word is a name only with a cue
 * that makes it one: a title ("Mrs Alvarez"), a role ("my patient Desmond", "her son,
 * Tyrone"), a bed ("bay 3, Frank Delgado"), a label ("Pt: Colón, Rafael"), a verb of care
 * ("discharged Samuel Osei"), what follows it ("Sunita Rao (DOB …"), or a common given name
 * before a surname. A name after "Dr", "Nurse" or the like is staff, and the person who
 * posts, tweets or writes is the colleague, not a patient. Once found, a name is found
 * wherever it recurs in the text.
 */
import { CONTEXTUAL, type Finding, type Word, wordsOf } from "./text-scan";
import { GIVEN_NAMES, NOT_A_NAME, PLACE_WORDS, RELATIONS, STAFF_TITLES, setOf } from "./word-lists";

interface Span {
  start: number;
  end: number;
}

interface NameOptions {
  /** Accept WHOLE-WORD CAPITALS, as on wristbands, boards and labels. */
  capitals: boolean;
  /** Accept "Surname, Given" and "Surname, I.". */
  surnameFirst: boolean;
}

const STRICT: NameOptions = { capitals: false, surnameFirst: false };
const LABELLED: NameOptions = { capitals: true, surnameFirst: true };

// Compared as written: "MS" is multiple sclerosis and "MR" mitral regurgitation.
const TITLES = setOf("Mr Mrs Ms Miss Mx Mister Mme Mlle mr mrs ms");
const PARTICLES = setOf("van von de der den del della da di du la le bin ibn al el");
const PATIENT_WORDS = setOf("patient pt client resident donor decedent");
const BED_WORDS = setOf("bed bay room rm cubicle cube stretcher trolley chair bedspace cot crib");
const CARE_VERBS = setOf(
  "admitted discharged readmitted treated intubated resuscitated examined saw seen visited triaged coded delivered",
);
// Followed by a colon, these introduce a name as a form or a board would: "Visitor for: …".
const LABEL_WORDS = setOf("patient pt name resident client for re attn visitor");
const NAMING_WORDS = setOf("named called re");
// Two-word cues: "this is Tanya Brooks", "known as", "goes by", "took care of".
const PHRASES: Readonly<Record<string, string>> = {
  this: "is",
  known: "as",
  goes: "by",
  care: "of",
  looked: "after",
  cared: "for",
};
// Between a cue and the name: "patient is Carla", "the donor as Kevin Marsh".
const LINKING_WORDS = setOf("is was as named called the");
// Every word that can open a cue, so most words are passed over with one lookup.
const CUE_WORDS = new Set(
  [
    ...TITLES,
    ...LABEL_WORDS,
    ...Object.keys(PHRASES),
    ...PATIENT_WORDS,
    ...NAMING_WORDS,
    ...RELATIONS,
    ...CARE_VERBS,
    "name",
  ].map((word) => word.toLowerCase()),
);
// Unknown-patient placeholders identify nobody.
const PLACEHOLDER = /^(?:John|Jane|Baby|J\.)\s+Doe$/;

const STAFF_AFTER =
  /^,?\s+(?:(?:the|our|a|an|my|his|her)\s+)?(?:[\p{L}'’]+\s+)?(?:consultant|surgeon|registrar|attending|doctor|physician|colleague|anaesthetist|anesthetist|gp|professor|lecturer|nurse|resident|fellow|intern|cardiologist|radiologist|psychiatrist|pediatrician|paediatrician|oncologist|neurologist|hospitalist|internist|obstetrician|dermatologist|urologist|pathologist|ceo|cmo|director)\b/iu;
const CREDENTIALS_AFTER =
  /^,?\s*(?:MD|DO|PhD|RN|NP|PA-C|PA|MBBS|MBChB|FRCS|FRCP|MRCP|DNP|PharmD|FACP|FACS)\b/;
// The one who posts is the colleague being reported.
const POSTER_AFTER =
  /^(?:['’]s\s+(?:post|tweet|video|reel|story|account|page|profile|blog|thread|comment|feed|channel|podcast|article|caption|livestream)|\s+(?:posted|tweeted|wrote|writes|shared|said|says|commented|replied|retweeted|reposted|uploaded|published|claims?|claimed|argued|argues|boasted|boasts|added|responded|liked|livestreamed|tagged|mocked|mocks)|\s*\(@)\b/iu;

const BELONGINGS =
  "chart|notes?|x-?rays?|scans?|mri|ct|results?|labs?|bloods?|ecg|ekg|wound|rash|tumou?r|biopsy|diagnosis|prognosis|medications?|meds|family|daughter|son|wife|husband|mother|father|room|bed|bracelet|wristband|discharge|admission|surgery|operation|records?|file|insurance|address|phone|number|dob|mrn|funeral|obituary";
// What, right after a capitalised word, shows it is a patient's name.
const AFTER_NAME: Array<{ pattern: RegExp; options: NameOptions }> = [
  { pattern: new RegExp(String.raw`^['’]s\s+(?:${BELONGINGS})\b`, "i"), options: STRICT },
  {
    pattern:
      /^\s*[,(]\s*(?:(?:a|an|the)\s+)?(?:\d{1,3}\s*[-\s]?(?:years?|yrs?|y\/?o|yo)\b|\d{1,3}\s?[MF]\b|aged?\s+\d|d\.?o\.?b\b|born\b|b\.\s*\d|mrn\b|age\s*\d|(?:mother|father|son|daughter|wife|husband|patient|pt|next of kin|nok)\)|\d{1,3}\))/i,
    options: { capitals: true, surnameFirst: false },
  },
  {
    pattern: /^\s*[,(|]?\s*(?:d\.?o\.?b|mrn|mr#|rx#|acct|nhs|ssn|dos)(?![\p{L}])/iu,
    options: LABELLED,
  },
  {
    pattern:
      /^\s*,?\s*(?:(?:was|is|has\s+been|got|had\s+been)\s+)?(?:admitted|discharged|readmitted|intubated|extubated|transferred|died|passed\s+away|coded|presented|came\s+in|brought\s+in|rushed\s+in)\b/i,
    options: STRICT,
  },
  { pattern: /^\s+\d{1,3}\s?[MF]\b/, options: LABELLED },
];
// The first words of the descriptions above that follow a name after a space.
const DESCRIPTION_STARTS = setOf(
  "was is has got had admitted discharged readmitted intubated extubated transferred died passed coded presented came brought rushed dob d mrn mr rx acct nhs ssn dos",
);
const PLACE_PREPOSITIONS = setOf("from in at near to into across around outside");
// "it's Maeve, from the clinic", "I'm Tanya here": someone introducing themselves.
const SELF_INTRODUCTION = /\b(?:it['’]?s|i['’]?m|i\s+am|my\s+name\s+is|name['’]s)\s+(?=[A-Z])/gi;
const INTRODUCED = /^(?:\s*,|\s+here\b|\s+from\b|\s+again\b|\s*[.!]|\s+-)/;
const FAMILY = /\bthe\s+(?=\p{Lu}[\p{Ll}'’-]+\s+family\b)/gu;
// "patient names: Garcia, Lee, Patel": a list, each name on its own.
const NAME_LIST = /\bnames\s*:\s*/gi;

const isMixedCase = (word: Word) => word.shape === "mixed";
const isCapitals = (word: Word) => word.shape === "capitals";
const isInitial = (word: Word) => word.shape === "initial";
const isLowerCase = (word: Word) => word.shape === "lower";

class NameReader {
  readonly words: Word[];
  readonly text: string;
  private readonly indexByStart: Map<number, number>;
  private readonly indexByEnd: Map<number, number>;

  constructor(text: string) {
    this.text = text;
    this.words = wordsOf(text);
    this.indexByStart = new Map(this.words.map((word, index) => [word.start, index]));
    this.indexByEnd = new Map(this.words.map((word, index) => [word.end, index]));
  }

  /** The index of a span's last word (a trailing initial's full stop is not a word). */
  lastWordOf(span: Span): number {
    return this.indexByEnd.get(span.end) ?? this.indexByEnd.get(span.end - 1)!;
  }

  gapAfter(index: number): string {
    const word = this.words[index];
    if (!word) return "";
    return this.text.slice(word.end, this.words[index + 1]?.start ?? this.text.length);
  }

  /** The word starting at `position`, skipping spaces and an opening quote. */
  indexAt(position: number): number | undefined {
    const start =
      position + (/^[\s"“']*/.exec(this.text.slice(position, position + 8))?.[0].length ?? 0);
    return this.indexByStart.get(start);
  }

  isNameWord(word: Word | undefined, options: NameOptions): word is Word {
    if (!word || NOT_A_NAME.has(word.lower) || STAFF_TITLES.has(word.lower)) return false;
    return isMixedCase(word) || (options.capitals && isCapitals(word));
  }

  /** A name starting at word `index`: "J. Whitfield", "Luis Ortega-Campos", "KOWALSKI, ANNA". */
  readAt(index: number, options: NameOptions): Span | null {
    let at = index;
    if (TITLES.has(this.words[at]?.text ?? "") && /^\.?\s+$/.test(this.gapAfter(at))) at++;
    const first = this.words[at];
    if (!first) return null;
    let last = at;
    if (isInitial(first) && /^\.?\s$/.test(this.gapAfter(at))) {
      if (!this.isNameWord(this.words[at + 1], options)) return null;
      last = at + 1;
    } else if (!this.isNameWord(first, options)) {
      return null;
    }
    while (last - at < 2) {
      const next = this.words[last + 1];
      if (this.gapAfter(last) !== " " || !next) break;
      if (PARTICLES.has(next.lower) && this.gapAfter(last + 1) === " ") {
        if (!this.isNameWord(this.words[last + 2], options)) break;
        last += 2;
      } else if (this.isNameWord(next, options) && !PLACE_WORDS.has(next.lower)) {
        last++;
      } else break;
    }
    if (options.surnameFirst && last === at && /^,\s{1,2}$/.test(this.gapAfter(last))) {
      const given = this.words[last + 1];
      if (given && (isInitial(given) || this.isNameWord(given, options))) {
        last++;
        const second = this.words[last + 1];
        if (this.gapAfter(last) === " " && this.isNameWord(second, options)) last++;
      }
    }
    // "Florence Nightingale Wing", "Harvey Cushing Society": a place or a body.
    const after = this.words[last + 1];
    if (after && this.gapAfter(last) === " " && PLACE_WORDS.has(after.lower)) return null;
    return { start: first.start, end: this.endOf(last) };
  }

  /** A name that ends at word `index`, read backwards; null if it follows a staff title. */
  readBefore(index: number, options: NameOptions): Span | null {
    const lastWord = this.words[index];
    if (!lastWord) return null;
    const endsWithInitial = options.capitals && isInitial(lastWord);
    if (!endsWithInitial && !this.isNameWord(lastWord, options)) return null;
    let first = index;
    while (first > index - 2 && first > 0) {
      const gap = this.gapAfter(first - 1);
      const joined =
        gap === " " || (options.surnameFirst && first === index && /^,\s{1,2}$/.test(gap));
      if (!joined || !this.isNameWord(this.words[first - 1], options)) break;
      first--;
    }
    if (first === index && endsWithInitial) return null;
    if (this.followsStaffTitle(first)) return null;
    return { start: this.words[first]!.start, end: this.endOf(index) };
  }

  /** After "Dr", "Nurse", "Code" (Code Brown is an alarm) or "by" (the post's author). */
  followsStaffTitle(index: number): boolean {
    const before = this.words[index - 1];
    if (!before) return false;
    return (
      STAFF_TITLES.has(before.lower) ||
      before.lower === "code" ||
      before.lower === "by" ||
      before.text === "Sister"
    );
  }

  isStaffOrPoster(span: Span): boolean {
    const index = this.indexByStart.get(span.start);
    if (index !== undefined && this.followsStaffTitle(index)) return true;
    const after = this.text.slice(span.end, span.end + 80);
    return STAFF_AFTER.test(after) || CREDENTIALS_AFTER.test(after) || POSTER_AFTER.test(after);
  }

  private endOf(index: number): number {
    const word = this.words[index]!;
    return word.end + (isInitial(word) && this.text[word.end] === "." ? 1 : 0);
  }
}

/** The name that the cue word at `index` introduces, if it is a cue and a name follows. */
function nameAfterCue(reader: NameReader, index: number): Span | null {
  const { words } = reader;
  const word = words[index]!;
  if (!CUE_WORDS.has(word.lower)) return null;
  const gap = reader.gapAfter(index);
  let next = index + 1;

  if (TITLES.has(word.text) && /^\.?\s{1,2}$/.test(gap)) {
    const span = reader.readAt(next, { capitals: true, surnameFirst: false });
    return span && !STAFF_AFTER.test(reader.text.slice(span.end, span.end + 60)) ? span : null;
  }
  if (LABEL_WORDS.has(word.lower) && /^\s*:\s*["“']?$/.test(gap)) {
    return reader.readAt(next, LABELLED);
  }
  const phrase = PHRASES[word.lower];
  const isPhrase =
    phrase !== undefined &&
    words[next]?.lower === phrase &&
    gap === " " &&
    reader.gapAfter(next) === " " &&
    (word.lower !== "care" || words[index - 1]?.lower === "took");
  if (isPhrase) next++;
  const isCue =
    isPhrase ||
    (PATIENT_WORDS.has(word.lower) && /^(?:\.?\s+|\s*[,–—-]\s*)["“']?$/.test(gap)) ||
    (NAMING_WORDS.has(word.lower) && /^\s+["“']?$/.test(gap)) ||
    (word.lower === "name" && /^(?:\s*,\s*|\s+)["“']?$/.test(gap)) ||
    (RELATIONS.has(word.lower) && isLowerCase(word) && /^(?:,?\s+|\s*\(\s*)$/.test(gap)) ||
    (CARE_VERBS.has(word.lower) && isLowerCase(word) && gap === " ");
  if (!isCue) return null;
  while (LINKING_WORDS.has(words[next]?.lower ?? "") && /^\s+["“']?$/.test(reader.gapAfter(next))) {
    next++;
  }
  return reader.readAt(next, STRICT);
}

/** "bed 16 Kaur", "bay 3, Frank Delgado", "Mrs Gomez in bed 4", "Aiden from Room 214". */
function namesAroundBed(reader: NameReader, index: number): Array<Span | null> {
  const { words } = reader;
  const number = index + 1;
  if (!/^\s*#?\s*$/.test(reader.gapAfter(index)) || !/^\d/.test(words[number]?.text ?? "")) {
    return [];
  }
  const found: Array<Span | null> = [];
  if (/^\s*(?:[:,(–—-]\s*)?["“']?$/.test(reader.gapAfter(number))) {
    let after = number + 1;
    while (
      LINKING_WORDS.has(words[after]?.lower ?? "") &&
      /^\s+["“']?$/.test(reader.gapAfter(after))
    ) {
      after++;
    }
    found.push(reader.readAt(after, LABELLED));
  }
  const before = words[index - 1]?.lower;
  if ((before === "in" || before === "from") && reader.gapAfter(index - 2) === " ") {
    found.push(reader.readBefore(index - 2, STRICT));
  } else if (/^\s*\(\s*$/.test(reader.gapAfter(index - 1))) {
    found.push(reader.readBefore(index - 1, STRICT));
  }
  return found;
}

/** "Harold Jenkins", "KOWALSKI, ANNA", "Begum, R.": names that need no cue. */
function nameByItsShape(reader: NameReader, index: number): Span | null {
  const { words, text } = reader;
  const word = words[index]!;
  if (GIVEN_NAMES.has(word.lower) && (isMixedCase(word) || isCapitals(word))) {
    const span = reader.readAt(index, { capitals: isCapitals(word), surnameFirst: false });
    if (span && span.end > word.end) return span;
  }
  const following = words[index + 1];
  const surname =
    following &&
    text[word.end] === "," &&
    /^,\s{1,2}$/.test(reader.gapAfter(index)) &&
    (isCapitals(word) || isMixedCase(word)) &&
    !NOT_A_NAME.has(word.lower) &&
    !STAFF_TITLES.has(word.lower);
  const givenAfter =
    following &&
    ((isInitial(following) && !/^\.\p{L}/u.test(text.slice(following.end, following.end + 2))) ||
      (GIVEN_NAMES.has(following.lower) && isCapitals(following) && isCapitals(word)));
  return surname && givenAfter ? reader.readAt(index, LABELLED) : null;
}

function nameBeforeDescription(reader: NameReader, index: number): Span | null {
  const word = reader.words[index]!;
  const shape = word.shape;
  if (shape !== "mixed" && shape !== "capitals" && shape !== "initial") return null;
  // Most capitalised words are followed by nothing that describes a person: skip them cheaply.
  const next = reader.words[index + 1];
  let ahead = word.end;
  while (reader.text[ahead] === " ") ahead++;
  const char = reader.text[ahead] ?? "";
  const promising =
    ((char === "'" || char === "’") && ahead === word.end) ||
    char === "," ||
    char === "(" ||
    char === "|" ||
    (next !== undefined && (next.shape === "other" || DESCRIPTION_STARTS.has(next.lower)));
  if (!promising) return null;
  const description = reader.text.slice(word.end, word.end + 40);
  const rule = AFTER_NAME.find(({ pattern }) => pattern.test(description));
  const span = rule ? reader.readBefore(index, rule.options) : null;
  // "a teacher from Ohio, died": after these, a capitalised word is a place.
  const before = span && reader.words[(reader.indexAt(span.start) ?? 0) - 1];
  return before && PLACE_PREPOSITIONS.has(before.lower) ? null : span;
}

export function findNames(text: string): Finding[] {
  const reader = new NameReader(text);
  const candidates: Array<Span | null> = [];
  for (const [index, word] of reader.words.entries()) {
    candidates.push(
      nameAfterCue(reader, index),
      nameByItsShape(reader, index),
      nameBeforeDescription(reader, index),
    );
    if (BED_WORDS.has(word.lower)) candidates.push(...namesAroundBed(reader, index));
  }
  for (const match of text.matchAll(SELF_INTRODUCTION)) {
    const index = reader.indexAt(match.index + match[0].length);
    const span = index === undefined ? null : reader.readAt(index, STRICT);
    if (span && INTRODUCED.test(text.slice(span.end, span.end + 8))) candidates.push(span);
  }
  for (const match of text.matchAll(NAME_LIST)) {
    let index = reader.indexAt(match.index + match[0].length);
    while (index !== undefined) {
      const span = reader.readAt(index, { capitals: true, surnameFirst: false });
      if (!span) break;
      candidates.push(span);
      let next = reader.lastWordOf(span) + 1;
      if (!/^\s*[,;]?\s*$/.test(reader.gapAfter(next - 1))) break;
      if (reader.words[next]?.lower === "and") next++;
      index = next;
    }
  }
  for (const match of text.matchAll(FAMILY)) {
    const index = reader.indexAt(match.index + match[0].length);
    if (index !== undefined && reader.isNameWord(reader.words[index], STRICT)) {
      const word = reader.words[index]!;
      candidates.push({ start: word.start, end: word.end });
    }
  }
  const names = candidates.filter(
    (span): span is Span =>
      span !== null &&
      !PLACEHOLDER.test(text.slice(span.start, span.end)) &&
      !reader.isStaffOrPoster(span),
  );
  return withEveryMention(reader, names).map((span) => ({
    kind: "name",
    start: span.start,
    end: span.end,
    strength: CONTEXTUAL,
  }));
}

/** A name found once is a name wherever it recurs: "Gladys is 103. Gladys has outlived…". */
function withEveryMention(reader: NameReader, spans: Span[]): Span[] {
  const { words, text } = reader;
  const single = new Set<string>();
  const phrasesByFirstWord = new Map<string, string[]>();
  for (const span of spans) {
    const written = text.slice(span.start, span.end);
    const first = reader.indexAt(span.start) ?? words.length;
    const firstWord = words[first]?.text;
    if (firstWord !== undefined && firstWord !== written) {
      phrasesByFirstWord.set(firstWord, [...(phrasesByFirstWord.get(firstWord) ?? []), written]);
    }
    for (let index = first; index < words.length; index++) {
      const word = words[index]!;
      if (word.end > span.end) break;
      if (word.text.length >= 3 && !NOT_A_NAME.has(word.lower)) single.add(word.text);
    }
  }
  const found = new Set(spans.map((span) => span.start));
  const all = [...spans];
  const mention = (start: number, end: number) => {
    const span = { start, end };
    if (/[\p{L}\d]/u.test(text[end] ?? "") || reader.isStaffOrPoster(span)) return;
    all.push(span);
  };
  for (const word of words) {
    if (found.has(word.start)) continue;
    for (const phrase of phrasesByFirstWord.get(word.text) ?? []) {
      if (text.startsWith(phrase, word.start)) mention(word.start, word.start + phrase.length);
    }
    if (single.has(word.text)) mention(word.start, word.end);
  }
  return all;
}
