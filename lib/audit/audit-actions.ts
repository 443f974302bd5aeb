/**
 * Every audit action, declared once: the entity it is about, the shape of its details,
 * its words on a case's timeline and who may see it there. `writeAuditEvent` is typed by
 * this catalogue, and the timeline, the parties' view and the export read from it, so a
 * new action without a label or an audience does not compile.
 */
import type { ConcernView } from "@/lib/authz/concern-access";
import type { RecordedChannel } from "@/lib/domain/concern-channels";
import type { IdentityDisclosure, Platform } from "@/lib/domain/concern-fields";
import { OUTCOME_LABELS, REMEDIATION_LABELS } from "@/lib/domain/concern-labels";
import type {
  CaseOutcome,
  ConcernEvent,
  ConcernEventType,
  ConcernState,
} from "@/lib/domain/concern-workflow";
import type { EvidenceRecord } from "@/lib/domain/evidence";
import type { PatientDetailsConfirmation } from "@/lib/domain/patient-details";
import type { ConcernCategory, Severity } from "@/lib/domain/policy-text";
import type { VerdictEvent } from "@/lib/domain/reporter-verdicts";
import type { ExportRecord } from "@/lib/exports/export-manifest";
import { ACCOUNT_AUDIT_ACTIONS, type AccountAuditCatalogue } from "./account-audit-actions";
import type { AuditActionDeclaration } from "./audit-declaration";
import {
  PATTERN_REVIEW_AUDIT_ACTIONS,
  type PatternReviewAuditCatalogue,
} from "./pattern-review-audit-actions";

/**
 * Someone's words that were checked for patient details: each field whose findings its writer
 * confirmed are not a patient's, with the kinds found. Never the text.
 */
type Screened = { patientDetailsConfirmed?: PatientDetailsConfirmation };

/** A transition's record: where the case was, where it went, and what the event carried. */
type Transition<E extends ConcernEventType> = { from: ConcernState; to: ConcernState } & Omit<
  Extract<ConcernEvent, { type: E }>,
  "type"
> &
  Screened;

/** The stored words an officer can redact, by where they are kept. */
export type RedactableField =
  | "description"
  | "otherConsideration"
  | "responseNote"
  | "outcomeRationale"
  | "externalAuthority"
  | `question:${string}`
  | `answer:${string}`;

type Party = "reporter" | "subject";

/** What an officer saw by opening or exporting a case file. */
type Seen = ("case_file" | "reporter_identity")[];

