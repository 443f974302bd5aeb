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
