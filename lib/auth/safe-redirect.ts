// C0 and C1 control characters and DEL. A browser drops tabs and line breaks from a URL
// (so "/\t/evil.example" becomes "//evil.example", another site), and a line break in a
// Location header is refused by the server, which would answer 500.
const CONTROL = /\p{Cc}/u;

/** Only same-site paths: a crafted callbackUrl must not send people to another site. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || CONTROL.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
