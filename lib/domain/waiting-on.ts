/**
 * What a case is waiting on, written once. Between colleagues, each open state waits on
 * one person until one deadline, after which one timed event moves the case, and that
 * person is reminded before it. In the compliance team's hands, service-level clocks run
 * instead. The transition table, the reminders, the deadline sweep's query, the officers'
 * reminders and every page read these two answers rather than work them out again.
 */
import type { ConcernState } from "./concern-workflow";
import { isOverdue } from "./deadlines";
import type { Need, Viewer } from "./reader-words";
import type { ReminderKind } from "./reminders";

/** The events that end a wait when its deadline passes; they carry nothing. */
export type TimedEventType =
  | "response_deadline_passed"
  | "confirmation_window_passed"
  | "dispute_window_passed";

/** The deadline columns of a concern that a party is given. */
export type PartyDeadline = "responseDueAt" | "confirmationDueAt";

interface PartyWait {
  party: "subject" | "reporter";
  deadline: PartyDeadline;
  timedEvent: TimedEventType;
  reminder: ReminderKind;
}

/** The peer stage's waits, by state: the states not named here wait on no party. */
export const PARTY_WAITS = {
  awaiting_response: {
    party: "subject",
    deadline: "responseDueAt",
    timedEvent: "response_deadline_passed",
    reminder: "reminder_response_due",
  },
  remediation_reported: {
    party: "reporter",
    deadline: "confirmationDueAt",
    timedEvent: "confirmation_window_passed",
    reminder: "reminder_answer_due",
  },
  disputed: {
    party: "reporter",
    deadline: "confirmationDueAt",
    timedEvent: "dispute_window_passed",
    reminder: "reminder_answer_due",
  },
} as const satisfies Partial<Record<ConcernState, PartyWait>>;

export type WaitingState = keyof typeof PARTY_WAITS;

export interface WaitingOn extends PartyWait {
  dueAt: Date;
}

/** Whom the case waits on now, until when, and what happens then; null when nobody. */
export function waitingOn(concern: {
  state: ConcernState;
  responseDueAt: Date;
  confirmationDueAt: Date | null;
}): WaitingOn | null {
  const wait: PartyWait | undefined = PARTY_WAITS[concern.state as WaitingState];
  const dueAt = wait && concern[wait.deadline];
  return wait && dueAt ? { ...wait, dueAt } : null;
}

/** The deadline this party must meet now, if the case waits on them. */
export function deadlineFor(
  party: PartyWait["party"],
  concern: Parameters<typeof waitingOn>[0],
): Date | null {
  const wait = waitingOn(concern);
  return wait?.party === party ? wait.dueAt : null;
}

/**
 * The sweep's view of the same table: for each deadline column, the states that wait on
 * it, so a query can find every case whose wait is over through the partial index of that
 * column (db/schema/concerns.ts).
 */
export function statesByDeadline(): { deadline: PartyDeadline; states: WaitingState[] }[] {
  const groups = new Map<PartyDeadline, WaitingState[]>();
  for (const [state, wait] of Object.entries(PARTY_WAITS) as [WaitingState, PartyWait][]) {
    groups.set(wait.deadline, [...(groups.get(wait.deadline) ?? []), state]);
  }
  return [...groups].map(([deadline, states]) => ({ deadline, states }));
}

/** The compliance team's service-level clocks: taking a case on, and deciding it. */
export const COMPLIANCE_CLOCKS = ["triage", "decision"] as const;
export type ComplianceClock = (typeof COMPLIANCE_CLOCKS)[number];

interface ComplianceFields {
  state: ConcernState;
  assigneeId: string | null;
  triageDueAt: Date | null;
  decisionDueAt: Date | null;
}

/**
 * The clocks running for a case now: while it is with compliance, triage until an officer
 * holds it and the decision until it is closed.
 */
export function runningComplianceClocks(
  concern: ComplianceFields,
): { clock: ComplianceClock; dueAt: Date }[] {
  if (concern.state !== "escalated" && concern.state !== "in_review") return [];
  const clocks: { clock: ComplianceClock; dueAt: Date }[] = [];
  if (!concern.assigneeId && concern.triageDueAt) {
    clocks.push({ clock: "triage", dueAt: concern.triageDueAt });
  }
  if (concern.decisionDueAt) clocks.push({ clock: "decision", dueAt: concern.decisionDueAt });
  return clocks;
}

/**
 * The clock an officer is racing now: the running clock due first. The queue keeps its
 * due date as the stored column next_due_at, whose expression says the same.
 */
export function complianceClock(
  concern: ComplianceFields,
): { clock: ComplianceClock; dueAt: Date } | null {
  const clocks = runningComplianceClocks(concern);
  return clocks.reduce<(typeof clocks)[number] | null>(
    (first, clock) => (first && first.dueAt <= clock.dueAt ? first : clock),
    null,
  );
}

/** Which running clock has run out, if any; a missed decision matters more than triage. */
export function overdueComplianceClock(
  concern: ComplianceFields,
  now: Date,
): ComplianceClock | null {
  const overdue = runningComplianceClocks(concern).filter((c) => isOverdue(c.dueAt, now));
  if (overdue.some((c) => c.clock === "decision")) return "decision";
  return overdue[0]?.clock ?? null;
}

/**
 * What the case needs from this reader now, and by when; null when nothing. A party is
 * needed while the case waits on them; officers, while a compliance clock runs that is
 * theirs: triage for any officer until someone holds the case, then the decision for its
 * holder only.
 */
export function neededFrom(
  viewer: Viewer,
  viewerId: string,
  concern: Parameters<typeof waitingOn>[0] & ComplianceFields,
): { need: Need; dueAt: Date } | null {
  if (viewer === "officer") {
    if (concern.assigneeId && concern.assigneeId !== viewerId) return null;
    const clock = complianceClock(concern);
    return clock && { need: clock.clock, dueAt: clock.dueAt };
  }
  const dueAt = deadlineFor(viewer, concern);
  return dueAt && { need: viewer === "subject" ? "response" : "answer", dueAt };
}
