/**
 * The words for a concern's outcomes and remedies, as people read them. Pure vocabulary,
 * shared by pages, emails and exports; states are worded per reader in reader-words.ts.
 */
import { PLATFORM_LABELS, type Platform } from "./concern-fields";
import type { CaseOutcome, RemediationAction } from "./concern-workflow";
import { CONCERN_CATEGORY_OPTIONS, type ConcernCategory } from "./policy-text";

export const OUTCOME_LABELS: Readonly<Record<CaseOutcome, string>> = {
  no_violation: "No violation",
  coaching: "Coaching conversation",
  formal_action: "Formal action",
  referred_external: "Referred to an external authority",
};

export const REMEDIATION_LABELS: Readonly<Record<RemediationAction, string>> = {
  removed: "Removed the post",
  edited: "Edited the post",
  made_private: "Made the post private",
  other: "Another action",
};

/** "Patient privacy, Other: misleading claims about outcomes". */
export function describeConsiderations(concern: {
  categories: readonly ConcernCategory[];
  otherConsideration: string | null;
}): string {
  return concern.categories
    .map((category) =>
      category === "other" && concern.otherConsideration
        ? `Other: ${concern.otherConsideration}`
        : CONCERN_CATEGORY_OPTIONS[category].label,
    )
    .join(", ");
}

export function platformLabel(platform: Platform): string {
  return PLATFORM_LABELS[platform];
}