/** Each action's entity and details. The transition table names which event each records. */
export interface AuditCatalogue extends AccountAuditCatalogue, PatternReviewAuditCatalogue {
  concern_filed: {
    entity: "concern";
    details: {
      to: "awaiting_response";
      subjectId: string;
      severity: Severity;
      categories: ConcernCategory[];
      disclosure: IdentityDisclosure;
      platform: Platform;
      /** How it arrived, when an officer recorded it (the event's actor is the officer). */
      channel?: RecordedChannel;
      /** The reporter of record, when not the event's actor (recorded for a physician). */
      reporterId?: string;
      /** Whether an outside source's name was recorded (never the name itself). */
      sourceNamed?: boolean;
      /** Each file filed with it, by its neutral name and the SHA-256 of the stored bytes. */
      evidence?: EvidenceRecord[];
    } & Screened;
  };
  /**
   * A colleague raised a post that already had this open case about the same colleague, and
   * joined it as a further reporter: their own judgement, and the case's severity after it.
   */
  reporter_joined: {
    entity: "concern";
    details: {
      severity: Severity;
      caseSeverity: Severity;
      categories: ConcernCategory[];
      disclosure: IdentityDisclosure;
      platform: Platform;
      evidence?: EvidenceRecord[];
    } & Screened;
  };
  /** One of several reporters consented to the response; the case waits for the others. */
  reporter_answer_recorded: {
    entity: "concern";
    details: { answer: VerdictEvent; stillToAnswer: number };
  };
  evidence_downloaded: {
    entity: "concern";
    details: { evidenceId: string; sha256: string; as: ConcernView };
  };
  notice_opened: { entity: "concern"; details: Transition<"open_notice"> };
  remediation_reported: { entity: "concern"; details: Transition<"report_remediation"> };
  disputed: { entity: "concern"; details: Transition<"dispute"> };
  remediation_confirmed: { entity: "concern"; details: Transition<"confirm_remediation"> };
  remediation_rejected: { entity: "concern"; details: Transition<"reject_remediation"> };
  escalated_on_rejection: { entity: "concern"; details: Transition<"reject_remediation"> };
  dispute_accepted: { entity: "concern"; details: Transition<"accept_dispute"> };
  escalated_on_dispute: { entity: "concern"; details: Transition<"escalate_dispute"> };
  withdrawn: { entity: "concern"; details: Transition<"withdraw"> };
  escalated_by_deadline: { entity: "concern"; details: Transition<"response_deadline_passed"> };
  lapsed: { entity: "concern"; details: Transition<"response_deadline_passed"> };
  auto_confirmed: { entity: "concern"; details: Transition<"confirmation_window_passed"> };
  dispute_auto_accepted: { entity: "concern"; details: Transition<"dispute_window_passed"> };
  case_claimed: { entity: "concern"; details: Transition<"claim"> };
  case_assigned: { entity: "concern"; details: Transition<"assign"> };
  case_released: { entity: "concern"; details: Transition<"release"> };
  case_closed: { entity: "concern"; details: Transition<"close_case"> };
  case_reopened: { entity: "concern"; details: Transition<"reopen"> };
  /**
   * Openings go on the case's access chain (entity id: the case's id), not on the case's
   * own: many officers open a case while one changes it, and an opening must not wait for
   * the case's chain lock. Openings recorded before this were written on the case's chain.
   */
  case_viewed: { entity: "case_access"; details: { seen: Seen } };
  case_exported: {
    entity: "concern";
    // The export as produced: its manifest is rebuilt from these details, and a received
    // file is checked against `sha256` (exports recorded before carry the first three only).
    details: { format: "pdf" | "csv"; includesNotes: boolean; seen: Seen } & Omit<
      ExportRecord,
      "format" | "includesNotes"
    > & { manifestSha256: string };
  };
  // A note's words stay in the append-only notes table; the event names the note only.
  note_added: { entity: "concern"; details: { noteId: number } & Screened };
  note_retracted: { entity: "concern"; details: { noteId: number; reason: string } & Screened };
  // A message's words stay in the append-only thread; the event names the message only.
  message_posted: { entity: "concern"; details: { messageId: number; from: Party } & Screened };
  /** An officer stepped aside from the case; `released`: they held it and it went back. */
  officer_recused: {
    entity: "concern";
    details: { reason: string; released: boolean } & Screened;
  };
  message_reported: {
    entity: "concern";
    details: { messageId: number; by: Party; reason?: string } & Screened;
  };
  information_requested: {
    entity: "concern";
    details: { requestId: string; recipient: "reporter" | "subject"; question: string } & Screened;
  };
  information_provided: {
    entity: "concern";
    details: { requestId: string; recipient: "reporter" | "subject"; answer: string } & Screened;
  };
  // An appeal's steps, on the case's own chain; the appeal row is what pages read.
  appeal_filed: {
    entity: "concern";
    details: { appealId: string; appealedOutcome: CaseOutcome; explanation: string } & Screened;
  };
  appeal_taken: { entity: "concern"; details: { appealId: string } };
  /** The outcome as it was and as it now is: upholding an appeal changes the case's outcome. */
  appeal_upheld: {
    entity: "concern";
    details: {
      appealId: string;
      fromOutcome: CaseOutcome;
      toOutcome: CaseOutcome;
      rationale: string;
      externalAuthority?: string;
      partySummary?: string;
    } & Screened;
  };
  appeal_dismissed: {
    entity: "concern";
    details: {
      appealId: string;
      outcome: CaseOutcome;
      rationale: string;
      partySummary?: string;
    } & Screened;
  };
  /**
   * The holder removed words from stored text: which field, how, and the SHA-256 of the text
   * as it was, so a copy held elsewhere can be matched to it; never the text. Earlier events
   * that quote the same words cannot change (the trail is append-only), so the timeline and
   * the export hide the quotes listed here.
   */
  case_text_redacted: {
    entity: "concern";
    details: {
      field: RedactableField;
      scope: "marked" | "words" | "whole";
      removedSha256: string;
      hiddenQuotes: { eventId: number; key: string }[];
    };
  };
}

