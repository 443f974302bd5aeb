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
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * How long a text looks: what a reader sees, counted as characters as a person counts them
 * (a letter with its accents is one), a run of spaces as one space, ends trimmed. A minimum
 * length is about this, so 25 zero-width spaces are not a description.
 */
export function visibleLength(text: string): number {
  let count = 0;
  let pendingSpace = false;
  for (const { segment } of graphemes.segment(text)) {
    const shown = segment.replace(INVISIBLE, "");
    if (!shown) continue;
    if (/^\s+$/u.test(shown)) {
      pendingSpace = count > 0;
      continue;
    }
    count += pendingSpace ? 2 : 1;
    pendingSpace = false;
  }
  return count;
}
