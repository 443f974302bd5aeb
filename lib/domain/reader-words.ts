/**
 * A case in the words of the person reading it. The colleague reading their own notice is
 * "you", never "the colleague"; the reporter reads about "your colleague"; officers read
 * about both parties in the third person. Every badge, header, list, timeline and
 * notification takes its words from here, so no page words a state on its own.
 */
import type { ConcernState } from "./concern-workflow";

/** Who reads: a party to the case, or an officer (administrators and the system read as officers). */
export type Viewer = "reporter" | "subject" | "officer";

export const VIEWERS = ["reporter", "subject", "officer"] as const satisfies readonly Viewer[];

interface StateWords {
  /** On its own, capitalised: a badge, a list's status column. */
  label: string;
  /** Inside a sentence, lower case: "This case has moved on: it is now …". */
  phrase: string;
}

const SAME_FOR_EVERYONE = {
  escalated: { label: "With the compliance team", phrase: "with the compliance team" },
  resolved: { label: "Resolved", phrase: "resolved" },
  closed: { label: "Closed by the compliance team", phrase: "closed by the compliance team" },
} as const;

/** Every state, for every reader: a new state without words for someone does not compile. */
export const STATE_WORDS: Readonly<Record<Viewer, Readonly<Record<ConcernState, StateWords>>>> = {
  reporter: {
    awaiting_response: {
      label: "Awaiting your colleague's response",
      phrase: "awaiting your colleague's response",
    },
    remediation_reported: {
      label: "Action reported: your answer is needed",
      phrase: "waiting for your answer to the action your colleague reported",
    },
    disputed: {
      label: "Disputed: your answer is needed",
      phrase: "waiting for your answer to your colleague's explanation",
    },
    escalated: SAME_FOR_EVERYONE.escalated,
    in_review: {
      label: "In review by the compliance team",
      phrase: "in review by the compliance team",
    },
    resolved: SAME_FOR_EVERYONE.resolved,
    dispute_accepted: {
      label: "Closed: explanation accepted",
      phrase: "closed with your colleague's explanation accepted",
    },
    withdrawn: { label: "You withdrew this concern", phrase: "withdrawn by you" },
    lapsed: {
      label: "Closed without a response",
      phrase: "closed without a response from your colleague",
    },
    closed: SAME_FOR_EVERYONE.closed,
  },
  subject: {
    awaiting_response: { label: "Awaiting your response", phrase: "awaiting your response" },
    remediation_reported: {
      label: "You reported an action",
      phrase: "waiting for the colleague who raised it to answer the action you reported",
    },
    disputed: {
      label: "You disputed this",
      phrase: "disputed by you, waiting for the colleague who raised it to answer",
    },
    escalated: SAME_FOR_EVERYONE.escalated,
    in_review: {
      label: "In review by the compliance team",
      phrase: "in review by the compliance team",
    },
    resolved: SAME_FOR_EVERYONE.resolved,
    dispute_accepted: {
      label: "Closed: your explanation was accepted",
      phrase: "closed with your explanation accepted",
    },
    withdrawn: {
      label: "Withdrawn by the colleague who raised it",
      phrase: "withdrawn by the colleague who raised it",
    },
    lapsed: {
      label: "Closed: no response before the deadline",
      phrase: "closed without your response before the deadline",
    },
    closed: SAME_FOR_EVERYONE.closed,
  },
  officer: {
    awaiting_response: {
      label: "Awaiting the colleague's response",
      phrase: "awaiting the colleague's response",
    },
    remediation_reported: {
      label: "Action reported: awaiting the reporter",
      phrase: "waiting for the reporter to answer a reported action",
    },
    disputed: {
      label: "Disputed: awaiting the reporter",
      phrase: "disputed by the colleague, waiting for the reporter to answer",
    },
    escalated: { label: "Waiting for an officer", phrase: "waiting for an officer to take it on" },
    in_review: { label: "In review", phrase: "in review by a compliance officer" },
    resolved: { label: "Resolved between colleagues", phrase: "resolved between colleagues" },
    dispute_accepted: {
      label: "Closed: explanation accepted",
      phrase: "closed with the colleague's explanation accepted",
    },
    withdrawn: { label: "Withdrawn by the reporter", phrase: "withdrawn by the reporter" },
    lapsed: { label: "Lapsed without a response", phrase: "lapsed without a response" },
    closed: SAME_FOR_EVERYONE.closed,
  },
};

/** The state as a badge or a list shows it to this reader. */
export function stateLabel(state: ConcernState, viewer: Viewer): string {
  return STATE_WORDS[viewer][state].label;
}

/** The state inside a sentence, for this reader: "it is now awaiting your response". */
export function stateInSentence(state: ConcernState, viewer: Viewer): string {
  return STATE_WORDS[viewer][state].phrase;
}

/** Who did something on a case's timeline, as this reader may know them. */
export interface TimelineActor {
  /** Which side of the case the person acting is on; "system" for the deadline scheduler. */
  party: "reporter" | "subject" | "officer" | "system";
  name: string | null;
  /** The reader did it themself. */
  isReader: boolean;
}

/**
 * "You", the other party's name, "The colleague who raised this" for a confidential
 * reporter read by the colleague, "The compliance team" for an officer read by a party.
 */
export function describeWho(actor: TimelineActor, viewer: Viewer, reporterNamed: boolean): string {
  if (actor.party === "system") return "Peer Concerns (automatic)";
  if (actor.isReader) return "You";
  switch (actor.party) {
    case "subject":
      return actor.name ?? (viewer === "reporter" ? "Your colleague" : "The colleague");
    case "reporter":
      return viewer === "subject" && !reporterNamed
        ? "The colleague who raised this"
        : (actor.name ?? "The colleague who raised this");
    case "officer":
      return viewer === "officer" ? (actor.name ?? "An officer") : "The compliance team";
  }
}

/** What a case needs from its reader now (waiting-on.ts decides which and until when). */
export type Need = "response" | "answer" | "triage" | "decision";

const NEED_WORDS: Readonly<Record<Need, { sentence: string; short: string }>> = {
  response: { sentence: "Your response is needed by", short: "respond by" },
  answer: { sentence: "Your answer is needed by", short: "answer by" },
  triage: { sentence: "An officer needs to take this case on by", short: "claim by" },
  decision: { sentence: "Your decision is due by", short: "decide by" },
};

/** "Your response is needed by" (then the date), for a page or the body of an email. */
export function describeNeed(need: Need): string {
  return NEED_WORDS[need].sentence;
}

/** "respond by" (then the date), short enough for an email's subject line. */
export function describeNeedBriefly(need: Need): string {
  return NEED_WORDS[need].short;
}
