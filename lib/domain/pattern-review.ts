/**
 * Patterns across cases: when several colleagues have raised concerns about one colleague
 * within a year, each may have ended between peers, yet together they deserve an officer's
 * look. This is the rule that says when such a review is due and what it lists; no I/O.
 */

export interface PatternSettings {
  /** How many concerns within the window make a pattern. */
  concernCount: number;
  /** From at least this many different reporters (one person raising the same colleague thrice is not a pattern). */
  reporterCount: number;
  /** The window, in calendar months back from now. */
  windowMonths: number;
}

export const DEFAULT_PATTERN_SETTINGS: Readonly<PatternSettings> = {
  concernCount: 3,
  reporterCount: 2,
  windowMonths: 12,
};

/** A concern about the colleague, whatever its state (lapsed and resolved included). */
export interface PatternConcern {
  id: string;
  reporterId: string;
  filedAt: Date;
}

export type PatternReviewDecision =
  | { due: true; concernIds: string[] }
  | {
      due: false;
      reason: "open_review" | "too_few_concerns" | "too_few_reporters" | "nothing_new";
    };

/**
 * The start of the window: the same instant `months` calendar months earlier (UTC), so a
 * concern filed exactly twelve months ago still counts and one a second older does not.
 */
export function patternWindowStart(now: Date, months: number): Date {
  const start = new Date(now.getTime());
  const day = start.getUTCDate();
  start.setUTCDate(1);
  start.setUTCMonth(start.getUTCMonth() - months);
  // 29 February less twelve months is 28 February, not 1 March.
  const lastDay = new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0),
  ).getUTCDate();
  start.setUTCDate(Math.min(day, lastDay));
  return start;
}

/**
 * Whether a review of the colleague's concerns is due now, and which concerns it lists
 * (every concern in the window, oldest first). None while a review of them is still open
 * (one open review per colleague), and none when every concern in the window was already
 * listed by an earlier review: a decided review is not reopened by the same concerns.
 */
export function decidePatternReview(input: {
  concerns: readonly PatternConcern[];
  settings: PatternSettings;
  now: Date;
  hasOpenReview: boolean;
  alreadyReviewed: ReadonlySet<string>;
}): PatternReviewDecision {
  const { concerns, settings, now, hasOpenReview, alreadyReviewed } = input;
  if (hasOpenReview) return { due: false, reason: "open_review" };
  const start = patternWindowStart(now, settings.windowMonths).getTime();
  const inWindow = concerns
    .filter((c) => c.filedAt.getTime() >= start && c.filedAt.getTime() <= now.getTime())
    .sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime() || a.id.localeCompare(b.id));
  if (inWindow.length < settings.concernCount) return { due: false, reason: "too_few_concerns" };
  if (new Set(inWindow.map((c) => c.reporterId)).size < settings.reporterCount) {
    return { due: false, reason: "too_few_reporters" };
  }
  if (inWindow.every((c) => alreadyReviewed.has(c.id))) {
    return { due: false, reason: "nothing_new" };
  }
  return { due: true, concernIds: inWindow.map((c) => c.id) };
}

/** What the due-process rule needs of a review. */
export interface ReviewAnswerWindow {
  openedAt: Date;
  answeredAt: Date | null;
}

/**
 * Until when the colleague is waited for: the review's opening plus the time a colleague
 * has to answer a notice (the organisation's remediation window), so being heard on several
 * concerns takes no less time than on one, and there is no second setting to keep in step.
 */
export function decisionOpensAt(
  review: Pick<ReviewAnswerWindow, "openedAt">,
  answerWindowMs: number,
): Date {
  return new Date(review.openedAt.getTime() + answerWindowMs);
}

/**
 * Due process: a review may be decided once the colleague has answered, or once their
 * answer window has passed (from its last instant on) without an answer.
 */
export function mayDecideYet(
  review: ReviewAnswerWindow,
  answerWindowMs: number,
  now: Date,
): boolean {
  if (review.answeredAt) return true;
  return now.getTime() >= decisionOpensAt(review, answerWindowMs).getTime();
}

/** Shown to people as PR-000012, beside the cases' PC- references. */
export function patternReviewReference(number: number): string {
  return `PR-${String(number).padStart(6, "0")}`;
}

export const PATTERN_REVIEW_STATES = ["open", "in_review", "decided"] as const;
export type PatternReviewState = (typeof PATTERN_REVIEW_STATES)[number];

const STATE_WORDS: Readonly<Record<"officer" | "subject", Record<PatternReviewState, string>>> = {
  officer: {
    open: "Waiting for an officer",
    in_review: "In review",
    decided: "Decided",
  },
  subject: {
    open: "Open: you may answer",
    in_review: "Being reviewed: you may answer",
    decided: "Decided",
  },
};

/** A review's state in its reader's words. */
export function patternReviewStateLabel(
  state: PatternReviewState,
  viewer: "officer" | "subject",
): string {
  return STATE_WORDS[viewer][state];
}
