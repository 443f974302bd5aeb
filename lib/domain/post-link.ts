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

/** Query parameters that say who shared or clicked a link, never which post it is. */
const TRACKING_PARAMETER =
  /^(utm_.*|fbclid|gclid|dclid|msclkid|igshid|igsh|si|ref_src|ref_url|mibextid|mc_cid|mc_eid|__cft__.*|__tn__|_hsenc|_hsmi|s_cid|share_id)$/i;

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * One post's one address, so two colleagues pasting it differently open one case: the
 * scheme, the host's case, a `www.`, a trailing dot, a default port, a trailing slash, the
 * #fragment, tracking parameters, the order of the rest and how percent-encoding is spelled
 * do not change the post. Query strings may (?v=… on YouTube), so the rest stay. Throws on
 * text that is not a URL (the form's schema refuses it first).
 */
export function canonicalPostUrl(raw: string): string {
  const url = new URL(raw.trim());
  const host = (domainToASCII(url.hostname) || url.hostname)
    .toLowerCase()
    .replace(/\.+$/, "")
    .replace(/^www\./, "");
  const port = url.port === "" || url.port === "80" || url.port === "443" ? "" : `:${url.port}`;
  const params = new URLSearchParams(url.search);
  for (const key of [...params.keys()]) {
    if (TRACKING_PARAMETER.test(key)) params.delete(key);
  }
  params.sort();
  const query = params.toString();
  const path = normalisePercentEncoding(url.pathname).replace(/\/+$/, "") || "/";
  return `https://${host}${port}${path}${query ? `?${query}` : ""}`;
}

/** "%7e" and "~" are one character, "%2f" and "%2F" one escape: spelled one way. */
function normalisePercentEncoding(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_escape, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : `%${hex.toUpperCase()}`;
  });
}
