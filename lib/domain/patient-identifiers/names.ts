/**
 * Names of patients and of their relatives. A capitalised word is a name only with a cue
 * that makes it one: a title ("Mrs Alvarez"), a role ("my patient Desmond", "her son,
 * Tyrone"), a bed ("bay 3, Frank Delgado"), a label ("Pt: Colón, Rafael"), a verb of care
 * ("discharged Samuel Osei"), what follows it ("Sunita Rao (DOB …"), or a common given name
 * before a surname. A name after "Dr", "Nurse" or the like is staff, and the person who
 * posts, tweets or writes is the colleague, not a patient. Once found, a name is found
 * wherever it recurs in the text.
 */

import {
  AFTER_NAME,
  BED_WORDS,
  CARE_VERBS,
  CUE_WORDS,
  DESCRIPTION_STARTS,
  FAMILY,
  INTRODUCED,
  isCapitals,
  isInitial,
  isLowerCase,
  isMixedCase,
  LABEL_WORDS,
  LABELLED,
  LINKING_WORDS,
  NAME_LIST,
  NAMING_WORDS,
  PATIENT_WORDS,
  PHRASES,
  PLACE_PREPOSITIONS,
  PLACEHOLDER,
  SELF_INTRODUCTION,
  type Span,
  STAFF_AFTER,
  STRICT,
  TITLES,
} from "./name-cues";
import { NameReader } from "./name-reader";
import { CONTEXTUAL, type Finding } from "./text-scan";
import { GIVEN_NAMES, NOT_A_NAME, RELATIONS, STAFF_TITLES } from "./word-lists";

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
