/**
 * The life of a concern as a pure rule: given the concern, an event, who causes it and the
 * time, decide the next state, the audit action and who is told, or refuse with a named
 * reason. Services apply the decision; nothing here reads a clock or a database.
 */
import { addBusinessDays, addWindow, type DeadlineWindows, isOverdue } from "./deadlines";
import { stateInSentence, type Viewer } from "./reader-words";
import { waitingOn } from "./waiting-on";

export const ALL_STATES = [
  "awaiting_response",
  "remediation_reported",
  "disputed",
  "escalated",
  "in_review",
  "resolved",
  "dispute_accepted",
  "withdrawn",
  "lapsed",
  "closed",
] as const;

export type ConcernState = (typeof ALL_STATES)[number];

const TERMINAL_STATES = ["resolved", "dispute_accepted", "withdrawn", "lapsed", "closed"] as const;

export type TerminalState = (typeof TERMINAL_STATES)[number];

export function isTerminal(state: ConcernState): state is TerminalState {
  return (TERMINAL_STATES as readonly ConcernState[]).includes(state);
}

/** The states in which a case is in the compliance team's hands. */
export const COMPLIANCE_STATES = [
  "escalated",
  "in_review",
] as const satisfies readonly ConcernState[];

/**
 * The actor's relation to this concern, not their role in the organisation. An officer is
 * any compliance officer who is not a party; the assignee is the one officer the case is
 * assigned to; an admin may only reopen a closed case, which needs no reading of it.
 */
export const ALL_ACTORS = [
  "reporter",
  "subject",
  "officer",
  "assignee",
  "admin",
  "system",
] as const;

export type ActorRelation = (typeof ALL_ACTORS)[number];

/** "assignee" is the officer the case is assigned to after the change. */
export type Recipient = "reporter" | "subject" | "officers" | "assignee";

export const REMEDIATION_ACTIONS = ["removed", "edited", "made_private", "other"] as const;

export type RemediationAction = (typeof REMEDIATION_ACTIONS)[number];

export const CASE_OUTCOMES = [
  "no_violation",
  "coaching",
  "formal_action",
  "referred_external",
] as const;

export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export type ConcernEvent =
  | { type: "open_notice" }
  | { type: "report_remediation"; action: RemediationAction; note: string }
  | { type: "dispute"; explanation: string }
  | { type: "confirm_remediation" }
  | { type: "reject_remediation"; reason: string }
  | { type: "accept_dispute" }
  | { type: "escalate_dispute"; reason: string }
  | { type: "withdraw"; reason?: string }
  | { type: "response_deadline_passed" }
  | { type: "confirmation_window_passed" }
  | { type: "dispute_window_passed" }
  | { type: "claim" }
  | { type: "assign"; assigneeId: string }
  | { type: "release"; reason?: string }
  | {
      type: "close_case";
      outcome: CaseOutcome;
      rationale: string;
      externalAuthority?: string;
      /** For the reporter and the colleague; the rationale stays internal. */
      partySummary?: string;
    }
  | { type: "reopen"; reason: string };

export type ConcernEventType = ConcernEvent["type"];

/**
 * Every escalation's action starts with "escalated_", so the escalation rate is one prefix
 * query over the audit log.
 */
export type TransitionAuditAction =
  | "notice_opened"
  | "remediation_reported"
  | "disputed"
  | "remediation_confirmed"
  | "remediation_rejected"
  | "escalated_on_rejection"
  | "dispute_accepted"
  | "escalated_on_dispute"
  | "withdrawn"
  | "escalated_by_deadline"
  | "lapsed"
  | "auto_confirmed"
  | "dispute_auto_accepted"
  | "case_claimed"
  | "case_assigned"
  | "case_released"
  | "case_closed"
  | "case_reopened";

interface Outcome {
  /** "unchanged" only for events that are recorded without moving the case. */
  readonly to: ConcernState | "unchanged";
  readonly audit: TransitionAuditAction;
  readonly notify: readonly Recipient[];
}

export interface TransitionRule {
  readonly actors: readonly ActorRelation[];
  readonly from: readonly ConcernState[];
  /** Refused with not_significant for a concern filed as merely appearing unprofessional. */
  readonly onlyIfSignificant?: boolean;
  /** A timed event: it happens only once the wait it ends is over (waiting-on.ts). */
  readonly timed?: true;
  /** Where policy (e) treats significant concerns differently, both paths are spelled out. */
  readonly outcome: Outcome | { readonly significant: Outcome; readonly notSignificant: Outcome };
}

