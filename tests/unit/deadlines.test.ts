import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addWindow,
  DAY_MS,
  DEFAULT_WINDOWS,
  describeTimeLeft,
  HOUR_MS,
  isBusinessDay,
  isOverdue,
} from "../../lib/domain/deadlines";

const NOW = new Date("2025-03-10T12:00:00.000Z");
const MINUTE_MS = 60 * 1000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("DEFAULT_WINDOWS", () => {
  it("gives seven days to respond, seven to confirm, reminds 48 hours ahead, two business days to triage and 30 days to decide", () => {
    expect(DEFAULT_WINDOWS).toEqual({
      remediationWindowMs: 7 * DAY_MS,
      confirmationWindowMs: 7 * DAY_MS,
      reminderLeadMs: 48 * HOUR_MS,
      triageBusinessDays: 2,
      decisionWindowMs: 30 * DAY_MS,
    });
  });
});

describe("addBusinessDays", () => {
  // 2025-03-10 is a Monday.
  const at = (day: string) => new Date(`2025-03-${day}T12:00:00.000Z`);

  it.each([
    ["Monday", "10", 2, "12"],
    ["Wednesday", "12", 2, "14"],
    ["Thursday", "13", 2, "17"],
    ["Friday", "14", 1, "17"],
    ["Friday", "14", 2, "18"],
    ["Saturday", "15", 1, "17"],
    ["Sunday", "16", 2, "18"],
    ["Monday", "10", 5, "17"],
    ["Monday", "10", 10, "24"],
  ])(
    "from %s the %sth, %i business day(s) later is the %sth at the same time",
    (_, from, days, to) => {
      expect(addBusinessDays(at(from), days)).toEqual(at(to));
    },
  );

  it("keeps the time of day to the millisecond and leaves the original untouched", () => {
    const start = new Date("2025-03-14T23:59:59.999Z");
    expect(addBusinessDays(start, 1)).toEqual(new Date("2025-03-17T23:59:59.999Z"));
    expect(start).toEqual(new Date("2025-03-14T23:59:59.999Z"));
  });

  it("adds nothing for zero days", () => {
    expect(addBusinessDays(at("15"), 0)).toEqual(at("15"));
  });

  it("counts days in UTC, so a month or year boundary is just another day", () => {
    expect(addBusinessDays(new Date("2025-12-31T09:00:00.000Z"), 2)).toEqual(
      new Date("2026-01-02T09:00:00.000Z"),
    );
  });

  it("knows Saturday and Sunday are not business days", () => {
    expect([10, 11, 12, 13, 14, 15, 16].map((d) => isBusinessDay(at(String(d))))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("addWindow", () => {
  it("returns a new date the window later and leaves the original untouched", () => {
    const start = new Date(NOW);
    expect(addWindow(start, DEFAULT_WINDOWS.remediationWindowMs)).toEqual(
      new Date("2025-03-17T12:00:00.000Z"),
    );
    expect(start).toEqual(NOW);
  });
});

describe("isOverdue", () => {
  it("is not overdue one millisecond before the deadline", () => {
    expect(isOverdue(later(1), NOW)).toBe(false);
  });

  it("is overdue at the exact instant of the deadline and after it", () => {
    expect(isOverdue(NOW, NOW)).toBe(true);
    expect(isOverdue(ago(1), NOW)).toBe(true);
  });
});

describe("describeTimeLeft", () => {
  const cases: Array<[string, Date, string]> = [
    ["whole days ahead", later(3 * DAY_MS), "3 days left"],
    ["part days ahead, rounded down", later(3 * DAY_MS + 23 * HOUR_MS), "3 days left"],
    ["a single day ahead", later(DAY_MS), "1 day left"],
    ["hours ahead", later(5 * HOUR_MS + 59 * MINUTE_MS), "due in 5 hours"],
    ["a single hour ahead", later(HOUR_MS), "due in 1 hour"],
    ["minutes ahead", later(30 * MINUTE_MS), "due in 30 minutes"],
    ["seconds ahead", later(30 * 1000), "due in less than a minute"],
    ["the deadline itself", NOW, "overdue by less than a minute"],
    ["hours past", ago(3 * HOUR_MS), "overdue by 3 hours"],
    ["days past", ago(2 * DAY_MS + 5 * HOUR_MS), "overdue by 2 days"],
    ["a single minute past", ago(MINUTE_MS), "overdue by 1 minute"],
    ["a fresh 7-day window, read at once", later(7 * DAY_MS), "7 days left"],
    ["a fresh 7-day window, read a second later", later(7 * DAY_MS - 1000), "7 days left"],
    ["a fresh 7-day window, read a minute later", later(7 * DAY_MS - MINUTE_MS), "7 days left"],
    ["a 7-day window read five minutes on", later(7 * DAY_MS - 5 * MINUTE_MS), "6 days left"],
    ["a fresh 48-hour window, read a second later", later(2 * DAY_MS - 1000), "2 days left"],
    ["an hour, read a second later", later(HOUR_MS - 1000), "due in 1 hour"],
    ["an hour, read ten seconds later", later(HOUR_MS - 10_000), "due in 59 minutes"],
  ];

  for (const [situation, due, expected] of cases) {
    it(`says "${expected}" for ${situation}`, () => {
      expect(describeTimeLeft(due, NOW)).toBe(expected);
    });
  }

  it("never tells anyone they have more time than they do by more than a thousandth of the unit it names", () => {
    const units = { day: DAY_MS, hour: HOUR_MS, minute: MINUTE_MS } as const;
    for (let remaining = 1000; remaining < 10 * DAY_MS; remaining = Math.ceil(remaining * 1.013)) {
      const words = describeTimeLeft(later(remaining), NOW);
      const match = /(\d+) (day|hour|minute)s?/.exec(words);
      if (!match) continue;
      const unit = units[match[2] as keyof typeof units];
      const told = Number(match[1]) * unit;
      expect(told - remaining, `${words} for ${remaining} ms`).toBeLessThanOrEqual(unit / 1000);
    }
  });
});
