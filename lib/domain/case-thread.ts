/**
 * The relayed thread between the two colleagues of a case: when it is open, how many
 * messages a person may still send today, and how each side is named to the other. Pure:
 * the services and pages pass the case's state, the counts and the reader.
 */
import { type ConcernState, isTerminal } from "./concern-workflow";
import { describeWho, type TimelineActor, type Viewer } from "./reader-words";

export const DEFAULT_DAILY_MESSAGE_LIMIT = 10;

/** The window the daily message limit counts in: the last 24 hours, not the calendar day. */
export const MESSAGE_LIMIT_WINDOW_MS = 24 * 3600 * 1000;

/** At most this many messages of a thread are shown at once; earlier ones are a link away. */
export const THREAD_MESSAGES_PER_PAGE = 30;

const FINISHED: Readonly<Record<string, string>> = {
  resolved: "This case is resolved, so its conversation is closed. You can still read it.",
  dispute_accepted: "This case is closed, so its conversation is closed. You can still read it.",
  withdrawn: "This concern was withdrawn, so its conversation is closed. You can still read it.",
  lapsed:
    "This case closed without a response, so its conversation is closed. You can still read it.",
  closed:
    "The compliance team closed this case, so its conversation is closed. You can still read it.",
};

/**
 * Whether the parties may still write: from filing until the case is finished (resolved,
 * explanation accepted, withdrawn, lapsed or closed). When not, the sentence that says why.
 */
export function threadStatus(state: ConcernState): { open: true } | { open: false; why: string } {
  if (!isTerminal(state)) return { open: true };
  return {
    open: false,
    why: FINISHED[state] ?? "This case is finished, so its conversation is closed.",
  };
}

/** How many more messages a person may send on this case now (never below zero). */
export function messagesLeft(sentInWindow: number, dailyLimit: number): number {
  return Math.max(0, dailyLimit - sentInWindow);
}

export function messageLimitReached(sentInWindow: number, dailyLimit: number): boolean {
  return messagesLeft(sentInWindow, dailyLimit) === 0;
}

export function messageLimitSentence(dailyLimit: number): string {
  return `You have sent ${dailyLimit} message${dailyLimit === 1 ? "" : "s"} on this case in the last 24 hours, the most allowed. Your message is kept below: send it later.`;
}

/** Which side of the case a writer in the thread is on. */
export type ThreadParty = "reporter" | "subject";

/**
 * The writer of a message as this reader may know them: "You", the other party by name,
 * or, for a confidential reporter read by the colleague, "The colleague who raised this".
 * `name` is whatever the reader's query was allowed to select (null where it was not).
 */
export function threadSender(
  sender: { party: ThreadParty; name: string | null; isReader: boolean },
  viewer: Viewer,
  reporterNamed: boolean,
): string {
  return describeWho(
    // The reporter's name never reaches this function for a colleague who may not know it,
    // and the rule below would not use it if it did.
    { party: sender.party, name: sender.name, isReader: sender.isReader },
    viewer,
    reporterNamed,
  );
}

/** Who the reader writes to, in the form's words. */
export function threadRecipient(
  viewer: ThreadParty,
  other: { name: string | null },
  reporterNamed: boolean,
): string {
  if (viewer === "reporter") return other.name ?? "your colleague";
  return reporterNamed && other.name ? other.name : "the colleague who raised this";
}

/**
 * The parties' own answers that already live on the case (remediation with its note, a
 * dispute with its explanation, the reporter's answers and reasons): the thread shows
 * them among the messages, read from the audit events where they are stored.
 */
export const RESPONSES_IN_THREAD = [
  "concern_filed",
  "remediation_reported",
  "disputed",
  "remediation_confirmed",
  "remediation_rejected",
  "escalated_on_rejection",
  "dispute_accepted",
  "escalated_on_dispute",
  "withdrawn",
] as const;

/** One entry of the thread as its reader sees it: a message, or a response on the case. */
export interface ThreadItem {
  key: string;
  at: Date;
  who: string;
  /** Officers' view only: who wrote it, by side of the case and name, for the export. */
  by?: TimelineActor;
  /** For a response: what it was ("Concern disputed"); none for a message. */
  label: string | null;
  /** A message's words, or a response's quoted words with their labels. */
  texts: { label: string | null; text: string }[];
  /** Set on messages only. */
  message: {
    id: number;
    /** The reader may report it: it is the other party's, and they are a party. */
    reportable: boolean;
    /** Parties: whether they reported it. Officers: every report of it, with its reason. */
    reportedByReader: boolean;
    reports: { by: string; reason: string | null }[];
  } | null;
}

/**
 * The stretch of time one page of the thread covers, in milliseconds: from its oldest message
 * (null when no message is earlier) up to, not including, the first message after the page
 * (null when none is later). Pages of messages side by side cover the whole thread, so each
 * response is on exactly one of them.
 */
export interface ThreadSpan {
  fromMs: number | null;
  untilMs: number | null;
}

export const WHOLE_THREAD: ThreadSpan = { fromMs: null, untilMs: null };

/**
 * One page of the thread in time order: its messages, and the responses that fall in its
 * span, together; ties keep responses first, as a message replying to a response is written
 * after it.
 */
export function mergeThread(
  messages: readonly ThreadItem[],
  responses: readonly ThreadItem[],
  span: ThreadSpan,
): ThreadItem[] {
  const inSpan = responses.filter((response) => {
    const at = response.at.getTime();
    return (
      (span.fromMs === null || at >= span.fromMs) && (span.untilMs === null || at < span.untilMs)
    );
  });
  return [...inSpan, ...messages].sort((a, b) => a.at.getTime() - b.at.getTime());
}