/** The legal transitions, one row per event, to be read side by side with DOMAIN.md. */
export const TRANSITIONS: Readonly<Record<ConcernEventType, TransitionRule>> = {
  open_notice: {
    actors: ["subject"],
    from: ALL_STATES,
    outcome: { to: "unchanged", audit: "notice_opened", notify: [] },
  },
  report_remediation: {
    actors: ["subject"],
    from: ["awaiting_response", "disputed"],
    outcome: { to: "remediation_reported", audit: "remediation_reported", notify: ["reporter"] },
  },
  dispute: {
    actors: ["subject"],
    from: ["awaiting_response"],
    outcome: { to: "disputed", audit: "disputed", notify: ["reporter"] },
  },
  confirm_remediation: {
    actors: ["reporter"],
    from: ["remediation_reported"],
    outcome: { to: "resolved", audit: "remediation_confirmed", notify: ["subject"] },
  },
  reject_remediation: {
    actors: ["reporter"],
    from: ["remediation_reported"],
    outcome: {
      significant: {
        to: "escalated",
        audit: "escalated_on_rejection",
        notify: ["subject", "officers"],
      },
      notSignificant: {
        to: "awaiting_response",
        audit: "remediation_rejected",
        notify: ["subject"],
      },
    },
  },
  accept_dispute: {
    actors: ["reporter"],
    from: ["disputed"],
    outcome: { to: "dispute_accepted", audit: "dispute_accepted", notify: ["subject"] },
  },
  escalate_dispute: {
    actors: ["reporter"],
    from: ["disputed"],
    onlyIfSignificant: true,
    outcome: { to: "escalated", audit: "escalated_on_dispute", notify: ["subject", "officers"] },
  },
  withdraw: {
    actors: ["reporter"],
    from: ["awaiting_response", "remediation_reported", "disputed"],
    outcome: { to: "withdrawn", audit: "withdrawn", notify: ["subject"] },
  },
  response_deadline_passed: {
    actors: ["system"],
    from: ["awaiting_response"],
    timed: true,
    outcome: {
      significant: {
        to: "escalated",
        audit: "escalated_by_deadline",
        notify: ["subject", "reporter", "officers"],
      },
      notSignificant: { to: "lapsed", audit: "lapsed", notify: ["subject", "reporter"] },
    },
  },
  confirmation_window_passed: {
    actors: ["system"],
    from: ["remediation_reported"],
    timed: true,
    outcome: { to: "resolved", audit: "auto_confirmed", notify: ["reporter", "subject"] },
  },
  dispute_window_passed: {
    actors: ["system"],
    from: ["disputed"],
    timed: true,
    outcome: {
      to: "dispute_accepted",
      audit: "dispute_auto_accepted",
      notify: ["reporter", "subject"],
    },
  },
  claim: {
    actors: ["officer"],
    from: ["escalated"],
    outcome: { to: "in_review", audit: "case_claimed", notify: [] },
  },
  // Reassigning is how an officer takes over a case someone else holds: it is recorded.
  assign: {
    actors: ["officer", "assignee"],
    from: ["escalated", "in_review"],
    outcome: { to: "in_review", audit: "case_assigned", notify: ["assignee"] },
  },
  release: {
    actors: ["assignee"],
    from: ["in_review"],
    outcome: { to: "escalated", audit: "case_released", notify: [] },
  },
  close_case: {
    actors: ["assignee"],
    from: ["in_review"],
    outcome: { to: "closed", audit: "case_closed", notify: ["subject", "reporter"] },
  },
  reopen: {
    actors: ["officer", "assignee", "admin"],
    from: ["closed"],
    outcome: {
      to: "escalated",
      audit: "case_reopened",
      notify: ["subject", "reporter", "officers"],
    },
  },
};

export const ALL_EVENT_TYPES = Object.keys(TRANSITIONS) as readonly ConcernEventType[];

