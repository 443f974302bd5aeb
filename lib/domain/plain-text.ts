/**
 * What counts as text a person typed. Control characters (other than tabs and line
 * breaks) have no place in a name, a note or a search, and PostgreSQL cannot store a null
 * byte at all; a lone UTF-16 surrogate is half a character that would be stored as "�".
 * Refusing them with a message keeps a pasted oddity from becoming a fault or a silent change.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const NOT_PLAIN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u;

export const NOT_PLAIN_TEXT_MESSAGE = "Remove the control characters from this text.";

export function isPlainText(text: string): boolean {
  return !NOT_PLAIN_TEXT.test(text);
}

// Characters that take no space on screen: zero-width spaces and joiners, the byte-order
// mark, soft hyphens, variation selectors, Hangul fillers (all "default ignorable"), other
// format characters and the blank Braille pattern. zod's trim() keeps most of them.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u2800]/gu;
// The zero-width joiner is kept until characters are counted: it makes one emoji of several.
const JOINER = "\u200d";
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
// V8's segmenter takes time that grows with the square of the text's length; a minimum is
// decided on this much of the text (a longer text has reached any minimum long before).
const COUNTED_PREFIX = 8192;

/**
 * How long a text looks: what a reader sees, counted as characters as a person counts them
 * (a letter with its accents is one), a run of spaces as one space, ends trimmed. A minimum
 * length is about this, so 25 zero-width spaces are not a description. Counting stops at
 * `upTo`, and looks at no more than the first 8,192 visible code units.
 */
export function visibleLength(text: string, upTo = Number.POSITIVE_INFINITY): number {
  const shown = text
    .replace(INVISIBLE, (char) => (char === JOINER ? char : ""))
    .replace(/\s+/gu, " ")
    .trim()
    .slice(0, COUNTED_PREFIX);
  let count = 0;
  for (const { segment } of graphemes.segment(shown)) {
    if (segment.replaceAll(JOINER, "") === "") continue;
    count++;
    if (count >= upTo) break;
  }
  return count;
}
