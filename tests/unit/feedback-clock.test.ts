import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/domain/deadlines";
import { feedbackClock } from "@/lib/domain/feedback-clock";

const ESCALATED = new Date("2026-01-10T08:00:00.000Z");
const daysLater = (days: number) => new Date(ESCALATED.getTime() + days * DAY_MS);
const open = { escalatedAt: ESCALATED, closedAt: null };

describe("the three-month feedback clock", () => {
  it("is due 90 days after escalation, warns at 60 and 75 days, and is overdue from 90", () => {
    expect(feedbackClock(open, daysLater(1))).toEqual({
      dueAt: daysLater(90),
      daysElapsed: 1,
      level: "on_track",
    });
    expect(feedbackClock(open, daysLater(59.9))?.level).toBe("on_track");
    expect(feedbackClock(open, daysLater(60))?.level).toBe("warning");
    expect(feedbackClock(open, daysLater(74.9))?.level).toBe("warning");
    expect(feedbackClock(open, daysLater(75))?.level).toBe("urgent");
    expect(feedbackClock(open, daysLater(90))).toMatchObject({ level: "overdue", daysElapsed: 90 });
  });

  it("does not run for a case never escalated or already decided", () => {
    expect(feedbackClock({ escalatedAt: null, closedAt: null }, daysLater(80))).toBeNull();
    expect(
      feedbackClock({ escalatedAt: ESCALATED, closedAt: daysLater(10) }, daysLater(80)),
    ).toBeNull();
  });
});