/** What the rule needs to know about a concern. */
export interface ConcernSnapshot {
  state: ConcernState;
  significant: boolean;
  responseDueAt: Date;
  /** Set only while the reporter is being waited on (remediation reported or disputed). */
  confirmationDueAt: Date | null;
  /** The officer the case is assigned to, while it is in review. */
  assigneeId: string | null;
}

export interface TransitionInput {
  concern: ConcernSnapshot;
  event: ConcernEvent;
  actor: ActorRelation;
  now: Date;
  windows: Pick<
    DeadlineWindows,
    "remediationWindowMs" | "confirmationWindowMs" | "triageBusinessDays" | "decisionWindowMs"
  >;
}

/** A notification's kind is the audit action it reports, so emails and timeline agree. */
export interface NotificationIntent {
  recipient: Recipient;
  kind: TransitionAuditAction;
}

export interface ConcernChanges {
  responseDueAt?: Date;
  confirmationDueAt?: Date | null;
  escalatedAt?: Date;
  closedAt?: Date | null;
  triageDueAt?: Date;
  decisionDueAt?: Date;
  assigneeId?: string | null;
}

export interface TransitionAccepted {
  ok: true;
  from: ConcernState;
  to: ConcernState;
  auditAction: TransitionAuditAction;
  notify: NotificationIntent[];
  changes: ConcernChanges;
}

/** Checked in this order, so the most basic reason is the one reported. */
export type RefusalCode =
  | "actor_not_permitted"
  | "wrong_state"
  | "not_significant"
  | "not_due"
  | "invalid_payload";

export type TransitionRefusal =
  | { ok: false; code: "wrong_state"; state: ConcernState; message: string }
  /** Which field of the event is missing, so a form can show the message beside it. */
  | { ok: false; code: "invalid_payload"; field: string; message: string }
  | { ok: false; code: Exclude<RefusalCode, "wrong_state" | "invalid_payload">; message: string };

export type TransitionDecision = TransitionAccepted | TransitionRefusal;

const ACTOR_DESCRIPTIONS: Readonly<Record<ActorRelation, string>> = {
  reporter: "the colleague who raised this concern",
  subject: "the colleague this concern is about",
  officer: "a compliance officer",
  assignee: "the compliance officer the case is assigned to",
  admin: "an administrator",
  system: "the deadline scheduler",
};

/** The parties read their own words; everyone else reads as an officer. */
export function viewerOf(actor: ActorRelation): Viewer {
  return actor === "reporter" || actor === "subject" ? actor : "officer";
}

function describeActors(actors: readonly ActorRelation[]): string {
  // "a compliance officer" already covers the assignee.
  const named = actors.includes("officer") ? actors.filter((a) => a !== "assignee") : actors;
  return named.map((permitted) => ACTOR_DESCRIPTIONS[permitted]).join(" or ");
}

export function decideTransition({
  concern,
  event,
  actor,
  now,
  windows,
}: TransitionInput): TransitionDecision {
  const rule = TRANSITIONS[event.type];

  if (!rule.actors.includes(actor)) {
    return refuse("actor_not_permitted", `Only ${describeActors(rule.actors)} can do this.`);
  }
  if (!rule.from.includes(concern.state)) {
    return {
      ok: false,
      code: "wrong_state",
      state: concern.state,
      message: `This case has moved on: it is now ${stateInSentence(concern.state, viewerOf(actor))}.`,
    };
  }
  if (rule.onlyIfSignificant && !concern.significant) {
    return refuse(
      "not_significant",
      "Only a concern filed as significantly violating professional norms can be escalated. You can accept the explanation or withdraw the concern.",
    );
  }
  if (rule.timed) {
    // Only the event that ends the current wait, and only once its deadline has passed.
    const wait = waitingOn(concern);
    if (!wait || wait.timedEvent !== event.type || !isOverdue(wait.dueAt, now)) {
      return refuse("not_due", "The deadline for this step has not passed yet.");
    }
  }
  const payloadProblem = findPayloadProblem(event, concern);
  if (payloadProblem) {
    return { ok: false, code: "invalid_payload", ...payloadProblem };
  }

  const outcome =
    "significant" in rule.outcome
      ? concern.significant
        ? rule.outcome.significant
        : rule.outcome.notSignificant
      : rule.outcome;
  const to = outcome.to === "unchanged" ? concern.state : outcome.to;
  return {
    ok: true,
    from: concern.state,
    to,
    auditAction: outcome.audit,
    notify: outcome.notify.map((recipient) => ({ recipient, kind: outcome.audit })),
    changes:
      outcome.to === "unchanged" ? {} : changesOnEntering(to, concern.state, event, now, windows),
  };
}

