/**
 * The shared vocabulary of the detector's rules: what a finding is, words with their
 * positions, and where a clause begins and ends (so a cue in one sentence does not reach a
 * number in the next).
 */
import type { PatientIdentifierKind } from "../patient-identifiers";

/**
 * One rule's finding. `strength` settles overlaps: a number read after its label ("MRN
 * 123456") is surer of its kind than one read from its shape alone.
 */
export interface Finding {
  kind: PatientIdentifierKind;
  start: number;
  end: number;
  strength: number;
}

export const LABELLED = 3;
export const SHAPED = 2;
export const CONTEXTUAL = 1;

/**
 * How a word is written, worked out once: "mixed" (Alvarez, O'Donnell), "capitals"
 * (KOWALSKI), "initial" (J), "lower" or "other" (digits).
 */
export type WordShape = "mixed" | "capitals" | "initial" | "lower" | "other";

export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  shape: WordShape;
}

function shapeOf(word: string, lower: string): WordShape {
  const first = word[0]!;
  if (first === lower[0]) return first >= "0" && first <= "9" ? "other" : "lower";
  if (word.length === 1) return "initial";
  if (/\d/.test(word)) return "other";
  return word === word.toUpperCase() ? "capitals" : "mixed";
}

// A word keeps inner apostrophes and hyphens (O'Donnell, Ortega-Campos) but not a
// possessive "'s", which is split off below.
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*|\d+[A-Za-z]?(?![\p{L}\d])/gu;

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    let value = match[0];
    const apostrophe = value[value.length - 2];
    if (value.length > 2 && value.endsWith("s") && (apostrophe === "'" || apostrophe === "’")) {
      value = value.slice(0, -2);
    }
    const lower = value.toLowerCase();
    words.push({
      text: value,
      lower,
      start: match.index,
      end: match.index + value.length,
      shape: shapeOf(value, lower),
    });
  }
  return words;
}

// Short words that end with a full stop without ending a sentence.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "pt",
  "no",
  "vs",
  "b",
  "d",
  "e",
  "g",
  "i",
  "approx",
  "dept",
  "prof",
  "jr",
  "sr",
  "ave",
  "rd",
  "apt",
  "acc",
  "inc",
  "ltd",
  "etc",
  "a",
  "p",
  "m",
]);

function endsSentence(text: string, at: number): boolean {
  const char = text[at];
  if (char === "\n" || char === "!" || char === "?" || char === ";") return true;
  if (char !== ".") return false;
  const next = text[at + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  const before = /(\p{L}+)$/u.exec(text.slice(Math.max(0, at - 12), at));
  return !(before && ABBREVIATIONS.has(before[1]!.toLowerCase()));
}

/** Where the clause holding `index` starts, looking back at most `limit` characters. */
export function clauseStart(text: string, index: number, limit: number): number {
  const floor = Math.max(0, index - limit);
  for (let at = index - 1; at >= floor; at--) if (endsSentence(text, at)) return at + 1;
  return floor;
}

/** Where the clause holding `index` ends, looking ahead at most `limit` characters. */
export function clauseEnd(text: string, index: number, limit: number): number {
  const ceiling = Math.min(text.length, index + limit);
  for (let at = index; at < ceiling; at++) if (endsSentence(text, at)) return at;
  return ceiling;
}
