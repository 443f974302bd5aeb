/**
 * Where a person is reached online: email addresses, IP and device (MAC) addresses; and the
 * links that are never identifiers themselves but must be skipped by the other readers.
 */
import type { PatientIdentifierKind } from "../patient-identifiers";
import { type Finding, LABELLED, SHAPED } from "./text-scan";

/**
 * Links are never identifiers by themselves here: a report names the post's own URL and
 * often other pages. Their characters are skipped, so a status id in a link is not read
 * as a phone or record number.
 */
const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"'“”‘’]+|\b(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}\/[^\s<>"'“”‘’]*/gi;

export function findLinks(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(URL)].map((match) => {
    const trimmed = match[0].replace(/[.,;:!?)\]]+$/, "");
    return { start: match.index, end: match.index + trimmed.length };
  });
}

// Read outwards from each "@", so a long text without one costs a single search.
const LOCAL_PART = /[A-Za-z0-9._%+-]{1,64}$/;
const DOMAIN = /[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/y;

export function findEmails(text: string): Finding[] {
  const found: Finding[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    const local = LOCAL_PART.exec(text.slice(Math.max(0, at - 64), at));
    DOMAIN.lastIndex = at + 1;
    if (!local || !DOMAIN.exec(text)) continue;
    found.push({
      kind: "email",
      start: at - local[0].length,
      end: DOMAIN.lastIndex,
      strength: LABELLED,
    });
  }
  return found;
}

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = new RegExp(String.raw`(?<![\w.])(?:${OCTET}\.){3}${OCTET}(?![\w]|\.\d)`, "g");
const IPV6_HINT = /:[0-9A-Fa-f]{0,4}:/;
const IPV6_RUN = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;
const MAC = /(?<![\w:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![\w:-])/g;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

function isIpv6(run: string): boolean {
  const halves = run.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  if (!groups.every((group) => HEX_GROUP.test(group)) || groups.length < 2) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

export function findNetworkAddresses(text: string): Finding[] {
  const found: Finding[] = [];
  const add = (kind: PatientIdentifierKind, start: number, length: number) =>
    found.push({ kind, start, end: start + length, strength: SHAPED });
  for (const match of text.matchAll(IPV4)) add("ip_address", match.index, match[0].length);
  for (const match of IPV6_HINT.test(text) ? text.matchAll(IPV6_RUN) : []) {
    if (isIpv6(match[0])) add("ip_address", match.index, match[0].length);
  }
  for (const match of text.matchAll(MAC)) add("device", match.index, match[0].length);
  return found;
}
