/**
 * Whether a confidential reporter's own words would name them to the colleague: their
 * email, the part of it before the @, or their name (without titles), as whole words.
 * Pure, so the form's warning and the service's check agree.
 */
const TITLES = new Set(["dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx"]);

export function mentionsOwnIdentity(
  text: string,
  person: { name: string; email: string },
): boolean {
  const haystack = text.toLowerCase();
  const email = person.email.toLowerCase();
  if (email && haystack.includes(email)) return true;
  const localPart = email.split("@")[0] ?? "";
  if (localPart.length >= 4 && containsWord(haystack, localPart)) return true;
  return person.name
    .toLowerCase()
    .split(/[^\p{L}\p{M}'-]+/u)
    .filter((word) => word.length >= 3 && !TITLES.has(word))
    .some((word) => containsWord(haystack, word));
}

function containsWord(haystack: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{M}\\p{N}])${escaped}($|[^\\p{L}\\p{M}\\p{N}])`, "u").test(
    haystack,
  );
}
