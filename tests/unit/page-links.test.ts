import { describe, expect, it } from "vitest";
import { pageSummary } from "@/components/ui/pager";
import { encodePosition, FIRST_PAGE, readPageRequest } from "@/lib/queries/keyset-page";

const CONCERNS = { one: "concern", many: "concerns" };
const POSITION = { micros: "1795000000123456", id: "5f0c8a52-64a1-4c2e-9d0f-2a6c1b7e9f10" };

describe("a page link's position", () => {
  it("reads back exactly what was written, microseconds and id, older or newer", () => {
    expect(readPageRequest({ older: encodePosition(POSITION) }, "uuid")).toEqual({
      request: { direction: "older", from: POSITION },
      malformed: false,
    });
    expect(
      readPageRequest({ thread_newer: encodePosition({ micros: "1", id: "42" }) }, "bigint", {
        older: "thread_older",
        newer: "thread_newer",
      }).request,
    ).toEqual({ direction: "newer", from: { micros: "1", id: "42" } });
  });

  it("is the first page, marked malformed, for anything else a URL may carry", () => {
    const wrong = [
      "",
      "%%%",
      encodePosition({ micros: "-1", id: POSITION.id }),
      encodePosition({ micros: "1".repeat(18), id: POSITION.id }),
      encodePosition({ micros: "1", id: "0" }),
      encodePosition({ micros: "1", id: "1 or 1=1" }),
      Buffer.from(JSON.stringify({ micros: "1", id: "2" })).toString("base64url"),
      "x".repeat(300),
    ];
    for (const older of wrong) {
      expect(readPageRequest({ older }, "uuid")).toEqual({ request: FIRST_PAGE, malformed: true });
    }
    expect(readPageRequest({}, "uuid")).toEqual({ request: FIRST_PAGE, malformed: false });
    // Each list reads only positions with its own kind of id.
    expect(readPageRequest({ older: encodePosition(POSITION) }, "bigint").malformed).toBe(true);
    const numbered = encodePosition({ micros: "1", id: "42" });
    expect(readPageRequest({ older: numbered }, "uuid").malformed).toBe(true);
  });
});

describe("the page summary", () => {
  it("says where the page is when the list is longer than a page, the count alone otherwise", () => {
    expect(pageSummary(26, 25, 200, CONCERNS)).toBe("Showing 26–50 of 200 concerns.");
    expect(pageSummary(1, 1, 1, CONCERNS)).toBe("1 concern.");
    expect(pageSummary(1, 12, 12, CONCERNS)).toBe("12 concerns.");
    expect(pageSummary(1, 25, 1200, CONCERNS)).toBe("Showing 1–25 of 1,200 concerns.");
    expect(pageSummary(1, 0, 0, CONCERNS)).toBe("");
  });
});
