/**
 * What a notification says to its reader. Worded at display time from the kind and the
 * reader's relation to the case, so no stored text can name a confidential reporter; none
 * of these words names anyone, nor says anything the case's parties wrote.
 */
import type { Viewer } from "@/lib/domain/reader-words";
import type { NotificationKind } from "./notification-kinds";

/** A case's reader, or an administrator, who is told only of alerts about no case. */
export type RecipientRelation = Viewer | "admin";

const AUDIT_TRAIL_BROKEN: KindWords = {
  happened:
    "The audit trail failed its integrity check: records were changed or removed outside the app. The affected records are no longer anchored until this is investigated. Ask your database administrator to run the audit verification and to keep the database's logs.",
  topic: "The audit trail needs investigating",
};

interface KindWords {
  /** What happened, as the reader's list of notifications says it under the case's reference. */
  happened: string;
  /**
   * What needs attention, with no case content: an email's subject leads with it, so a
   * person can tell from their inbox whether it can wait.
   */
  topic: string;
}

const ESCALATED_FOR_OFFICERS: KindWords = {
  happened: "The case was escalated to the compliance queue.",
  topic: "A case was escalated",
};

const REFERRED_FOR_SUBJECT: KindWords = {
  happened: "The concern about your post was referred to the compliance team.",
  topic: "A concern about your post was referred to the compliance team",
};

/**
 * The words of each kind for each reader it can reach (recipientsOf in notification-kinds.ts;
 * a unit test holds the two tables together). Kinds that tell nobody have none.
 */
const WORDS: Readonly<
  Record<NotificationKind, Readonly<Partial<Record<RecipientRelation, KindWords>>>>
> = {
  concern_filed: {
    subject: {
      happened: "A colleague raised a concern about one of your posts.",
      topic: "A notice about one of your posts",
    },
  },
  concern_recorded: {
    reporter: {
      happened:
        "The compliance team recorded the concern you raised with them, and your colleague was sent a notice. You follow it from here.",
      topic: "A concern recorded for you",
    },
  },
  reporter_joined: {
    subject: {
      happened:
        "Another colleague raised the same post. One response from you answers everyone who raised it.",
      topic: "Another colleague raised the same post",
    },
    officer: {
      happened:
        "Another colleague raised the same post and joined the case as a further reporter. Their own words are in the case file.",
      topic: "A further reporter joined a case",
    },
  },
  notice_opened: {},
  remediation_reported: {
    reporter: {
      happened: "Your colleague reported an action on the post you raised.",
      topic: "A response to your concern",
    },
  },
  disputed: {
    reporter: {
      happened: "Your colleague disputed your concern and explained why.",
      topic: "A response to your concern",
    },
  },
  remediation_confirmed: {
    subject: {
      happened: "The colleague who raised the concern confirmed your action. It is resolved.",
      topic: "A concern about your post was resolved",
    },
  },
  remediation_rejected: {
    subject: {
      happened: "The colleague who raised the concern does not consider your action enough.",
      topic: "A reply to your response about your post",
    },
  },
  escalated_on_rejection: { subject: REFERRED_FOR_SUBJECT, officer: ESCALATED_FOR_OFFICERS },
  escalated_on_dispute: { subject: REFERRED_FOR_SUBJECT, officer: ESCALATED_FOR_OFFICERS },
  escalated_by_deadline: {
    subject: {
      happened:
        "The concern about your post was referred to the compliance team: its deadline passed without a response.",
      topic: REFERRED_FOR_SUBJECT.topic,
    },
    reporter: {
      happened:
        "Your concern was referred to the compliance team: its deadline passed without a response.",
      topic: "Your concern was referred to the compliance team",
    },
    officer: ESCALATED_FOR_OFFICERS,
  },
  dispute_accepted: {
    subject: {
      happened: "Your explanation was accepted. The concern is closed.",
      topic: "A concern about your post was closed",
    },
  },
  dispute_auto_accepted: {
    subject: {
      happened: "Your explanation stands: it was not answered in time. The concern is closed.",
      topic: "A concern about your post was closed",
    },
    reporter: {
      happened: "Your colleague's explanation stands, as you did not answer in time. It is closed.",
      topic: "Your concern was closed",
    },
  },
  withdrawn: {
    subject: {
      happened: "The concern about your post was withdrawn.",
      topic: "A concern about your post was withdrawn",
    },
  },
  lapsed: {
    subject: {
      happened: "The concern about your post closed without a response.",
      topic: "A concern about your post was closed",
    },
    reporter: {
      happened: "Your concern closed without a response from your colleague.",
      topic: "Your concern was closed",
    },
  },
  auto_confirmed: {
    subject: {
      happened: "The action you reported was accepted. The concern is resolved.",
      topic: "A concern about your post was resolved",
    },
    reporter: {
      happened: "The action your colleague reported was accepted, as you did not answer in time.",
      topic: "Your concern was resolved",
    },
  },
  case_claimed: {},
  case_released: {},
  case_assigned: {
    officer: { happened: "The case was assigned to you.", topic: "A case was assigned to you" },
  },
  case_closed: {
    subject: {
      happened: "The compliance team closed the case about your post.",
      topic: "A case about your post was closed",
    },
    reporter: {
      happened: "The compliance team closed the case you raised.",
      topic: "Your concern was closed by the compliance team",
    },
  },
  case_reopened: {
    subject: {
      happened: "The compliance team reopened the case about your post.",
      topic: "A case about your post was reopened",
    },
    reporter: {
      happened: "The compliance team reopened the case you raised.",
      topic: "Your concern was reopened",
    },
    officer: {
      happened: "The case was reopened and is back in the compliance queue.",
      topic: "A case was reopened",
    },
  },
  information_requested: {
    subject: {
      happened: "The compliance team has a question for you.",
      topic: "A question from the compliance team",
    },
    reporter: {
      happened: "The compliance team has a question for you.",
      topic: "A question from the compliance team",
    },
  },
  information_provided: {
    officer: {
      happened: "A party answered a question on the case.",
      topic: "An answer to a compliance question",
    },
  },
  message_posted: {
    subject: {
      happened: "There is a new message for you about the concern on your post.",
      topic: "A new message about a concern on your post",
    },
    reporter: {
      happened: "Your colleague sent you a new message about your concern.",
      topic: "A new message about your concern",
    },
  },
  message_reported: {
    officer: {
      happened: "A message between the colleagues of a case was reported as abusive.",
      topic: "A message was reported as abusive",
    },
  },
  officer_recused: {
    officer: {
      happened: "An officer stepped aside from the case because of a conflict of interest.",
      topic: "An officer stepped aside from a case",
    },
  },
  appeal_filed: {
    officer: {
      happened:
        "The colleague appealed the compliance team's decision. A different officer must take it.",
      topic: "A decision was appealed",
    },
  },
  appeal_upheld: {
    subject: {
      happened: "Your appeal was upheld: the outcome of the case about your post was changed.",
      topic: "Your appeal was decided",
    },
    reporter: {
      happened: "An appeal of the decision on your concern was upheld: the outcome was changed.",
      topic: "An appeal on your concern was decided",
    },
  },
  appeal_dismissed: {
    subject: {
      happened: "Your appeal was dismissed: the decision on the case about your post stands.",
      topic: "Your appeal was decided",
    },
    reporter: {
      happened: "An appeal of the decision on your concern was dismissed: the decision stands.",
      topic: "An appeal on your concern was decided",
    },
  },
  triage_overdue: {
    officer: {
      happened: "The case is past its triage deadline and nobody holds it.",
      topic: "A case is past its triage deadline",
    },
  },
  decision_overdue: {
    officer: {
      happened: "The case is past its decision deadline.",
      topic: "A case is past its decision deadline",
    },
  },
  reminder_response_due: {
    subject: {
      happened: "Reminder: the deadline for your response is approaching.",
      topic: "Reminder: your response to a concern about your post is due",
    },
  },
  reminder_answer_due: {
    reporter: {
      happened: "Reminder: your colleague's response is waiting for your answer.",
      topic: "Reminder: your answer to a response is due",
    },
  },
  pattern_review_opened: {
    subject: {
      happened:
        "The compliance team opened a review of several concerns raised about your posts. You may answer before anything is decided.",
      topic: "A review of several concerns about your posts",
    },
    officer: {
      happened:
        "A colleague has had several concerns from different colleagues: a pattern review opened.",
      topic: "A pattern review opened",
    },
  },
  pattern_review_answered: {
    officer: {
      happened: "The colleague answered the pattern review.",
      topic: "An answer to a pattern review",
    },
  },
  pattern_review_decided: {
    subject: {
      happened: "The compliance team decided the review of several concerns about your posts.",
      topic: "A review of several concerns about your posts was decided",
    },
  },
  audit_trail_broken: { officer: AUDIT_TRAIL_BROKEN, admin: AUDIT_TRAIL_BROKEN },
};

