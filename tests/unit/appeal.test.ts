import { describe, expect, it } from "vitest";
import {
  type AppealableCase,
  appealWindowEndsAt,
  isAppealWindowOpen,
  mayDecide,
  mayFileAppeal,
  mayTake,
  mayTakeAppeal,
} from "../../lib/domain/appeal";
import { DAY_MS } from "../../lib/domain/deadlines";

// Decided late on a Friday evening in New York, which is already Saturday in UTC: the window
// is counted from the instant, so no reader's time zone moves its end.
const DECIDED = new Date("2026-03-07T03:30:00.000Z");
const DECIDED_CASE: AppealableCase = {
  state: "closed",
  outcome: "coaching",
  closedAt: DECIDED,
  alreadyAppealed: false,
};
const at = (ms: number) => new Date(DECIDED.getTime() + ms);

describe("the appeal window", () => {
  it("ends exactly 14 days after the decision's instant", () => {
    expect(appealWindowEndsAt(DECIDED, 14).toISOString()).toBe("2026-03-21T03:30:00.000Z");
  });

  it("is open a millisecond before its end and closed at its end", () => {
    expect(isAppealWindowOpen(DECIDED, at(14 * DAY_MS - 1), 14)).toBe(true);
    expect(isAppealWindowOpen(DECIDED, at(14 * DAY_MS), 14)).toBe(false);
  });

  it("follows the number of days in Settings", () => {
    expect(isAppealWindowOpen(DECIDED, at(20 * DAY_MS), 30)).toBe(true);
    expect(isAppealWindowOpen(DECIDED, at(2 * DAY_MS), 1)).toBe(false);
  });
});

describe("filing an appeal", () => {
  it("is allowed for a decided case inside the window", () => {
    expect(mayFileAppeal(DECIDED_CASE, at(DAY_MS), 14)).toEqual({ ok: true });
  });

  it("is refused once the window has closed, saying how long it was", () => {
    expect(mayFileAppeal(DECIDED_CASE, at(14 * DAY_MS), 14)).toMatchObject({
      ok: false,
      code: "window_closed",
      message: expect.stringContaining("within 14 days"),
    });
  });

  it("is refused for a second appeal of the same decision", () => {
    expect(mayFileAppeal({ ...DECIDED_CASE, alreadyAppealed: true }, at(DAY_MS), 14)).toMatchObject(
      { ok: false, code: "already_appealed" },
    );
  });

  it("is refused for a case the compliance team has not decided", () => {
    for (const concern of [
      { ...DECIDED_CASE, state: "in_review" as const },
      { ...DECIDED_CASE, state: "resolved" as const, outcome: null },
    ]) {
      expect(mayFileAppeal(concern, at(DAY_MS), 14)).toMatchObject({ code: "not_decided" });
    }
  });
});

describe("who may take an appeal", () => {
  const parties = { deciderId: "decider", reporterId: "reporter", subjectId: "subject" };

  it("any officer other than the decider and the parties", () => {
    expect(mayTakeAppeal("another-officer", parties)).toEqual({ ok: true });
  });

  it("never the officer who made the decision, who is told why", () => {
    expect(mayTakeAppeal("decider", parties)).toMatchObject({
      ok: false,
      code: "decider",
      message: "You made the decision under appeal, so a different officer must take it.",
    });
  });

  it("never a party to the case", () => {
    expect(mayTakeAppeal("reporter", parties)).toMatchObject({ code: "party" });
    expect(mayTakeAppeal("subject", parties)).toMatchObject({ code: "party" });
  });
});

describe("an appeal's steps", () => {
  it("filed -> taken, once", () => {
    expect(mayTake("filed")).toEqual({ ok: true });
    expect(mayTake("taken")).toMatchObject({ code: "wrong_status" });
    expect(mayTake("upheld")).toMatchObject({ code: "wrong_status" });
  });

  it("taken -> upheld with a different outcome, or dismissed, by the officer who took it", () => {
    const taken = { status: "taken" as const, takenById: "officer" };
    const upheld = { decision: "upheld" as const, currentOutcome: "coaching" as const };
    expect(mayDecide(taken, "officer", { ...upheld, newOutcome: "no_violation" })).toEqual({
      ok: true,
    });
    expect(
      mayDecide(taken, "officer", { decision: "dismissed", currentOutcome: "coaching" }),
    ).toEqual({ ok: true });
    expect(mayDecide(taken, "officer", { ...upheld, newOutcome: "coaching" })).toMatchObject({
      code: "same_outcome",
    });
    expect(
      mayDecide(taken, "someone-else", { ...upheld, newOutcome: "no_violation" }),
    ).toMatchObject({ code: "not_taker" });
  });

  it("is never decided twice, nor before it is taken", () => {
    const dismissed = { decision: "dismissed" as const, currentOutcome: "coaching" as const };
    expect(mayDecide({ status: "upheld", takenById: "o" }, "o", dismissed)).toMatchObject({
      code: "wrong_status",
    });
    expect(mayDecide({ status: "filed", takenById: null }, "o", dismissed)).toMatchObject({
      code: "wrong_status",
    });
  });
});
