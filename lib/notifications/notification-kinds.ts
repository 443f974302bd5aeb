/**
 * Which events notify whom, and how: the one table. Who is told about a transition comes
 * from the workflow's own transition table (TRANSITIONS[...].notify), so routing is never
 * written twice; this table adds, per kind of notification, whether it is emailed and
 * whether it is essential (a person cannot turn it off). Reminders are notifications of a
 * non-essential kind: they travel the same path (in-app row, email delivery, job), and a
 * person may opt out of their emails. Kinds that no transition produces (filing, the
 * reminders) name their recipients here.
 */
import {
  type ConcernEventType,
  type Recipient,
  TRANSITIONS,
  type TransitionAuditAction,
} from "@/lib/domain/concern-workflow";
import {
  OVERDUE_REMINDER_KINDS,
  type OverdueReminderKind,
  REMINDER_KINDS,
  type ReminderKind,
} from "@/lib/domain/reminders";

/** Questions from the compliance team to a party, and a party's answer. */
type InformationKind = "information_requested" | "information_provided";

/** The parties' thread: a new message for the other party, a report of one for officers. */
type ThreadKind = "message_posted" | "message_reported";

/** An officer stepped aside from a case: the other officers are told it needs someone else. */
type RecusalKind = "officer_recused";
/** A colleague's appeal of a decision: officers are told it waits, both parties its result. */
type AppealKind = "appeal_filed" | "appeal_upheld" | "appeal_dismissed";
/** A pattern review of several concerns about one colleague (lib/domain/pattern-review.ts). */
type PatternReviewKind =
  | "pattern_review_opened"
  | "pattern_review_answered"
  | "pattern_review_decided";

/** About no case: the audit trail failed its integrity check (lib/audit/alert-audit-break.ts). */
type AuditAlertKind = "audit_trail_broken";

/** Who a kind goes to: a case's people, or, for an alert about no case, the administrators. */
export type KindRecipient = Recipient | "administrators";

/**
 * Every kind a notification can have: filing, each transition that tells someone, the
 * compliance team's questions and answers, reminders.
 */
export type NotificationKind =
  | "concern_filed"
  | "concern_recorded"
  | "reporter_joined"
  | TransitionAuditAction
  | InformationKind
  | ThreadKind
  | RecusalKind
  | AppealKind
  | PatternReviewKind
  | AuditAlertKind
  | ReminderKind
  | OverdueReminderKind;

export interface KindPolicy {
  /** Also sent by email (the in-app notification always exists). */
  readonly email: boolean;
  /** Essential emails cannot be turned off: notices, responses, escalations, closures. */
  readonly essential: boolean;
  /** For kinds no transition produces: who receives them. */
  readonly to?: readonly KindRecipient[];
  /** How administrators see the kind on the failed-deliveries page (no case content). */
  readonly label: string;
}

