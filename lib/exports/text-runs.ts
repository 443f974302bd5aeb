import type { FontName } from "./pdf-fonts";

/** A stretch of text printed in one font, in the order it is to be laid out on the line. */
export interface TextRun {
  font: FontName;
  text: string;
}

/** One paragraph laid out: its runs, and whether it reads right to left (Arabic first). */
export interface ParagraphLayout {
  runs: TextRun[];
  rightToLeft: boolean;
}

// Marks, variation selectors, joiners, skin tones and tags belong to the character before
// them: a flag or "❤️" split across two fonts would print as two broken halves.
const ATTACHES =
  /^(?:\p{M}|\u200c|\u200d|[\ufe00-\ufe0f]|[\u{1f3fb}-\u{1f3ff}]|[\u{e0020}-\u{e007f}])$/u;
// Spaces and punctuation stay in the font of the words around them, so an Arabic sentence
// is one run that fontkit shapes and orders as a whole.
const NEUTRAL = /[\s\p{P}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const STRONG = /[\p{L}]/u;

/**
 * Splits a paragraph into runs by which font has a glyph for each character (the first of
 * `order` that does; pictographs try the emoji font first). Within a run fontkit shapes the
 * text and, for Arabic, joins the letters and lays them right to left. In a paragraph that
 * reads right to left (by default: its first letter is Arabic) the runs go in reverse order: a
 * Latin name inside an Arabic sentence then stands where an Arabic reader expects it.
 */
export function layoutParagraph(
  text: string,
  order: readonly FontName[],
  covers: (font: FontName, codePoint: number) => boolean,
  rightToLeft = readsRightToLeft(text),
): ParagraphLayout {
  const runs: TextRun[] = [];
  for (const char of text) {
    const current = runs.at(-1);
    const codePoint = char.codePointAt(0) ?? 0;
    if (
      current &&
      (ATTACHES.test(char) || (NEUTRAL.test(char) && covers(current.font, codePoint)))
    ) {
      current.text += char;
      continue;
    }
    const font = fontFor(codePoint, PICTOGRAPH.test(char), order, covers);
    if (current?.font === font) current.text += char;
    else runs.push({ font, text: char });
  }
  if (!rightToLeft || runs.length < 2) return { runs, rightToLeft };
  return {
    rightToLeft,
    // fontkit already reverses an Arabic run; a left-to-right run's trailing space must
    // now separate it from the run that follows it on the page, which is on its left.
    runs: runs
      .map((run) =>
        RIGHT_TO_LEFT.test(run.text)
          ? run
          : { ...run, text: run.text.replace(/^(.*?)(\s*)$/su, "$2$1") },
      )
      .reverse(),
  };
}

/** A paragraph reads right to left when its first letter is Arabic or Hebrew. */
export function readsRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text.match(STRONG)?.[0] ?? "");
}

function fontFor(
  codePoint: number,
  pictograph: boolean,
  order: readonly FontName[],
  covers: (font: FontName, codePoint: number) => boolean,
): FontName {
  const tried: readonly FontName[] = pictograph ? ["emoji", ...order] : order;
  // Nothing has it: the first font prints its missing-glyph box, which at least shows that
  // a character is there, unlike a "?" that reads as punctuation.
  return tried.find((font) => covers(font, codePoint)) ?? order[0] ?? "sans";
}