/**
 * The dates follow from the state entered: whoever is waited on next gets a fresh window,
 * and the reporter's window exists only while the reporter is the one waited on.
 */
function changesOnEntering(
  state: ConcernState,
  from: ConcernState,
  event: ConcernEvent,
  now: Date,
  windows: TransitionInput["windows"],
): ConcernChanges {
  if (isTerminal(state)) return { closedAt: now, confirmationDueAt: null };
  switch (state) {
    case "in_review":
      // Claim names the actor, which only the service knows; assign names the officer.
      return event.type === "assign" ? { assigneeId: event.assigneeId } : {};
    case "awaiting_response":
      return {
        responseDueAt: addWindow(now, windows.remediationWindowMs),
        confirmationDueAt: null,
      };
    case "remediation_reported":
    case "disputed":
      return { confirmationDueAt: addWindow(now, windows.confirmationWindowMs) };
    case "escalated":
      // Released back to the queue: the clocks keep running from the escalation.
      if (from === "in_review") return { assigneeId: null };
      // Reopened: a fresh triage and decision, from now, for whoever takes it.
      if (from === "closed")
        return { closedAt: null, assigneeId: null, ...complianceClocks(now, windows) };
      return { escalatedAt: now, confirmationDueAt: null, ...complianceClocks(now, windows) };
  }
}

/** The service-level clocks that start when a case reaches compliance. */
function complianceClocks(
  now: Date,
  windows: TransitionInput["windows"],
): Pick<ConcernChanges, "triageDueAt" | "decisionDueAt"> {
  return {
    triageDueAt: addBusinessDays(now, windows.triageBusinessDays),
    decisionDueAt: addWindow(now, windows.decisionWindowMs),
  };
}

/**
 * Zod checks the shape at the edge; these are the rule's own demands, because each text is
 * what the other party or an officer will rely on.
 */
function findPayloadProblem(
  event: ConcernEvent,
  concern: ConcernSnapshot,
): { field: string; message: string } | null {
  const problem = (field: string, message: string) => ({ field, message });
  switch (event.type) {
    case "report_remediation":
      return event.action === "other" && isBlank(event.note)
        ? problem("note", "Describe the action you took on the post.")
        : null;
    case "dispute":
      return isBlank(event.explanation)
        ? problem("explanation", "Explain why you disagree with the concern.")
        : null;
    case "reject_remediation":
      return isBlank(event.reason)
        ? problem("reason", "Say why the action taken is not enough.")
        : null;
    case "escalate_dispute":
      return isBlank(event.reason)
        ? problem("reason", "Say why the explanation does not resolve the concern.")
        : null;
    case "close_case":
      if (isBlank(event.rationale))
        return problem("rationale", "Record the reasons for the outcome.");
      if (event.outcome === "referred_external" && isBlank(event.externalAuthority)) {
        return problem(
          "externalAuthority",
          "Name the external authority the case was referred to.",
        );
      }
      return null;
    case "assign":
      return event.assigneeId === concern.assigneeId
        ? problem("assigneeId", "The case is already assigned to that officer.")
        : null;
    case "reopen":
      return isBlank(event.reason)
        ? problem("reason", "Say why the case is being reopened.")
        : null;
    default:
      return null;
  }
}

function isBlank(text: string | undefined): boolean {
  return !text?.trim();
}

function refuse(
  code: Exclude<RefusalCode, "wrong_state" | "invalid_payload">,
  message: string,
): TransitionRefusal {
  return { ok: false, code, message };
}

/**
 * The events this actor may cause now, for pages to offer only live actions. Deadlines are
 * not consulted: timed events belong to the system, which checks them when it runs.
 */
export function availableEvents(
  state: ConcernState,
  actor: ActorRelation,
  significant: boolean,
): ConcernEventType[] {
  return ALL_EVENT_TYPES.filter((type) => {
    const rule = TRANSITIONS[type];
    return (
      rule.actors.includes(actor) &&
      rule.from.includes(state) &&
      (significant || !rule.onlyIfSignificant)
    );
  });
}
