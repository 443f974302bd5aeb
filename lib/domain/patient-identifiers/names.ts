/**
 * Names of patients and of their relatives. A capitalised word is a name only with a cue
 * that makes it one: a title ("Mrs Alvarez"), a role ("my patient Desmond", "her son,
 * Tyrone"), a bed ("bay 3, Frank Delgado"), a label ("Pt: Colón, Rafael"), a verb of care
 * ("discharged Samuel Osei"), what follows it ("Sunita Rao (DOB …"), or a common given name
 * before a surname. A name after "Dr", "Nurse" or the like is staff, and the person who
 * posts, tweets or writes is the colleague, not a patient.
 */
import { CONTEXTUAL, type Finding, type Word, wordsOf } from "./text-scan";
import { GIVEN_NAMES, NOT_A_NAME, PLACE_WORDS, RELATIONS, STAFF_TITLES } from "./word-lists";

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

const TITLES = new Set([
  "Mr",
  "Mrs",
  "Ms",
  "Miss",
  "Mx",
  "Mister",
  "Mme",
  "Mlle",
  "mr",
  "mrs",
  "ms",
]);
const PARTICLES = new Set([
  "van",
  "von",
  "de",
  "der",
  "den",
  "del",
  "della",
  "da",
  "di",
  "du",
  "la",
  "le",
  "bin",
  "ibn",
  "al",
  "el",
]);
const PATIENT_WORDS = new Set(["patient", "pt", "client", "resident", "donor", "decedent"]);
const BED_WORDS = new Set([
  "bed",
  "bay",
  "room",
  "rm",
  "cubicle",
  "cube",
  "stretcher",
  "trolley",
  "chair",
  "bedspace",
  "cot",
  "crib",
]);
const CARE_VERBS = new Set([
  "admitted",
  "discharged",
  "readmitted",
  "treated",
  "intubated",
  "resuscitated",
  "examined",
  "saw",
  "seen",
  "visited",
  "triaged",
  "coded",
  "delivered",
]);
const NAMING_WORDS = new Set(["named", "called", "re"]);
// Two-word cues: "this is Tanya Brooks", "known as", "goes by".
const PHRASES: Readonly<Record<string, string>> = { this: "is", known: "as", goes: "by" };
// Said of a name that follows ("patient is Carla", "the donor as Kevin Marsh").
const LINKING_WORDS = new Set(["is", "was", "as", "named", "called", "the"]);

const STAFF_AFTER =
  /^,?\s+(?:(?:the|our|a|an|my|his|her)\s+)?(?:\p{L}+\s+)?(?:consultant|surgeon|registrar|attending|doctor|physician|colleague|anaesthetist|anesthetist|gp|professor|lecturer|nurse|resident|fellow|intern|cardiologist|radiologist|psychiatrist|pediatrician|paediatrician|oncologist|neurologist|hospitalist|internist|obstetrician|dermatologist|urologist|pathologist|ceo|cmo|director)\b/iu;
const CREDENTIALS_AFTER =
  /^,?\s*(?:MD|DO|PhD|RN|NP|PA-C|PA|MBBS|MBChB|FRCS|FRCP|MRCP|DNP|PharmD|FACP|FACS)\b/;
