import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "@/lib/domain/deadlines";
import { reminderFor, reminderTime } from "@/lib/domain/reminders";

const START = new Date("2026-03-10T09:00:00.000Z");
const at = (ms: number) => new Date(START.getTime() + ms);

describe("when to remind", () => {
  it("reminds the lead time before the deadline", () => {
    expect(reminderTime(START, at(7 * DAY_MS), 48 * HOUR_MS)).toEqual(at(5 * DAY_MS));
  });

  it("never reminds in the first half of a window shorter than twice the lead", () => {
    expect(reminderTime(START, at(DAY_MS), 48 * HOUR_MS)).toEqual(at(12 * HOUR_MS));
    expect(reminderTime(START, at(3 * DAY_MS), 48 * HOUR_MS)).toEqual(at(36 * HOUR_MS));
  });
});

describe("who is reminded", () => {
  const dates = { responseDueAt: at(7 * DAY_MS), confirmationDueAt: at(9 * DAY_MS) };

  it("reminds the colleague while a notice awaits their response", () => {
    expect(reminderFor({ state: "awaiting_response", ...dates, confirmationDueAt: null })).toEqual({
      kind: "reminder_response_due",
      recipient: "subject",
      dueAt: dates.responseDueAt,
    });
  });

  it("reminds the reporter while a remediation or a dispute awaits their answer", () => {
    for (const state of ["remediation_reported", "disputed"] as const) {
      expect(reminderFor({ state, ...dates })).toEqual({
        kind: "reminder_answer_due",
        recipient: "reporter",
        dueAt: dates.confirmationDueAt,
      });
    }
  });

  it("reminds nobody once a case is escalated or closed", () => {
    for (const state of [
      "escalated",
      "resolved",
      "withdrawn",
      "lapsed",
      "closed",
      "dispute_accepted",
    ] as const) {
      expect(reminderFor({ state, ...dates })).toBeNull();
    }
  });
});