const UNKNOWN: KindWords = { happened: "There is an update on the case.", topic: "An update" };

function wordsFor(kind: string, relation: RecipientRelation): KindWords {
  return (
    (WORDS as Record<string, Partial<Record<RecipientRelation, KindWords>>>)[kind]?.[relation] ??
    UNKNOWN
  );
}

/** What happened, for the reader's list: "Your colleague disputed your concern and explained why." */
export function describeNotification(kind: string, relation: RecipientRelation): string {
  return wordsFor(kind, relation).happened;
}

/** What needs attention, for an email's subject: "A notice about one of your posts". */
export function describeTopic(kind: string, relation: RecipientRelation): string {
  return wordsFor(kind, relation).topic;
}

/** Whether a kind has words of its own for this reader (the rest read as "an update"). */
export function hasWordsFor(kind: NotificationKind, relation: RecipientRelation): boolean {
  return WORDS[kind][relation] !== undefined;
}

const CASE_FOR_READER: Readonly<Record<Viewer, string>> = {
  subject: "A notice about one of your posts",
  reporter: "A concern you raised",
  officer: "A case in the compliance queue",
};

/** What the case is to this reader, beside its reference: "A concern you raised". */
export function describeCaseFor(relation: Viewer): string {
  return CASE_FOR_READER[relation];
}

/** Where an alert about no case is read. */
export const NOTIFICATIONS_PATH = "/notifications";

/** Where officers read messages reported as abusive on cases that have not reached them. */
export const REPORTED_MESSAGES_PATH = "/compliance#reported-messages";

/** The reader's page of a pattern review: the colleague's, or the officers'. */
export function patternReviewLinkFor(relation: RecipientRelation, reviewId: string): string {
  return relation === "subject"
    ? `/notices/reviews/${reviewId}`
    : `/compliance/pattern-reviews/${reviewId}`;
}

/**
 * The reader's page of the case. An officer's case file exists once the case is escalated;
 * before that, the only thing officers are told of is a reported message, read on the queue.
 */
export function caseLinkFor(relation: Viewer, concernId: string, escalated = true): string {
  if (relation === "subject") return `/notices/${concernId}`;
  if (relation === "officer") {
    return escalated ? `/compliance/cases/${concernId}` : REPORTED_MESSAGES_PATH;
  }
  return `/concerns/${concernId}`;
}
