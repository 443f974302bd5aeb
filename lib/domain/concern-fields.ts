/**
 * The facts a reporter records about a post, and their normal forms. Pure, so the form,
 * the service and the duplicate check all agree on what "the same post" means.
 */

export const PLATFORMS = [
  "x",
  "facebook",
  "instagram",
  "tiktok",
  "linkedin",
  "youtube",
  "reddit",
  "blog_or_website",
  "other",
] as const;

export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  x: "X (Twitter)",
  facebook: "Facebook",
  instagram: "Instagram",
  tiktok: "TikTok",
  linkedin: "LinkedIn",
  youtube: "YouTube",
  reddit: "Reddit",
  blog_or_website: "Blog or website",
  other: "Other",
};

export const IDENTITY_DISCLOSURES = ["confidential", "named"] as const;
export type IdentityDisclosure = (typeof IDENTITY_DISCLOSURES)[number];

/**
 * What people paste: "www.example.com/post/1" or "facebook.com/…" means the https address.
 * Text that already names a scheme is left alone, so a wrong one is still refused.
 */
export function withWebScheme(text: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  return /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]|$)/i.test(text) ? `https://${text}` : text;
}

/** Human-facing case number, stable and unguessable-free: it is not an access token. */
export function concernReference(number: number): string {
  return `PC-${String(number).padStart(6, "0")}`;
}

// Limits shared by the forms (maxLength) and the zod schemas. They live here, free of zod,
// so importing one into a client form does not ship the schemas to the browser.
export const DESCRIPTION_MAX = 4000;
export const NOTE_MAX = 4000;
