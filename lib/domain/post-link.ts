import { domainToASCII } from "node:url";

/** A post's link as it is shown to a reader: where it really goes, and any reason to doubt it. */
export interface PostLink {
  /** The address to follow: the host in its ASCII (punycode) form, no user part. */
  href: string;
  /** The site it goes to, as DNS knows it: "xn--pple-43d.com", never a look-alike "аpple.com". */
  host: string;
  /** What stood before an "@" in the link, which makes it look like another site's. */
  userPart: string | null;
}

/**
 * A link typed by one colleague and followed by another must not say one site and go to
 * another: an internationalised name is shown in punycode (a Cyrillic "а" is not an "a"),
 * and "https://facebook.com@evil.example/…" goes to evil.example, so that is the host shown
 * and the user part is named in a warning. Null for text that is not an http(s) link.
 */
export function describePostLink(raw: string): PostLink | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = domainToASCII(url.hostname) || url.hostname;
  const userPart = url.username || url.password ? decodedUserPart(url) : null;
  url.username = "";
  url.password = "";
  url.hostname = host;
  return { href: url.href, host, userPart };
}

function decodedUserPart(url: URL): string {
  const part = url.password ? `${url.username}:${url.password}` : url.username;
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