export const NOTIFICATION_KINDS: Readonly<Record<NotificationKind, KindPolicy>> = {
  concern_filed: { email: true, essential: true, to: ["subject"], label: "Notice of a concern" },
  // A physician who raised a concern by another channel learns that it is now theirs to follow.
  concern_recorded: {
    email: true,
    essential: true,
    to: ["reporter"],
    label: "A concern recorded for you",
  },
  // The colleague answers once for everyone who raised the post, so is told of each.
  reporter_joined: {
    email: true,
    essential: true,
    to: ["subject", "officers", "assignee"],
    label: "Another colleague raised the same post",
  },
  // Recorded on the timeline only: no transition tells anyone that a notice was opened.
  notice_opened: { email: false, essential: true, label: "Notice opened" },
  remediation_reported: { email: true, essential: true, label: "Response: action reported" },
  disputed: { email: true, essential: true, label: "Response: concern disputed" },
  remediation_confirmed: { email: true, essential: true, label: "Closure: resolved" },
  remediation_rejected: { email: true, essential: true, label: "Reported action not accepted" },
  escalated_on_rejection: { email: true, essential: true, label: "Escalation" },
  escalated_on_dispute: { email: true, essential: true, label: "Escalation" },
  escalated_by_deadline: { email: true, essential: true, label: "Escalation" },
  dispute_accepted: { email: true, essential: true, label: "Closure: explanation accepted" },
  dispute_auto_accepted: { email: true, essential: true, label: "Closure: explanation stands" },
  withdrawn: { email: true, essential: true, label: "Closure: withdrawn" },
  lapsed: { email: true, essential: true, label: "Closure: lapsed" },
  auto_confirmed: { email: true, essential: true, label: "Closure: resolved" },
  case_closed: { email: true, essential: true, label: "Closure by compliance" },
  // The compliance workspace: claiming and releasing tell nobody; an assignment tells the
  // officer given the case; a reopening tells everyone concerned.
  case_claimed: { email: false, essential: true, label: "Case claimed" },
  case_released: { email: false, essential: true, label: "Case released" },
  case_assigned: { email: true, essential: true, label: "Case assigned to you" },
  case_reopened: { email: true, essential: true, label: "Case reopened" },
  information_requested: {
    email: true,
    essential: true,
    to: ["reporter", "subject"],
    label: "Question from the compliance team",
  },
  information_provided: {
    email: true,
    essential: true,
    to: ["assignee", "officers"],
    label: "Answer to a compliance question",
  },
  // The email says there is a new message on the case, never its words or its writer.
  message_posted: {
    email: true,
    essential: true,
    to: ["reporter", "subject"],
    label: "New message from a colleague",
  },
  message_reported: {
    email: true,
    essential: true,
    to: ["officers"],
    label: "A message reported as abusive",
  },
  officer_recused: {
    email: true,
    essential: true,
    to: ["officers"],
    label: "An officer stepped aside from a case",
  },
  appeal_filed: {
    email: true,
    essential: true,
    to: ["officers"],
    label: "A decision was appealed",
  },
  appeal_upheld: {
    email: true,
    essential: true,
    to: ["reporter", "subject"],
    label: "Appeal decided",
  },
  appeal_dismissed: {
    email: true,
    essential: true,
    to: ["reporter", "subject"],
    label: "Appeal decided",
  },
  triage_overdue: {
    email: true,
    essential: false,
    to: ["officers"],
    label: "Reminder: triage overdue",
  },
  decision_overdue: {
    email: true,
    essential: false,
    to: ["assignee", "officers"],
    label: "Reminder: decision overdue",
  },
  // A pattern review names no concern and no reporter in its notifications or emails.
  pattern_review_opened: {
    email: true,
    essential: true,
    to: ["subject", "officers"],
    label: "A review of several concerns opened",
  },
  pattern_review_answered: {
    email: true,
    essential: true,
    to: ["assignee", "officers"],
    label: "An answer to a pattern review",
  },
  pattern_review_decided: {
    email: true,
    essential: true,
    to: ["subject"],
    label: "A review of several concerns decided",
  },
  // Every active administrator and compliance officer, in the app and by email.
  audit_trail_broken: {
    email: true,
    essential: true,
    to: ["administrators", "officers"],
    label: "Audit trail integrity alert",
  },
  reminder_response_due: {
    email: true,
    essential: false,
    to: ["subject"],
    label: "Reminder: response due",
  },
  reminder_answer_due: {
    email: true,
    essential: false,
    to: ["reporter"],
    label: "Reminder: answer due",
  },
};

export const ALL_NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

export function isReminder(kind: NotificationKind): kind is ReminderKind | OverdueReminderKind {
  return isOverdueReminder(kind) || (REMINDER_KINDS as readonly string[]).includes(kind);
}

export function isOverdueReminder(kind: NotificationKind): kind is OverdueReminderKind {
  return (OVERDUE_REMINDER_KINDS as readonly string[]).includes(kind);
}

/** The policy of a stored kind; an unknown one (from a newer release) is treated as essential. */
export function policyOf(kind: string): KindPolicy {
  return isNotificationKind(kind)
    ? NOTIFICATION_KINDS[kind]
    : { email: true, essential: true, label: "Notification" };
}

/** Who receives a kind: the union over the transitions that produce it, or the table's own list. */
export function recipientsOf(kind: NotificationKind): KindRecipient[] {
  const fromTransitions = new Set<KindRecipient>();
  for (const type of Object.keys(TRANSITIONS) as ConcernEventType[]) {
    const { outcome } = TRANSITIONS[type];
    const outcomes =
      "significant" in outcome ? [outcome.significant, outcome.notSignificant] : [outcome];
    for (const o of outcomes) {
      if (o.audit === kind) for (const r of o.notify) fromTransitions.add(r);
    }
  }
  return [...fromTransitions, ...(NOTIFICATION_KINDS[kind].to ?? [])];
}
