// Anything a browser may drop, fold or reinterpret in a URL: C0/C1 controls and DEL (a
// browser removes tabs and line breaks, so "/\t/evil.example" becomes "//evil.example"),
// every space and invisible format character (stripped or trimmed by some parsers), and the
// backslash (read as "/" in http URLs, so "/\evil.example" is another site). A line break
// in a Location header would also make the server answer 500.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Z}\\]/u;

// A made-up origin to resolve against: a path that stays on it stays on this site.
const HERE = "https://this-site.invalid";

/**
 * Only same-site paths: a crafted callbackUrl must not send people to another site. The
 * path is checked as written and once more with its escapes undone ("/%09/…", "/%2F/…",
 * "/%5C…"), since a router or proxy on the way may decode it before the browser reads it.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  const path = value.split(/[?#]/, 1)[0] ?? "";
  const decodedPath = decodedFully(path);
  if (decodedPath === null || UNSAFE.test(value)) return fallback;
  if (![value, decodedPath].every(isLocalPath)) return fallback;
  return new URL(value, HERE).origin === HERE ? value : fallback;
}

function isLocalPath(text: string): boolean {
  return text.startsWith("/") && !text.startsWith("//") && !UNSAFE.test(text);
}

/** Undoes percent-escapes until nothing changes (a few rounds at most); null if malformed. */
function decodedFully(text: string): string | null {
  let current = text;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}
