/** A text's words, walked to find names (names.ts): where each is, what lies between. */

import {
  CREDENTIALS_AFTER,
  isCapitals,
  isInitial,
  isMixedCase,
  type NameOptions,
  PARTICLES,
  POSTER_AFTER,
  type Span,
  STAFF_AFTER,
  TITLES,
} from "./name-cues";
import { type Word, wordsOf } from "./text-scan";
import { NOT_A_NAME, PLACE_WORDS, STAFF_TITLES } from "./word-lists";

export class NameReader {
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
