/**
 * The AMA policy "Professionalism in the Use of Social Media", quoted verbatim: notices
 * show these words to colleagues, so they must not be paraphrased.
 */

export const AMA_POLICY_TITLE = "Professionalism in the Use of Social Media";

export const AMA_CONSIDERATIONS = {
  a: "Physicians should be cognizant of standards of patient privacy and confidentiality that must be maintained in all environments, including online, and must refrain from posting identifiable patient information online.",
  b: "When using the Internet for social networking, physicians should use privacy settings to safeguard personal information and content to the extent possible, but should realize that privacy settings are not absolute and that once on the Internet, content is likely there permanently. Thus, physicians should routinely monitor their own Internet presence to ensure that the personal and professional information on their own sites and, to the extent possible, content posted about them by others, is accurate and appropriate.",
  c: "If they interact with patients on the Internet, physicians must maintain appropriate boundaries of the patient-physician relationship in accordance with professional ethical guidelines just, as they would in any other context.",
  d: "To maintain appropriate professional boundaries physicians should consider separating personal and professional content online.",
  e: "When physicians see content posted by colleagues that appears unprofessional they have a responsibility to bring that content to the attention of the individual, so that he or she can remove it and/or take other appropriate actions. If the behavior significantly violates professional norms and the individual does not take appropriate action to resolve the situation, the physician should report the matter to appropriate authorities.",
  f: "Physicians must recognize that actions online and content posted may negatively affect their reputations among patients and colleagues, may have consequences for their medical careers (particularly for physicians-in-training and medical students), and can undermine public trust in the medical profession.",
} as const;

export type ConsiderationLetter = keyof typeof AMA_CONSIDERATIONS;

/**
 * What the filing form offers: the considerations a colleague's post can breach. (b), (d)
 * and (e) guide a physician's own conduct, so a peer cannot file under them.
 */
export const CONCERN_CATEGORIES = [
  "privacy",
  "patient_boundaries",
  "undermining_trust",
  "other",
] as const;

export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

export const CONCERN_CATEGORY_OPTIONS: Readonly<
  Record<ConcernCategory, { label: string; consideration: ConsiderationLetter | null }>
> = {
  privacy: { label: "Patient privacy", consideration: "a" },
  patient_boundaries: { label: "Patient boundaries", consideration: "c" },
  undermining_trust: { label: "Undermining trust in the profession", consideration: "f" },
  other: { label: "Other", consideration: null },
};

/** The reporter's own judgement, in the two phrases consideration (e) turns on. */
export const SEVERITIES = ["appears_unprofessional", "significantly_violates_norms"] as const;

export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  appears_unprofessional: "Appears unprofessional",
  significantly_violates_norms: "Significantly violates professional norms",
};
