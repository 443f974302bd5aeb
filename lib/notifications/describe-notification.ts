/**
 * What a notification says to its reader. Worded at display time from the kind and the
 * reader's relation to the case, so no stored text can name a confidential reporter.
 * "admin" is only for alerts about no case, which go to administrators by role.
 */
export type RecipientRelation = "reporter" | "subject" | "officer" | "admin";

const AUDIT_TRAIL_BROKEN =
  "The audit trail failed its integrity check: records were changed or removed outside the app. The affected records are no longer anchored until this is investigated. Ask your database administrator to run the audit verification and to keep the database's logs.";

const TEXT: Record<string, Partial<Record<RecipientRelation, string>>> = {
  concern_filed: { subject: "A colleague raised a concern about one of your posts." },
  remediation_reported: {
    reporter: "Your colleague reported an action on the post you raised. Please confirm.",
  },
  disputed: { reporter: "Your colleague disputed your concern. Please review their explanation." },
  remediation_confirmed: { subject: "The concern about your post is resolved." },
  remediation_rejected: {
    subject: "The action you reported was not considered enough. Please look again.",
  },
  escalated_on_rejection: {
    subject: "A concern about your post was referred to the compliance team.",
    officer: "A case was escalated to the compliance queue.",
  },
  escalated_on_dispute: {
    subject: "A concern about your post was referred to the compliance team.",
    officer: "A case was escalated to the compliance queue.",
  },
  escalated_by_deadline: {
    subject:
      "A concern about your post was referred to the compliance team after its deadline passed.",
    reporter: "Your concern was referred to the compliance team after its deadline passed.",
    officer: "A case was escalated to the compliance queue.",
  },
  dispute_accepted: { subject: "Your explanation was accepted. The concern is closed." },
  dispute_auto_accepted: {
    subject: "Your explanation stands. The concern is closed.",
    reporter:
      "Your colleague's explanation stands, as you did not answer in time. The concern is closed.",
  },
  withdrawn: { subject: "A concern about one of your posts was withdrawn." },
  lapsed: {
    subject: "A concern about one of your posts closed without a response.",
    reporter: "Your concern closed without a response from your colleague.",
  },
  auto_confirmed: {
    subject: "The concern about your post is resolved.",
    reporter: "The action your colleague reported was accepted, as you did not answer in time.",
  },
  case_closed: {
    subject: "The compliance team closed the case about your post.",
    reporter: "The compliance team closed the case you raised.",
  },
  reminder_response_due: {
    subject: "Reminder: the deadline to respond to a concern about your post is approaching.",
  },
  reminder_answer_due: {
    reporter: "Reminder: your colleague's response is waiting for your answer before its deadline.",
  },
  case_reopened: {
    subject: "The compliance team reopened the case about your post.",
    reporter: "The compliance team reopened the case you raised.",
    officer: "A closed case was reopened and is back in the compliance queue.",
  },
  case_assigned: { officer: "A case was assigned to you." },
  information_requested: {
    subject: "The compliance team has a question for you about the case concerning your post.",
    reporter: "The compliance team has a question for you about the case you raised.",
  },
  information_provided: { officer: "A party answered a question on a case." },
  triage_overdue: { officer: "An escalated case is past its triage deadline and nobody holds it." },
  decision_overdue: { officer: "A case is past its decision deadline." },
  audit_trail_broken: { officer: AUDIT_TRAIL_BROKEN, admin: AUDIT_TRAIL_BROKEN },
};

export function describeNotification(kind: string, relation: RecipientRelation): string {
  return TEXT[kind]?.[relation] ?? "There is an update on a case.";
}

export function caseLinkFor(relation: RecipientRelation, concernId: string): string {
  if (relation === "subject") return `/notices/${concernId}`;
  if (relation === "officer") return `/compliance/cases/${concernId}`;
  return `/concerns/${concernId}`;
}

/** Where a notification leads: its case, or nowhere for an alert about no case. */
export function notificationLinkFor(
  relation: RecipientRelation,
  concernId: string | null,
): string | null {
  return concernId ? caseLinkFor(relation, concernId) : null;
}

/** The in-app list, where an alert about no case is read in full. */
export const NOTIFICATIONS_PATH = "/notifications";
