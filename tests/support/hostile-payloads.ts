/**
 * Hostile input, shared by the integration and browser tests: every text field and query
 * parameter meets all of these. Each payload must be either refused with a clear message
 * (and nothing stored) or stored exactly and shown as inert text.
 */
export type PayloadCategory =
  | "script"
  | "sql"
  | "oversized"
  | "bidi-and-invisible"
  | "control"
  | "csv-formula"
  | "unicode"
  | "path-and-format";

export interface HostilePayload {
  name: string;
  category: PayloadCategory;
  value: string;
}

const ONE_MEGABYTE = 1024 * 1024;

export const HOSTILE_PAYLOADS: readonly HostilePayload[] = [
  // Script injection: each would run if rendered as markup or followed as a link.
  { name: "script tag", category: "script", value: "<script>alert(1)</script>" },
  { name: "img onerror", category: "script", value: '<img src=x onerror="alert(2)">' },
  { name: "svg onload", category: "script", value: "<svg/onload=alert(3)>" },
  { name: "javascript URL", category: "script", value: "javascript:alert(4)" },
  {
    name: "javascript URL, obfuscated",
    category: "script",
    value: "  JaVaScRiPt:/**/alert(5)//https://x.example",
  },
  { name: "data URL", category: "script", value: "data:text/html,<script>alert(6)</script>" },
  {
    name: "attribute breakout",
    category: "script",
    value: '"><script>alert(7)</script><a href="',
  },
  {
    name: "iframe srcdoc",
    category: "script",
    value: '<iframe srcdoc="<script>alert(8)</script>">',
  },
  {
    name: "template literal",
    category: "script",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the payload.
    value: "${alert(9)}{{constructor.constructor('alert(10)')()}}",
  },
  {
    name: "html entity",
    category: "script",
    value: "&lt;script&gt;alert(11)&lt;/script&gt; &amp;",
  },
  {
    name: "markdown link",
    category: "script",
    value: "[click me](javascript:alert(12)) ![x](x onerror=alert(13))",
  },
  // SQL meta-characters: must be data, never syntax, never wildcards.
  { name: "sql drop table", category: "sql", value: "'; drop table users; --" },
  { name: "sql tautology", category: "sql", value: "' or '1'='1" },
  { name: "sql percent", category: "sql", value: "%" },
  { name: "sql underscore", category: "sql", value: "_" },
  { name: "sql backslash", category: "sql", value: "\\" },
  { name: "sql escaped wildcards", category: "sql", value: "100\\% of _all_ %patients%" },
  {
    name: "sql comment and union",
    category: "sql",
    value: "1 union select password_hash from users /*",
  },
  { name: "sql dollar quote", category: "sql", value: "$$; select pg_sleep(10); $$" },
  // Oversized.
  { name: "one megabyte", category: "oversized", value: "A".repeat(ONE_MEGABYTE) },
  {
    name: "just over the note limit",
    category: "oversized",
    value: "Long note that goes on. ".repeat(170),
  },
  // Text direction and invisible characters.
  { name: "right-to-left override", category: "bidi-and-invisible", value: "invoice\u202Egpj.exe" },
  {
    name: "bidi isolates",
    category: "bidi-and-invisible",
    value: "\u2067admin\u2069 \u2066user\u2069 \u202Dx\u202C",
  },
  {
    name: "zero-width space",
    category: "bidi-and-invisible",
    value: "pa\u200Btient\u200C na\u200Dme",
  },
  { name: "byte order mark inside", category: "bidi-and-invisible", value: "mid\uFEFFdle word" },
  { name: "right-to-left text", category: "bidi-and-invisible", value: "שלום عليكم مرحبا" },
  // Null bytes and control characters.
  { name: "null byte", category: "control", value: "before\u0000after" },
  { name: "only a null byte", category: "control", value: "\u0000" },
  { name: "bell and backspace", category: "control", value: "ring\u0007\u0008 twice" },
  { name: "escape sequence", category: "control", value: "\u001B[31mred\u001B[0m text" },
  { name: "delete character", category: "control", value: "gone\u007F char" },
  { name: "vertical tab and form feed", category: "control", value: "page\u000Bone\u000Ctwo" },
  { name: "line breaks", category: "control", value: "first line\r\nsecond line\nthird" },
  // Cells a spreadsheet would read as formulas.
  { name: "csv equals", category: "csv-formula", value: '=HYPERLINK("http://evil.example","x")' },
  { name: "csv plus", category: "csv-formula", value: "+1+cmd|' /C calc'!A0" },
  { name: "csv minus", category: "csv-formula", value: "-2+3+cmd|' /C calc'!A0" },
  { name: "csv at", category: "csv-formula", value: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { name: "csv tab", category: "csv-formula", value: "\t=1+1 after a tab" },
  { name: "csv carriage return", category: "csv-formula", value: "\r=1+1 after a return" },
  // Unicode normalisation and lookalikes.
  { name: "combining accents", category: "unicode", value: "Zoe\u0308 and Zo\u00EB differ" },
  {
    name: "fullwidth script",
    category: "unicode",
    value: "\uFF1Cscript\uFF1Ealert(14)\uFF1C/script\uFF1E",
  },
  { name: "cyrillic lookalike", category: "unicode", value: "\u0430dmin \u0440aypal" },
  { name: "emoji and astral", category: "unicode", value: "👩‍⚕️🏥 \u{1D54F} family: 👨‍👩‍👧‍👦" },
  { name: "lone surrogate", category: "unicode", value: "broken \uD800 half" },
  { name: "ligature", category: "unicode", value: "\uFB01le of\uFB03cial" },
  // Paths, formats and numbers where identifiers are expected.
  { name: "path traversal", category: "path-and-format", value: "../../../etc/passwd" },
  {
    name: "encoded traversal",
    category: "path-and-format",
    value: "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  },
  { name: "huge number", category: "path-and-format", value: "99999999999999999999999" },
  { name: "negative number", category: "path-and-format", value: "-1" },
  { name: "json", category: "path-and-format", value: '{"__proto__":{"admin":true}}' },
  { name: "crlf header injection", category: "path-and-format", value: "x\r\nSet-Cookie: pwned=1" },
];

/** Payloads that would run as script if a page rendered them as markup. */
export const SCRIPT_PAYLOADS = HOSTILE_PAYLOADS.filter((p) => p.category === "script");

export function payloadNamed(name: string): HostilePayload {
  const found = HOSTILE_PAYLOADS.find((p) => p.name === name);
  if (!found) throw new Error(`No hostile payload named "${name}".`);
  return found;
}
