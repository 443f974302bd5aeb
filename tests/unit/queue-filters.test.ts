import { describe, expect, it } from "vitest";
import {
  caseNumberIn,
  DEFAULT_QUEUE_FILTERS,
  encodeQueueCursor,
  parseQueueFilters,
  queueSearchParams,
} from "../../lib/queries/queue-filters";

const ID = "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b";

describe("parseQueueFilters", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parseQueueFilters({})).toEqual({ filters: DEFAULT_QUEUE_FILTERS, problems: {} });
  });

  it("accepts every listed value", () => {
    const { filters, problems } = parseQueueFilters({
      state: "in_review",
      department: ID,
      category: "privacy",
      severity: "significantly_violates_norms",
      platform: "x",
      assignee: "unassigned",
      overdue: "1",
      sort: "due",
      q: "  Levi  ",
    });
    expect(problems).toEqual({});
    expect(filters).toEqual({
      state: "in_review",
      department: ID,
      category: "privacy",
      severity: "significantly_violates_norms",
      platform: "x",
      assignee: "unassigned",
      overdue: true,
      sort: "due",
      q: "Levi",
    });
  });

  it("drops every unlisted or malformed value, keeps the default and says why next to the field", () => {
    const { filters, problems } = parseQueueFilters({
      state: "closed; drop table concerns",
      department: "not-a-uuid",
      category: "PRIVACY",
      severity: "mild",
      platform: "myspace",
      assignee: "someone",
      overdue: "yes",
      sort: "random()",
      q: "x".repeat(101),
      after: "%%%",
    });
    expect(filters).toEqual(DEFAULT_QUEUE_FILTERS);
    expect(Object.keys(problems).sort()).toEqual(
      [
        "after",
        "assignee",
        "category",
        "department",
        "overdue",
        "platform",
        "q",
        "severity",
        "sort",
        "state",
      ].sort(),
    );
  });

  it("treats an empty value as 'any' and takes the first of repeated values", () => {
    const { filters, problems } = parseQueueFilters({ platform: "", sort: ["newest", "due"] });
    expect(problems).toEqual({});
    expect(filters).toEqual({ ...DEFAULT_QUEUE_FILTERS, sort: "newest" });
  });

  it("round-trips a page cursor and rejects a tampered one", () => {
    const at = new Date("2026-03-09T09:00:00.123Z");
    const { filters } = parseQueueFilters({ after: encodeQueueCursor(at, ID) });
    expect(filters.after).toEqual({ at, id: ID });

    const tampered = Buffer.from(JSON.stringify(["2026-03-09", "1 or 1=1"])).toString("base64url");
    expect(parseQueueFilters({ after: tampered }).problems.after).toBe(
      "That page link is not valid.",
    );
  });
});

describe("queueSearchParams", () => {
  it("keeps only what differs from the defaults, and never the page", () => {
    const { filters } = parseQueueFilters({
      sort: "oldest",
      platform: "x",
      overdue: "1",
      after: encodeQueueCursor(new Date(), ID),
    });
    expect(queueSearchParams(filters).toString()).toBe("platform=x&overdue=1");
  });
});

describe("caseNumberIn", () => {
  it.each([
    ["PC-000123", 123],
    ["pc-42", 42],
    ["pc42", 42],
    [" 7 ", 7],
  ])("reads %s as case number %i", (query, number) => {
    expect(caseNumberIn(query)).toBe(number);
  });

  it.each(["Levi", "PC-", "12a", "PC-1-2", ""])("reads %j as a name search", (query) => {
    expect(caseNumberIn(query)).toBeNull();
  });
});
