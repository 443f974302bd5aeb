/**
 * The audit actions of pattern reviews (lib/domain/pattern-review.ts): a chain of their own,
 * entity "pattern_review", apart from the concerns they list. Part of the one catalogue in
 * audit-actions.ts; none is on a case's timeline (the review page reads its own row).
 */
import type { CaseOutcome } from "@/lib/domain/concern-workflow";
import type { PatientDetailsConfirmation } from "@/lib/domain/patient-details";
import type { PatternSettings } from "@/lib/domain/pattern-review";
import type { AuditActionDeclaration } from "./audit-declaration";

type Screened = { patientDetailsConfirmed?: PatientDetailsConfirmation };

export interface PatternReviewAuditCatalogue {
  /** Opened by the system (no actor) when a filing completed the pattern. */
  pattern_review_opened: {
    entity: "pattern_review";
    details: { subjectId: string; concernIds: string[]; settings: PatternSettings };
  };
  pattern_review_claimed: { entity: "pattern_review"; details: Record<string, never> };
  pattern_review_answered: { entity: "pattern_review"; details: { answer: string } & Screened };
  pattern_review_decided: {
    entity: "pattern_review";
    details: {
      outcome: CaseOutcome;
      rationale: string;
      externalAuthority?: string;
      partySummary?: string;
    } & Screened;
  };
}

const offTimeline = (label: string) =>
  ({ entityType: "pattern_review", label, timeline: "nobody" }) as const;

export const PATTERN_REVIEW_AUDIT_ACTIONS: {
  readonly [A in keyof PatternReviewAuditCatalogue]: AuditActionDeclaration<A>;
} = {
  pattern_review_opened: offTimeline("Pattern review opened"),
  pattern_review_claimed: offTimeline("Pattern review claimed"),
  pattern_review_answered: offTimeline("Pattern review answered by the colleague"),
  pattern_review_decided: offTimeline("Pattern review decided"),
};
