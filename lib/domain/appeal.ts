/**
 * Appealing a compliance decision, as pure rules: whether the window is open, who may take
 * an appeal, and how an appeal moves from filed to taken to its decision. Services apply
 * these; nothing here reads a clock or a database.
 */
import type { CaseOutcome, ConcernState } from "./concern-workflow";
import { DAY_MS } from "./deadlines";

export const APPEAL_STATUSES = ["filed", "taken", "upheld", "dismissed"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_DECISIONS = ["upheld", "dismissed"] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/** Days a colleague has to appeal a decision, until an administrator sets otherwise. */
export const DEFAULT_APPEAL_WINDOW_DAYS = 14;

/** A named refusal; the message is what the person is told. */
export type AppealRefusal = { ok: false; code: AppealRefusalCode; message: string };
export type AppealRefusalCode =
  | "not_decided"
  | "window_closed"
  | "already_appealed"
  | "party"
  | "decider"
  | "wrong_status"
  | "not_taker"
  | "same_outcome";
type Verdict = { ok: true } | AppealRefusal;

const refuse = (code: AppealRefusalCode, message: string): AppealRefusal => ({
  ok: false,
  code,
  message,
});

/**
 * The last instant an appeal is accepted is just before this one: a window counted in whole
 * days from the decision's instant, the same for every reader whatever their time zone.
 */
export function appealWindowEndsAt(decidedAt: Date, windowDays: number): Date {
  return new Date(decidedAt.getTime() + windowDays * DAY_MS);
}

export function isAppealWindowOpen(decidedAt: Date, now: Date, windowDays: number): boolean {
  return now.getTime() < appealWindowEndsAt(decidedAt, windowDays).getTime();
}

/** What filing needs to know about the case and any appeal of this decision. */
export interface AppealableCase {
  state: ConcernState;
  outcome: CaseOutcome | null;
  closedAt: Date | null;
  /** Whether this decision (this closing) has been appealed already. */
  alreadyAppealed: boolean;
}

/** Whether the colleague may appeal now: a decided case, inside the window, once per decision. */
export function mayFileAppeal(concern: AppealableCase, now: Date, windowDays: number): Verdict {
  if (concern.state !== "closed" || !concern.outcome || !concern.closedAt) {
    return refuse("not_decided", "Only a decision of the compliance team can be appealed.");
  }
  if (concern.alreadyAppealed) {
    return refuse("already_appealed", "You have already appealed this decision.");
  }
  if (!isAppealWindowOpen(concern.closedAt, now, windowDays)) {
    return refuse(
      "window_closed",
      `The time to appeal has passed: an appeal must be made within ${windowDays} days of the decision.`,
    );
  }
  return { ok: true };
}

/** The people an appeal must be kept apart from. */
export interface AppealParties {
  /** The officer who made the decision under appeal. */
  deciderId: string | null;
  reporterId: string;
  subjectId: string;
}

/**
 * Who may take an appeal: any compliance officer who is neither a party to the case nor the
 * officer whose decision is appealed. One rule, so that recusals can join it in one place.
 */
export function mayTakeAppeal(officerId: string, parties: AppealParties): Verdict {
  if (officerId === parties.reporterId || officerId === parties.subjectId) {
    return refuse("party", "You are a party to this case, so you cannot take its appeal.");
  }
  if (officerId === parties.deciderId) {
    return refuse(
      "decider",
      "You made the decision under appeal, so a different officer must take it.",
    );
  }
  return { ok: true };
}

/** An officer takes a filed appeal; of two at once, the first wins. */
export function mayTake(status: AppealStatus): Verdict {
  return status === "filed" ? { ok: true } : alreadyMovedOn(status);
}

/**
 * The officer who took the appeal decides it: upheld changes the outcome to a different one,
 * dismissed leaves the decision as it was.
 */
export function mayDecide(
  appeal: { status: AppealStatus; takenById: string | null },
  officerId: string,
  decision: { decision: AppealDecision; currentOutcome: CaseOutcome; newOutcome?: CaseOutcome },
): Verdict {
  if (appeal.status !== "taken") return alreadyMovedOn(appeal.status);
  if (appeal.takenById !== officerId) {
    return refuse("not_taker", "Only the officer who took this appeal can decide it.");
  }
  if (decision.decision === "upheld" && decision.newOutcome === decision.currentOutcome) {
    return refuse(
      "same_outcome",
      "Upholding an appeal changes the outcome: choose a different one, or dismiss the appeal.",
    );
  }
  return { ok: true };
}

const STATUS_IN_SENTENCE: Readonly<Record<AppealStatus, string>> = {
  filed: "waiting for an officer to take it",
  taken: "being considered by an officer",
  upheld: "upheld",
  dismissed: "dismissed",
};

function alreadyMovedOn(status: AppealStatus): AppealRefusal {
  return refuse("wrong_status", `This appeal has moved on: it is ${STATUS_IN_SENTENCE[status]}.`);
}

export function appealStatusInSentence(status: AppealStatus): string {
  return STATUS_IN_SENTENCE[status];
}

export function isAppealOpen(status: AppealStatus): boolean {
  return status === "filed" || status === "taken";
}

/**
 * An appeal is of one decision: once the case is reopened (and perhaps decided again), an
 * appeal of the earlier decision can no longer be taken or decided.
 */
export function appealStillApplies(
  concern: { state: ConcernState; closedAt: Date | null },
  decisionClosedAt: Date,
): Verdict {
  return concern.state === "closed" && concern.closedAt?.getTime() === decisionClosedAt.getTime()
    ? { ok: true }
    : refuse(
        "wrong_status",
        "The case was reopened after this appeal was made, so the appeal no longer applies.",
      );
}