export type AuditAction = keyof AuditCatalogue;
export type AuditEntityType = AuditCatalogue[AuditAction]["entity"];
export type AuditDetailsOf<A extends AuditAction> = AuditCatalogue[A]["details"];

export type { TimelineAudience } from "./audit-declaration";

const remedy = (details: { action?: keyof typeof REMEDIATION_LABELS }) =>
  details.action ? REMEDIATION_LABELS[details.action] : undefined;

export const AUDIT_ACTIONS: { readonly [A in AuditAction]: AuditActionDeclaration<A> } = {
  concern_filed: {
    entityType: "concern",
    label: "Concern raised and notice sent",
    timeline: "parties",
  },
  reporter_joined: {
    entityType: "concern",
    label: "Another colleague raised the same post",
    timeline: "parties",
    // Their judgement and evidence are the officers' to weigh; parties see that it happened.
    detailsFor: "officers",
  },
  reporter_answer_recorded: {
    entityType: "concern",
    label: "Answer recorded: waiting for the other colleagues who raised this",
    timeline: "parties",
    summary: (details) =>
      details.answer === "accept_dispute" ? "Explanation accepted" : "Action confirmed",
  },
  notice_opened: { entityType: "concern", label: "Notice opened", timeline: "parties" },
  evidence_downloaded: {
    entityType: "concern",
    label: "Evidence file downloaded",
    timeline: "officers",
  },
  remediation_reported: {
    entityType: "concern",
    label: "Action on the post reported",
    timeline: "parties",
    summary: remedy,
    quotes: { note: "Note" },
  },
  disputed: {
    entityType: "concern",
    label: "Concern disputed",
    timeline: "parties",
    quotes: { explanation: "Explanation" },
  },
  remediation_confirmed: {
    entityType: "concern",
    label: "Action confirmed: resolved",
    timeline: "parties",
  },
  remediation_rejected: {
    entityType: "concern",
    label: "Action not considered enough",
    timeline: "parties",
    quotes: { reason: "Reason" },
  },
  escalated_on_rejection: {
    entityType: "concern",
    label: "Escalated to compliance after the action was not considered enough",
    timeline: "parties",
    quotes: { reason: "Reason" },
  },
  dispute_accepted: {
    entityType: "concern",
    label: "Explanation accepted: closed",
    timeline: "parties",
  },
  escalated_on_dispute: {
    entityType: "concern",
    label: "Escalated to compliance after the dispute",
    timeline: "parties",
    quotes: { reason: "Reason" },
  },
  withdrawn: {
    entityType: "concern",
    label: "Concern withdrawn",
    timeline: "parties",
    quotes: { reason: "Reason" },
  },
  escalated_by_deadline: {
    entityType: "concern",
    label: "Escalated to compliance: deadline passed without action",
    timeline: "parties",
  },
  lapsed: {
    entityType: "concern",
    label: "Closed: deadline passed without a response",
    timeline: "parties",
  },
  auto_confirmed: {
    entityType: "concern",
    label: "Action accepted automatically: no answer in time",
    timeline: "parties",
  },
  dispute_auto_accepted: {
    entityType: "concern",
    label: "Explanation stands: no answer in time",
    timeline: "parties",
  },
  // Who holds a case, who opened or exported it and the officers' notes and questions are
  // the officers' own work: parties never see them (each party sees its own questions on
  // its page of the case).
  case_claimed: { entityType: "concern", label: "Case claimed", timeline: "officers" },
  case_assigned: { entityType: "concern", label: "Case assigned", timeline: "officers" },
  case_released: {
    entityType: "concern",
    label: "Case released back to the queue",
    timeline: "officers",
    quotes: { reason: "Reason" },
  },
  case_closed: {
    entityType: "concern",
    label: "Case closed by the compliance team",
    timeline: "parties",
    detailsFor: "officers",
    summary: (details) => details.outcome && `Outcome: ${OUTCOME_LABELS[details.outcome]}`,
    quotes: {
      rationale: "Rationale",
      externalAuthority: "Referred to",
      partySummary: "Told to the parties",
    },
  },
  case_reopened: {
    entityType: "concern",
    label: "Case reopened",
    timeline: "parties",
    detailsFor: "officers",
    quotes: { reason: "Reason" },
  },
  // Openings are the access log's, shown as one compact section, not an entry per reload.
  case_viewed: { entityType: "case_access", label: "Case file opened", timeline: "nobody" },
  case_exported: {
    entityType: "concern",
    label: "Case file exported",
    timeline: "officers",
    summary: (details) => details.fileName && `${details.fileName}, SHA-256 ${details.sha256}`,
  },
  note_added: { entityType: "concern", label: "Internal note added", timeline: "officers" },
  note_retracted: {
    entityType: "concern",
    label: "Internal note retracted",
    timeline: "officers",
    quotes: { reason: "Reason" },
  },
  // The thread itself shows each message; only officers see (and judge) a report of one.
  message_posted: { entityType: "concern", label: "Message sent", timeline: "nobody" },
  officer_recused: {
    entityType: "concern",
    label: "An officer stepped aside from the case",
    timeline: "officers",
    quotes: { reason: "Reason" },
  },
  message_reported: {
    entityType: "concern",
    label: "Message reported as abusive",
    timeline: "officers",
    quotes: { reason: "Reason" },
  },
  information_requested: {
    entityType: "concern",
    label: "Information requested",
    timeline: "officers",
    quotes: { question: "Question" },
  },
  information_provided: {
    entityType: "concern",
    label: "Information provided",
    timeline: "officers",
    quotes: { answer: "Answer" },
  },
  // The parties see that an appeal was made and decided; its words and reasons are officers'.
  appeal_filed: {
    entityType: "concern",
    label: "Decision appealed by the colleague",
    timeline: "parties",
    detailsFor: "officers",
    // Parties' entries carry no details (detailsFor), so each summary reads only what it has.
    summary: (details) =>
      details.appealedOutcome && `Appealed outcome: ${OUTCOME_LABELS[details.appealedOutcome]}`,
    quotes: { explanation: "Explanation" },
  },
  appeal_taken: { entityType: "concern", label: "Appeal taken", timeline: "officers" },
  appeal_upheld: {
    entityType: "concern",
    label: "Appeal upheld: the outcome was changed",
    timeline: "parties",
    detailsFor: "officers",
    summary: (details) =>
      details.fromOutcome &&
      details.toOutcome &&
      `Outcome changed from ${OUTCOME_LABELS[details.fromOutcome]} to ${OUTCOME_LABELS[details.toOutcome]}`,
    quotes: {
      rationale: "Rationale",
      externalAuthority: "Referred to",
      partySummary: "Told to the parties",
    },
  },
  appeal_dismissed: {
    entityType: "concern",
    label: "Appeal dismissed: the decision stands",
    timeline: "parties",
    detailsFor: "officers",
    summary: (details) => details.outcome && `Outcome: ${OUTCOME_LABELS[details.outcome]}`,
    quotes: { rationale: "Rationale", partySummary: "Told to the parties" },
  },
  case_text_redacted: {
    entityType: "concern",
    label: "Patient details removed from the case",
    timeline: "officers",
  },
  ...ACCOUNT_AUDIT_ACTIONS,
  ...PATTERN_REVIEW_AUDIT_ACTIONS,
};

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}
