import { describe, expect, it } from "vitest";
import {
  calendarDateIn,
  DEFAULT_TIME_ZONE,
  formatCalendarDate,
  formatDateTime,
  formatDay,
  isTimeZone,
  resolveTimeZone,
  timeZoneChoices,
} from "../../lib/domain/date-words";

describe("formatDateTime", () => {
  it("words an instant in the reader's zone, with the zone's name", () => {
    expect(formatDateTime(new Date("2026-11-27T19:05:00Z"), "America/New_York")).toBe(
      "Friday 27 November 2026, 2:05 pm EST",
    );
  });

  it("follows daylight saving: the same zone in July is EDT, an hour nearer UTC", () => {
    expect(formatDateTime(new Date("2026-07-03T18:05:00Z"), "America/New_York")).toBe(
      "Friday 3 July 2026, 2:05 pm EDT",
    );
  });

  it("changes at the very instant the clocks do (2 am local, 8 March 2026 in New York)", () => {
    const zone = "America/New_York";
    expect(formatDateTime(new Date("2026-03-08T06:59:00Z"), zone)).toBe(
      "Sunday 8 March 2026, 1:59 am EST",
    );
    expect(formatDateTime(new Date("2026-03-08T07:00:00Z"), zone)).toBe(
      "Sunday 8 March 2026, 3:00 am EDT",
    );
  });

  it("uses the European names where Europeans read them, and British summer time", () => {
    expect(formatDateTime(new Date("2026-07-03T18:05:00Z"), "Europe/London")).toBe(
      "Friday 3 July 2026, 7:05 pm BST",
    );
    expect(formatDateTime(new Date("2026-12-03T18:05:00Z"), "Europe/London")).toBe(
      "Thursday 3 December 2026, 6:05 pm GMT",
    );
    expect(formatDateTime(new Date("2026-07-03T18:05:00Z"), "Europe/Paris")).toBe(
      "Friday 3 July 2026, 8:05 pm CEST",
    );
  });

  it("gives the offset where a zone has no short name, and crosses midnight into the reader's day", () => {
    expect(formatDateTime(new Date("2026-07-03T18:05:00Z"), "Asia/Tokyo")).toBe(
      "Saturday 4 July 2026, 3:05 am GMT+9",
    );
    expect(formatDateTime(new Date("2026-07-03T18:05:00Z"), "Asia/Kolkata")).toBe(
      "Friday 3 July 2026, 11:35 pm GMT+5:30",
    );
  });

  it("writes midnight and noon as 12 am and 12 pm, and UTC as UTC", () => {
    expect(formatDateTime(new Date("2026-01-01T00:00:00Z"), "UTC")).toBe(
      "Thursday 1 January 2026, 12:00 am UTC",
    );
    expect(formatDateTime(new Date("2026-01-01T12:30:00Z"), "UTC")).toBe(
      "Thursday 1 January 2026, 12:30 pm UTC",
    );
  });

  it("never shows ISO 8601", () => {
    const words = formatDateTime(new Date("2026-11-27T19:05:00Z"), DEFAULT_TIME_ZONE);
    expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:|Z\b/);
  });
});

describe("formatDay", () => {
  it("is the day in the reader's zone, which can differ from UTC's", () => {
    const lateEvening = new Date("2026-11-28T02:00:00Z");
    expect(formatDay(lateEvening, "America/New_York")).toBe("Friday 27 November 2026");
    expect(formatDay(lateEvening, "UTC")).toBe("Saturday 28 November 2026");
  });
});

describe("calendarDateIn", () => {
  it("is the reader's today, for a date field's default", () => {
    const nineInTheEveningInNewYork = new Date("2026-11-28T02:00:00Z");
    expect(calendarDateIn(nineInTheEveningInNewYork, "America/New_York")).toBe("2026-11-27");
    expect(calendarDateIn(nineInTheEveningInNewYork, "UTC")).toBe("2026-11-28");
  });
});

describe("formatCalendarDate", () => {
  it("words a calendar date without shifting it into any zone", () => {
    expect(formatCalendarDate("2026-11-27")).toBe("27 November 2026");
    expect(formatCalendarDate("2026-01-01")).toBe("1 January 2026");
  });

  it("leaves anything that is not a calendar date as it is", () => {
    expect(formatCalendarDate("yesterday")).toBe("yesterday");
    expect(formatCalendarDate("2026-13-01")).toBe("2026-13-01");
  });
});

describe("the time zones a person may choose", () => {
  it("are Intl's IANA zones and UTC, the default among them", () => {
    expect(timeZoneChoices()).toEqual(["UTC", ...Intl.supportedValuesOf("timeZone")]);
    expect(isTimeZone(DEFAULT_TIME_ZONE)).toBe(true);
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
  });

  it("exclude what is not an IANA zone, however Intl might read it", () => {
    for (const zone of ["", "EST", "+05:00", "Mars/Olympus_Mons", "america/new_york"]) {
      expect(isTimeZone(zone), zone).toBe(false);
    }
  });
});

describe("resolveTimeZone", () => {
  it("takes the reader's own zone, else the organisation's, else the default", () => {
    expect(resolveTimeZone("Europe/Paris", "America/Chicago")).toBe("Europe/Paris");
    expect(resolveTimeZone(null, "America/Chicago")).toBe("America/Chicago");
    expect(resolveTimeZone(null, null)).toBe(DEFAULT_TIME_ZONE);
  });

  it("passes over a stored zone this runtime does not know, rather than fail a page", () => {
    expect(resolveTimeZone("Mars/Olympus_Mons", "Europe/Paris")).toBe("Europe/Paris");
  });
});