// The one who posts is the colleague being reported.
const POSTER_AFTER =
  /^(?:['’]s\s+(?:post|tweet|video|reel|story|account|page|profile|blog|thread|comment|feed|channel|podcast|article|caption|livestream)|\s+(?:posted|tweeted|wrote|writes|shared|said|says|commented|replied|retweeted|reposted|uploaded|published|claims?|claimed|argued|argues|boasted|boasts|added|responded|liked|livestreamed|tagged|mocked|mocks))\b/iu;

const BELONGINGS =
  "chart|notes?|x-?rays?|scans?|mri|ct|results?|labs?|bloods?|ecg|ekg|wound|rash|tumou?r|biopsy|diagnosis|prognosis|medications?|meds|family|daughter|son|wife|husband|mother|father|room|bed|bracelet|wristband|discharge|admission|surgery|operation|records?|file|insurance|address|phone|number|dob|mrn|funeral|obituary";
const AFTER_NAME: Array<{ pattern: RegExp; options: NameOptions }> = [
  {
    pattern: new RegExp(String.raw`^['’]s\s+(?:${BELONGINGS})\b`, "i"),
    options: { capitals: false, surnameFirst: false },
  },
  {
    pattern:
      /^\s*[,(]\s*(?:(?:a|an|the)\s+)?(?:\d{1,3}\s*[-\s]?(?:years?|yrs?|y\/?o|yo)\b|\d{1,3}\s?[MF]\b|aged?\s+\d|d\.?o\.?b\b|born\b|mrn\b|age\s*\d|(?:mother|father|son|daughter|wife|husband|patient|pt|next of kin|nok)\)|\d{1,3}\))/i,
    options: { capitals: false, surnameFirst: false },
  },
  {
    pattern: /^\s*[,(|]?\s*(?:d\.?o\.?b|mrn|mr#|rx#|acct|nhs|ssn|dos)(?![\p{L}])/iu,
    options: { capitals: true, surnameFirst: true },
  },
  {
    pattern:
      /^\s*,?\s*(?:(?:was|is|has\s+been|got|had\s+been)\s+)?(?:admitted|discharged|readmitted|intubated|extubated|transferred|died|passed\s+away|coded|presented|came\s+in|brought\s+in|rushed\s+in)\b/i,
    options: { capitals: false, surnameFirst: false },
  },
  { pattern: /^\s+\d{1,3}\s?[MF]\b/, options: { capitals: true, surnameFirst: true } },
];

const isMixedCase = (word: Word) =>
  /^\p{Lu}/u.test(word.text) && /\p{Ll}/u.test(word.text) && !/\d/.test(word.text);
const isCapitals = (word: Word) => /^\p{Lu}[\p{Lu}'’-]+$/u.test(word.text);
const isInitial = (word: Word) => /^\p{Lu}$/u.test(word.text);

class NameReader {
  readonly words: Word[];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.words = wordsOf(text);
  }

  gapAfter(index: number): string {
    const word = this.words[index];
    const next = this.words[index + 1];
    if (!word) return "";
    return this.text.slice(word.end, next ? next.start : this.text.length);
  }

  private isNameWord(word: Word | undefined, options: NameOptions): word is Word {
    if (!word || NOT_A_NAME.has(word.lower) || STAFF_TITLES.has(word.lower)) return false;
    return isMixedCase(word) || (options.capitals && isCapitals(word));
  }

  /** Reads a name starting at word `index`: "J. Whitfield", "Luis Ortega-Campos", "KOWALSKI, ANNA". */
  readAt(index: number, options: NameOptions): Span | null {
    let at = index;
    if (TITLES.has(this.words[at]?.text ?? "") && /^\.?\s+$/.test(this.gapAfter(at))) at++;
    const first = this.words[at];
    if (!first) return null;
    let end: number;
    let last = at;
    if (
      isInitial(first) &&
      /^\.?\s$/.test(this.gapAfter(at)) &&
      this.isNameWord(this.words[at + 1], options)
    ) {
      last = at + 1;
    } else if (!this.isNameWord(first, options)) {
      return null;
    }
    for (let taken = last - at + 1; taken < 3; taken++) {
      const next = this.words[last + 1];
      const gap = this.gapAfter(last);
      if (next && PARTICLES.has(next.lower) && gap === " " && this.gapAfter(last + 1) === " ") {
        if (!this.isNameWord(this.words[last + 2], options)) break;
        last += 2;
        continue;
      }
      if (gap !== " " || !this.isNameWord(next, options) || PLACE_WORDS.has(next.lower)) break;
      last++;
    }
    end = this.words[last]!.end;
    const gap = this.gapAfter(last);
    if (options.surnameFirst && last === at && /^,\s{1,2}$/.test(gap)) {
      const given = this.words[last + 1];
      if (given && (isInitial(given) || this.isNameWord(given, options))) {
        last++;
        end = given.end;
        if (
          this.words[last + 1] &&
          this.gapAfter(last) === " " &&
          this.isNameWord(this.words[last + 1], options)
        ) {
          end = this.words[++last]!.end;
        }
      }
    }
    if (isInitial(this.words[last]!) && this.text[end] === ".") end++;
    return { start: first.start, end };
  }

  /** Reads a name that ends at word `index`, walking back; null if staff or no name. */
  readBefore(index: number, options: NameOptions): Span | null {
    let first = index;
    const lastWord = this.words[index];
    if (!lastWord) return null;
    const lastIsInitial = isInitial(lastWord) && options.capitals;
    if (!lastIsInitial && !this.isNameWord(lastWord, options)) return null;
    while (first > index - 2 && first > 0) {
      const previous = this.words[first - 1]!;
      const gap = this.gapAfter(first - 1);
      const joined =
        gap === " " || (options.surnameFirst && /^,\s{1,2}$/.test(gap) && first === index);
      if (!joined || !this.isNameWord(previous, options)) break;
      first--;
    }
    const stopper = this.words[first - 1];
    if (
      stopper &&
      (STAFF_TITLES.has(stopper.lower) || stopper.lower === "code" || stopper.text === "Sister")
    ) {
      return null;
    }
    if (first === index && lastIsInitial) return null;
    const end = lastWord.end + (lastIsInitial && this.text[lastWord.end] === "." ? 1 : 0);
    return { start: this.words[first]!.start, end };
  }

  isStaffOrPoster(span: Span, beforeIndex: number): boolean {
    const before = this.words[beforeIndex - 1];
    if (
      before &&
      (STAFF_TITLES.has(before.lower) || before.lower === "by" || before.text === "Sister")
    )
      return true;
    const after = this.text.slice(span.end, span.end + 80);
    return STAFF_AFTER.test(after) || CREDENTIALS_AFTER.test(after) || POSTER_AFTER.test(after);
  }
}

const STRICT: NameOptions = { capitals: false, surnameFirst: false };
const LABELLED: NameOptions = { capitals: true, surnameFirst: true };

export function findNames(text: string): Finding[] {
  const reader = new NameReader(text);
  const { words } = reader;
  const spans: Span[] = [];
  const keep = (span: Span | null, firstIndex: number) => {
    if (span && !reader.isStaffOrPoster(span, firstIndex)) spans.push(span);
  };
  const indexAt = (start: number) => words.findIndex((word) => word.start === start);

  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const gap = reader.gapAfter(index);
    let next = index + 1;

    if (TITLES.has(word.text) && /^\.?\s{1,2}$/.test(gap)) {
      const span = reader.readAt(next, { capitals: true, surnameFirst: false });
      if (span && !STAFF_AFTER.test(text.slice(span.end, span.end + 60))) spans.push(span);
      continue;
    }

    const isPatientWord =
      PATIENT_WORDS.has(word.lower) && /^(?:\.?\s+|\s*[:,–—-]\s*)["“']?$/.test(gap);
    const isPhrase =
      PHRASES[word.lower] !== undefined &&
      PHRASES[word.lower] === words[next]?.lower &&
      reader.gapAfter(index) === " " &&
      reader.gapAfter(next) === " ";
    if (isPhrase) next++;
    const isNamingWord =
      isPhrase ||
      (NAMING_WORDS.has(word.lower) && /^:?\s+["“']?$/.test(gap)) ||
      (word.lower === "name" && /^(?:\s*[:,]\s*|\s+)["“']?$/.test(gap));
    const isRelation =
      RELATIONS.has(word.lower) && /^\p{Ll}/u.test(word.text) && /^(?:,?\s+|\s*\(\s*)$/.test(gap);
    const isCareVerb = CARE_VERBS.has(word.lower) && /^\p{Ll}/u.test(word.text) && gap === " ";
    // "took care of Big Mike", "looked after Rosa", "cared for Mr Ames".
    const isCareSaying =
      (word.lower === "care" &&
        words[index - 1]?.lower === "took" &&
        words[next]?.lower === "of") ||
      (word.lower === "looked" && words[next]?.lower === "after") ||
      (word.lower === "cared" && words[next]?.lower === "for");
    if (isCareSaying) {
      const span = reader.readAt(next + 1, STRICT);
      if (span) keep(span, next + 1);
      continue;
    }
    if (isPatientWord || isNamingWord || isRelation || isCareVerb) {
      const labelled = /:/.test(gap);
      while (
        LINKING_WORDS.has(words[next]?.lower ?? "") &&
        /^\s+["“']?$/.test(reader.gapAfter(next))
      )
        next++;
      keep(reader.readAt(next, labelled ? LABELLED : STRICT), next);
      continue;
    }

    if (
      BED_WORDS.has(word.lower) &&
      /^\s*#?\s*$/.test(gap) &&
      /^\d/.test(words[next]?.text ?? "")
    ) {
      const number = next;
      let after = number + 1;
      if (/^\s*(?:[:,(–—-]\s*)?["“']?$/.test(reader.gapAfter(number))) {
        while (
          LINKING_WORDS.has(words[after]?.lower ?? "") &&
          /^\s+["“']?$/.test(reader.gapAfter(after))
        )
          after++;
        keep(reader.readAt(after, LABELLED), after);
      }
      // "Mrs Gomez in bed 4", "Gomez (bed 4)".
      const before = words[index - 1];
      const beforeGap = reader.gapAfter(index - 1);
      if (before && before.lower === "in" && reader.gapAfter(index - 2) === " ") {
        keep(reader.readBefore(index - 2, STRICT), index - 2);
      } else if (/^\s*\(\s*$/.test(beforeGap)) {
        keep(reader.readBefore(index - 1, STRICT), index - 1);
      }
      continue;
    }

    if (GIVEN_NAMES.has(word.lower) && (isMixedCase(word) || isCapitals(word))) {
      const span = reader.readAt(index, { capitals: isCapitals(word), surnameFirst: false });
      if (span && span.end > word.end && !PLACE_WORDS.has(words[index + 1]?.lower ?? "")) {
        keep(span, index);
      }
    }
    // "KOWALSKI, ANNA", "Begum, R.": a surname, a comma, a given name or an initial.
    const following = words[next];
    if (
      following &&
      /^,\s{1,2}$/.test(gap) &&
      (isCapitals(word) || isMixedCase(word)) &&
      !NOT_A_NAME.has(word.lower) &&
      !STAFF_TITLES.has(word.lower) &&
      ((isInitial(following) && !/^\.\p{L}/u.test(text.slice(following.end))) ||
        (GIVEN_NAMES.has(following.lower) && isCapitals(following) && isCapitals(word)))
    ) {
      keep(reader.readAt(index, LABELLED), index);
    }

    for (const { pattern, options } of AFTER_NAME) {
      if (pattern.test(text.slice(word.end, word.end + 40))) {
        const span = reader.readBefore(index, options);
        if (span) keep(span, indexAt(span.start));
        break;
      }
    }
  }
  return withEveryMention(reader, spans).map((span) => ({
    kind: "name",
    start: span.start,
    end: span.end,
    strength: CONTEXTUAL,
  }));
}

/**
 * A name found once is a name wherever it recurs in the text ("Gladys is 103. Gladys has
 * outlived…"): its full form, its last word, and its first word when that is a given name.
 */
function withEveryMention(reader: NameReader, spans: Span[]): Span[] {
  const forms = new Set<string>();
  const { words } = reader;
  for (const span of spans) {
    const inside = words.filter((word) => word.start >= span.start && word.end <= span.end);
    const usable = inside.filter(
      (word) => word.text.length >= 3 && !NOT_A_NAME.has(word.lower) && !isInitial(word),
    );
    for (const [position, word] of usable.entries()) {
      if (position === usable.length - 1 || usable.length === 1 || GIVEN_NAMES.has(word.lower))
        forms.add(word.text);
    }
  }
  const all = [...spans];
  for (const [index, word] of words.entries()) {
    if (
      !forms.has(word.text) ||
      spans.some((span) => span.start <= word.start && word.end <= span.end)
    )
      continue;
    const span = { start: word.start, end: word.end };
    if (!reader.isStaffOrPoster(span, index)) all.push(span);
  }
  return all;
}
