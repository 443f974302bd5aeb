/**
 * Every audit action, declared once: the entity it is about, the shape of its details,
 * its words on a case's timeline and who may see it there. `writeAuditEvent` is typed by
 * this catalogue, and the timeline, the parties' view and the export read from it, so a
 * new action without a label or an audience does not compile.
 */
import type { Role } from "@/lib/authz/roles";
import type { IdentityDisclosure, Platform } from "@/lib/domain/concern-fields";
import { OUTCOME_LABELS, REMEDIATION_LABELS } from "@/lib/domain/concern-labels";
import type { ConcernEvent, ConcernEventType, ConcernState } from "@/lib/domain/concern-workflow";
import type { ConcernCategory, Severity } from "@/lib/domain/policy-text";
import type { AuditProblem } from "./audit-problems";

/** A transition's record: where the case was, where it went, and what the event carried. */
type Transition<E extends ConcernEventType> = { from: ConcernState; to: ConcernState } & Omit<
  Extract<ConcernEvent, { type: E }>,
  "type"
>;

/** What an officer saw by opening or exporting a case file. */
type Seen = ("case_file" | "reporter_identity")[];

/** Each action's entity and details. The transition table names which event each records. */
export interface AuditCatalogue {
  concern_filed: {
    entity: "concern";
    details: {
      to: "awaiting_response";
      subjectId: string;
      severity: Severity;
      categories: ConcernCategory[];
      disclosure: IdentityDisclosure;
      platform: Platform;
    };
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
  case_viewed: { entity: "concern"; details: { seen: Seen } };
  case_exported: {
    entity: "concern";
    details: { format: "pdf" | "csv"; includesNotes: boolean; seen: Seen };
  };
  // A note's words stay in the append-only notes table; the event names the note only.
  note_added: { entity: "concern"; details: { noteId: number } };
  note_retracted: { entity: "concern"; details: { noteId: number; reason: string } };
  information_requested: {
    entity: "concern";
    details: { requestId: string; recipient: "reporter" | "subject"; question: string };
  };
  information_provided: {
    entity: "concern";
    details: { requestId: string; recipient: "reporter" | "subject"; answer: string };
  };
  user_created: {
    entity: "user";
    details: {
      email: string;
      roles: Role[];
      departmentId?: string | null;
      passwordSet?: boolean;
      source?: "demo_seed";
    };
  };
  user_updated: {
    entity: "user";
    details: {
      changed: ("name" | "email" | "departmentId")[];
      rolesBefore: Role[];
      rolesAfter: Role[];
      passwordReset: boolean;
    };
  };
  user_deactivated: { entity: "user"; details: Record<string, never> };
  user_reactivated: { entity: "user"; details: Record<string, never> };
  email_preferences_updated: { entity: "user"; details: { remindersByEmail: boolean } };
  /** null: the organisation's zone. */
  time_zone_updated: { entity: "user"; details: { before: string | null; after: string | null } };
  department_created: { entity: "department"; details: { name: string } };
  department_renamed: { entity: "department"; details: { from: string; to: string } };
  settings_updated: {
    entity: "settings";
    details: {
      before: Record<string, number | string | null>;
      after: Record<string, number | string | null>;
    };
  };
  email_delivery_retried: { entity: "email_delivery"; details: { attemptsBefore: number } };
  // Chain and event ids only: a break is reported without any case content.
  audit_break_detected: { entity: "audit_trail"; details: { problems: AuditProblem[] } };
}

export type AuditAction = keyof AuditCatalogue;
export type AuditEntityType = AuditCatalogue[AuditAction]["entity"];
export type AuditDetailsOf<A extends AuditAction> = AuditCatalogue[A]["details"];

/**
 * Who sees an entry on a case's timeline: both parties (and officers), officers only, or
 * nobody (events about accounts and settings, which have no case).
 */
export type TimelineAudience = "parties" | "officers" | "nobody";

/** The keys of an action's details that hold someone's own words. */
type TextKeys<D> = { [K in keyof D]-?: D[K] extends string | undefined ? K : never }[keyof D];

interface AuditActionDeclaration<A extends AuditAction> {
  entityType: AuditCatalogue[A]["entity"];
  /** What the timeline and the export say happened. */
  label: string;
  timeline: TimelineAudience;
  /**
   * Who may read what the event carries (its words and summary), when narrower than who
   * sees the entry: parties are told a case was closed, not the reasons.
   */
  detailsFor?: "officers";
  /** Words someone wrote, shown under the entry with these labels, in this order. */
  quotes?: Partial<Record<TextKeys<AuditDetailsOf<A>>, string>>;
  /** One line that says what the event carried, such as the remedy or the outcome. */
  summary?: (details: AuditDetailsOf<A>) => string | undefined;
}

const remedy = (details: { action?: keyof typeof REMEDIATION_LABELS }) =>
  details.action ? REMEDIATION_LABELS[details.action] : undefined;

export const AUDIT_ACTIONS: { readonly [A in AuditAction]: AuditActionDeclaration<A> } = {
  concern_filed: {
    entityType: "concern",
    label: "Concern raised and notice sent",
    timeline: "parties",
  },
  notice_opened: { entityType: "concern", label: "Notice opened", timeline: "parties" },
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
    quotes: { rationale: "Rationale", externalAuthority: "Referred to" },
  },
  case_reopened: {
    entityType: "concern",
    label: "Case reopened",
    timeline: "parties",
    detailsFor: "officers",
    quotes: { reason: "Reason" },
  },
  // Openings are the access log's, shown as one compact section, not an entry per reload.
  case_viewed: { entityType: "concern", label: "Case file opened", timeline: "nobody" },
  case_exported: { entityType: "concern", label: "Case file exported", timeline: "officers" },
  note_added: { entityType: "concern", label: "Internal note added", timeline: "officers" },
  note_retracted: {
    entityType: "concern",
    label: "Internal note retracted",
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
  user_created: { entityType: "user", label: "Account created", timeline: "nobody" },
  user_updated: { entityType: "user", label: "Account changed", timeline: "nobody" },
  user_deactivated: { entityType: "user", label: "Account deactivated", timeline: "nobody" },
  user_reactivated: { entityType: "user", label: "Account reactivated", timeline: "nobody" },
  email_preferences_updated: {
    entityType: "user",
    label: "Email preferences changed",
    timeline: "nobody",
  },
  time_zone_updated: { entityType: "user", label: "Time zone changed", timeline: "nobody" },
  department_created: {
    entityType: "department",
    label: "Department created",
    timeline: "nobody",
  },
  department_renamed: {
    entityType: "department",
    label: "Department renamed",
    timeline: "nobody",
  },
  settings_updated: { entityType: "settings", label: "Settings changed", timeline: "nobody" },
  email_delivery_retried: {
    entityType: "email_delivery",
    label: "Email sent again",
    timeline: "nobody",
  },
  audit_break_detected: {
    entityType: "audit_trail",
    label: "A break in the audit trail was found",
    timeline: "nobody",
  },
};

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}
