import { PLATFORM_LABELS, type Platform } from "@/lib/domain/concern-fields";
import {
  type CaseOutcome,
  type ConcernState,
  type RemediationAction,
  STATE_LABELS,
} from "@/lib/domain/concern-workflow";

export const OUTCOME_LABELS: Record<CaseOutcome, string> = {
  no_violation: "No violation",
  coaching: "Coaching conversation",
  formal_action: "Formal action",
  referred_external: "Referred to an external authority",
};

export const REMEDIATION_LABELS: Record<RemediationAction, string> = {
  removed: "Removed the post",
  edited: "Edited the post",
  made_private: "Made the post private",
  other: "Another action",
};

export function stateLabel(state: ConcernState): string {
  const label = STATE_LABELS[state];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function platformLabel(platform: Platform): string {
  return PLATFORM_LABELS[platform];
}

/** What each timeline entry says happened. */
export const TIMELINE_LABELS: Record<string, string> = {
  concern_filed: "Concern raised and notice sent",
  notice_opened: "Notice opened",
  remediation_reported: "Action on the post reported",
  disputed: "Concern disputed",
  remediation_confirmed: "Action confirmed: resolved",
  remediation_rejected: "Action not considered enough",
  escalated_on_rejection: "Escalated to compliance after the action was not considered enough",
  dispute_accepted: "Explanation accepted: closed",
  escalated_on_dispute: "Escalated to compliance after the dispute",
  withdrawn: "Concern withdrawn",
  escalated_by_deadline: "Escalated to compliance: deadline passed without action",
  lapsed: "Closed: deadline passed without a response",
  auto_confirmed: "Action accepted automatically: no answer in time",
  dispute_auto_accepted: "Explanation stands: no answer in time",
  case_closed: "Case closed by the compliance team",
  case_viewed: "Case file opened",
  case_claimed: "Case claimed",
  case_assigned: "Case assigned",
  case_released: "Case released back to the queue",
  case_reopened: "Case reopened",
  case_exported: "Case file exported",
  note_added: "Internal note added",
  note_retracted: "Internal note retracted",
  information_requested: "Information requested",
  information_provided: "Information provided",
};
