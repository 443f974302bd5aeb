import { describe, expect, it } from "vitest";
import {
  DEFAULT_PATTERN_SETTINGS,
  decidePatternReview,
  decisionOpensAt,
  mayDecideYet,
  type PatternConcern,
  patternReviewReference,
  patternWindowStart,
} from "../../lib/domain/pattern-review";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const concern = (id: string, reporterId: string, filedAt: string): PatternConcern => ({
  id,
  reporterId,
  filedAt: new Date(filedAt),
});
const decide = (
  concerns: PatternConcern[],
  extra: { hasOpenReview?: boolean; alreadyReviewed?: string[]; now?: Date } = {},
) =>
  decidePatternReview({
    concerns,
    settings: DEFAULT_PATTERN_SETTINGS,
    now: extra.now ?? NOW,
    hasOpenReview: extra.hasOpenReview ?? false,
    alreadyReviewed: new Set(extra.alreadyReviewed ?? []),
  });

describe("decidePatternReview", () => {
  it("is due for three concerns from two reporters within twelve months, listing them oldest first", () => {
    expect(
      decide([
        concern("c", "amara", "2026-11-27T11:00:00Z"),
        concern("a", "amara", "2026-01-10T09:00:00Z"),
        concern("b", "ben", "2026-06-01T09:00:00Z"),
      ]),
    ).toEqual({ due: true, concernIds: ["a", "b", "c"] });
  });

  it("is not due when one reporter raised the colleague three times", () => {
    expect(
      decide([
        concern("a", "amara", "2026-01-10T09:00:00Z"),
        concern("b", "amara", "2026-06-01T09:00:00Z"),
        concern("c", "amara", "2026-11-27T11:00:00Z"),
      ]),
    ).toEqual({ due: false, reason: "too_few_reporters" });
  });

  it("counts a concern filed exactly twelve months ago, and not one a millisecond older", () => {
    const exactly = [
      concern("a", "amara", "2025-11-27T12:00:00.000Z"),
      concern("b", "ben", "2026-06-01T09:00:00Z"),
      concern("c", "ben", "2026-11-27T11:00:00Z"),
    ];
    expect(decide(exactly)).toEqual({ due: true, concernIds: ["a", "b", "c"] });
    const older = [
      { ...exactly[0]!, filedAt: new Date("2025-11-27T11:59:59.999Z") },
      ...exactly.slice(1),
    ];
    expect(decide(older)).toEqual({ due: false, reason: "too_few_concerns" });
  });

  it("opens no new review while one is open for the colleague", () => {
    const three = [
      concern("a", "amara", "2026-01-10T09:00:00Z"),
      concern("b", "ben", "2026-06-01T09:00:00Z"),
      concern("c", "ben", "2026-11-27T11:00:00Z"),
    ];
    expect(decide(three, { hasOpenReview: true })).toEqual({ due: false, reason: "open_review" });
  });

  it("opens no new review for concerns an earlier review already listed, but does for a new one", () => {
    const three = [
      concern("a", "amara", "2026-01-10T09:00:00Z"),
      concern("b", "ben", "2026-06-01T09:00:00Z"),
      concern("c", "ben", "2026-11-20T11:00:00Z"),
    ];
    expect(decide(three, { alreadyReviewed: ["a", "b", "c"] })).toEqual({
      due: false,
      reason: "nothing_new",
    });
    expect(
      decide([...three, concern("d", "chloe", "2026-11-27T11:00:00Z")], {
        alreadyReviewed: ["a", "b", "c"],
      }),
    ).toEqual({ due: true, concernIds: ["a", "b", "c", "d"] });
  });

  it("follows the settings: two concerns from two reporters within a month", () => {
    expect(
      decidePatternReview({
        concerns: [
          concern("a", "amara", "2026-10-20T09:00:00Z"),
          concern("b", "ben", "2026-11-20T09:00:00Z"),
          concern("c", "chloe", "2026-11-26T09:00:00Z"),
        ],
        settings: { concernCount: 2, reporterCount: 2, windowMonths: 1 },
        now: NOW,
        hasOpenReview: false,
        alreadyReviewed: new Set(),
      }),
    ).toEqual({ due: true, concernIds: ["b", "c"] });
  });
});

describe("patternWindowStart", () => {
  it("goes back calendar months, ending February's window on its last day", () => {
    expect(patternWindowStart(NOW, 12).toISOString()).toBe("2025-11-27T12:00:00.000Z");
    expect(patternWindowStart(new Date("2028-02-29T08:00:00Z"), 12).toISOString()).toBe(
      "2027-02-28T08:00:00.000Z",
    );
    expect(patternWindowStart(new Date("2026-03-31T08:00:00Z"), 1).toISOString()).toBe(
      "2026-02-28T08:00:00.000Z",
    );
  });
});

describe("patternReviewReference", () => {
  it("reads PR- and six digits", () => {
    expect(patternReviewReference(12)).toBe("PR-000012");
  });
});

describe("due process before a review is decided", () => {
  const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
  const openedAt = new Date("2026-11-27T20:00:00.000Z");
  const unanswered = { openedAt, answeredAt: null };

  it("opens the decision one answer window after the review opened", () => {
    expect(decisionOpensAt(unanswered, WEEK_MS)).toEqual(new Date("2026-12-04T20:00:00.000Z"));
  });

  it("waits for an unanswered colleague until the window's end, and not a millisecond less", () => {
    const opens = decisionOpensAt(unanswered, WEEK_MS).getTime();
    expect(mayDecideYet(unanswered, WEEK_MS, openedAt)).toBe(false);
    expect(mayDecideYet(unanswered, WEEK_MS, new Date(opens - 1))).toBe(false);
    expect(mayDecideYet(unanswered, WEEK_MS, new Date(opens))).toBe(true);
    expect(mayDecideYet(unanswered, WEEK_MS, new Date(opens + 1))).toBe(true);
  });

  it("may be decided as soon as the colleague has answered, however early", () => {
    const answered = { openedAt, answeredAt: new Date(openedAt.getTime() + 60_000) };
    expect(mayDecideYet(answered, WEEK_MS, new Date(openedAt.getTime() + 60_000))).toBe(true);
  });

  it("follows the window it is given (the organisation's own)", () => {
    const hour = 60 * 60 * 1000;
    expect(mayDecideYet(unanswered, hour, new Date(openedAt.getTime() + hour))).toBe(true);
    expect(mayDecideYet(unanswered, 2 * hour, new Date(openedAt.getTime() + hour))).toBe(false);
  });
});
