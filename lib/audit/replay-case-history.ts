/**
 * A case's history told again from its audit events alone: who filed it, about whom, how
 * openly, and the state each transition left it in, checked against the workflow's own
 * transition table. Used by `npm run audit:verify` to find a case whose stored row no
 * longer says what its events say (a row edited behind the app's back), or whose events no
 * longer follow one another (a transition removed or inserted, even with the chain's
 * hashes recomputed). Pure: the caller reads the events and the row.
 */
import {
  type ActorRelation,
  type ConcernState,
  TRANSITIONS,
  type TransitionRule,
} from "@/lib/domain/concern-workflow";

export interface CaseEvent {
  id: number;
  actorId: string | null;
  action: string;
  details: Record<string, unknown>;
}

/** The stored row, as far as the events can vouch for it. */
export interface StoredCase {
  state: string;
  reporterId: string;
  subjectId: string;
  disclosure: string;
}

export interface ReplayProblem {
  id: number | null;
  problem: string;
}

interface Move {
  from: readonly ConcernState[];
  /** "unchanged" for an event recorded without moving the case (opening the notice). */
  to: ConcernState | "unchanged";
  actors: readonly ActorRelation[];
}

/** Every audit action a transition can record, with where it may lead and who may cause it. */
const MOVES: ReadonlyMap<string, readonly Move[]> = (() => {
  const moves = new Map<string, Move[]>();
  for (const rule of Object.values(TRANSITIONS) as TransitionRule[]) {
    const outcomes =
      "significant" in rule.outcome
        ? [rule.outcome.significant, rule.outcome.notSignificant]
        : [rule.outcome];
    for (const outcome of outcomes) {
      const list = moves.get(outcome.audit) ?? [];
      list.push({ from: rule.from, to: outcome.to, actors: rule.actors });
      moves.set(outcome.audit, list);
    }
  }
  return moves;
})();

export const FILING_ACTION = "concern_filed";
/** A further reporter joining the case: from then on they may answer as a reporter. */
const JOINING_ACTION = "reporter_joined";

/** The one party who alone may record this action, if one party alone may. */
function partyOnly(moves: readonly Move[]): "reporter" | "subject" | null {
  const actors = new Set(moves.flatMap((move) => move.actors));
  if (actors.size !== 1) return null;
  const [only] = actors;
  return only === "reporter" || only === "subject" ? only : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function replayCaseHistory(
  events: readonly CaseEvent[],
  stored: StoredCase | null,
): ReplayProblem[] {
  const problems: ReplayProblem[] = [];
  const [filing] = events;
  if (!filing) return problems;
  if (!stored) {
    return [
      {
        id: null,
        problem: "its events describe a case that is not in the database: the case was deleted",
      },
    ];
  }
  if (filing.action !== FILING_ACTION) {
    return [
      {
        id: filing.id,
        problem: "its history does not start with its filing: the filing event was removed",
      },
    ];
  }
  // An officer who records a concern for a physician names them as its reporter.
  const reporter = text(filing.details.reporterId) ?? filing.actorId;
  // Colleagues who joined the case as further reporters, from the events that say so.
  const joined = new Set<string | null>();
  // The colleague, as the filing named them (events written before the filing recorded it
  // say it through the colleague's own steps instead).
  let colleague = text(filing.details.subjectId);
  let colleagueSaidBy = colleague ? filing.id : null;
  const disclosure = text(filing.details.disclosure);
  let state = text(filing.details.to) ?? "awaiting_response";
  let sequenceBroken = false;

  for (const event of events.slice(1)) {
    if (event.action === JOINING_ACTION) joined.add(event.actorId);
    const moves = MOVES.get(event.action);
    const to = text(event.details.to);
    if (!moves || !to) continue;
    // Every transition the app records says where it moved the case from; an event that
    // does not (imported or seeded history) is taken at its word for where it leads.
    const from = text(event.details.from);
    if (!sequenceBroken && from !== null && from !== state) {
      sequenceBroken = true;
      problems.push({
        id: event.id,
        problem: `it records "${event.action}" from "${from}", but its earlier events leave the case "${state}": transitions were removed or inserted`,
      });
    } else if (
      !sequenceBroken &&
      from !== null &&
      !moves.some(
        (move) =>
          move.from.includes(from as ConcernState) &&
          (move.to === "unchanged" ? to === from : move.to === to),
      )
    ) {
      sequenceBroken = true;
      problems.push({
        id: event.id,
        problem: `it records "${event.action}", which cannot move a case from "${from}" to "${to}"`,
      });
    }
    const party = partyOnly(moves);
    if (party === "reporter" && event.actorId !== reporter && !joined.has(event.actorId)) {
      problems.push({
        id: event.id,
        problem: `only the reporter may record "${event.action}", but someone else did: the event or the case was altered`,
      });
    }
    if (party === "subject") {
      if (colleague === null && event.actorId) {
        colleague = event.actorId;
        colleagueSaidBy = event.id;
      } else if (event.actorId !== colleague) {
        problems.push({
          id: event.id,
          problem: `only the colleague may record "${event.action}", but someone else did: the event or the case was altered`,
        });
      }
    }
    state = to;
  }

  if (stored.state !== state) {
    problems.push({
      id: null,
      problem: `its stored state is "${stored.state}" but its events leave it "${state}"`,
    });
  }
  if (stored.reporterId !== reporter) {
    problems.push({
      id: filing.id,
      problem: "its stored reporter is not the person who filed it",
    });
  }
  if (colleague !== null && stored.subjectId !== colleague) {
    problems.push({
      id: colleagueSaidBy,
      problem: "its stored colleague is not the one its events name",
    });
  }
  if (disclosure !== null && stored.disclosure !== disclosure) {
    problems.push({
      id: filing.id,
      problem: `its stored disclosure is "${stored.disclosure}" but it was filed "${disclosure}"`,
    });
  }
  return problems;
}
