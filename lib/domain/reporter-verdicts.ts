/**
 * A case raised by several colleagues answers to each of them. The colleague responds once;
 * every reporter answers that response. Pure: the service reads the answers and applies the
 * decision through the transition table (concern-workflow.ts).
 *
 * - One reporter objecting (rejecting the action, escalating the dispute) moves the case at
 *   once, as it would with one reporter: a significant concern escalates.
 * - A reporter's consent (confirming, accepting) is only recorded while others have yet to
 *   answer; the last consent moves the case.
 * - A reporter who lets the window pass consents: the window's own timed event closes the
 *   case, since any objection would already have moved it.
 */
import type { ConcernState } from "./concern-workflow";
import type { Severity } from "./policy-text";

export const REPORTER_VERDICTS = ["consent", "objection"] as const;
export type ReporterVerdict = (typeof REPORTER_VERDICTS)[number];

/** The reporter's events that answer a response, by what they say about it. */
export const VERDICT_OF_EVENT = {
  confirm_remediation: "consent",
  accept_dispute: "consent",
  reject_remediation: "objection",
  escalate_dispute: "objection",
} as const satisfies Record<string, ReporterVerdict>;

export type VerdictEvent = keyof typeof VERDICT_OF_EVENT;

export function isVerdictEvent(type: string): type is VerdictEvent {
  return Object.hasOwn(VERDICT_OF_EVENT, type);
}

/** The states in which the reporters are answering the colleague's response. */
export function decisionsAwaited(state: ConcernState): boolean {
  return state === "remediation_reported" || state === "disputed";
}

export interface ReporterAnswer {
  reporterId: string;
  /** Their answer to the current response, or null while they have not given one. */
  verdict: ReporterVerdict | null;
}

export type VerdictDecision =
  /** Apply the reporter's event through the transition table. */
  | { kind: "move" }
  /** Record the answer only: the case waits for the others. */
  | { kind: "record"; stillToAnswer: number }
  | { kind: "refuse"; message: string };

export function decideReporterVerdict(
  reporters: readonly ReporterAnswer[],
  by: string,
  verdict: ReporterVerdict,
): VerdictDecision {
  const own = reporters.find((reporter) => reporter.reporterId === by);
  if (!own) return { kind: "refuse", message: "Only a colleague who raised this can answer." };
  if (own.verdict) {
    return {
      kind: "refuse",
      message:
        "You have already answered this response. The case moves on when the other colleagues who raised it have answered too, or their time to answer ends.",
    };
  }
  if (verdict === "objection") return { kind: "move" };
  const stillToAnswer = reporters.filter(
    (reporter) => reporter.reporterId !== by && reporter.verdict !== "consent",
  ).length;
  return stillToAnswer === 0 ? { kind: "move" } : { kind: "record", stillToAnswer };
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  appears_unprofessional: 0,
  significantly_violates_norms: 1,
};

/** A case is as serious as the most serious judgement any of its reporters made. */
export function caseSeverity(severities: readonly Severity[]): Severity {
  return severities.reduce((highest, next) =>
    SEVERITY_RANK[next] > SEVERITY_RANK[highest] ? next : highest,
  );
}
