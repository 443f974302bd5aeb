import type { Severity } from "./policy-text";

/**
 * What happens if the colleague does nothing by the deadline, said plainly, from the
 * workflow's rules (DOMAIN.md, "A concern's life", step 5): a significant concern goes to
 * compliance at the deadline; any other lapses, but still counts for patterns.
 */
export function ifYouDoNothing(severity: Severity): string {
  return severity === "significantly_violates_norms"
    ? "If you do nothing by then, the case goes to the compliance team at the deadline. They review it and decide: no violation, coaching, formal action, or referral to an external authority such as the licensing board."
    : "If you do nothing by then, the concern closes as lapsed and goes no further. It stays on record, and counts if other colleagues raise concerns about your posts within a year.";
}

/** A phone number as a tel: link: digits and a leading +, an extension after a comma. */
export function telHref(phone: string): string {
  const [number = "", extension] = phone.split(/\s*(?:ext\.?|x)\s*/i);
  const digits = number.replace(/[^\d+]/g, "").replace(/(?!^)\+/g, "");
  return `tel:${digits}${extension ? `,${extension.replace(/\D/g, "")}` : ""}`;
}
