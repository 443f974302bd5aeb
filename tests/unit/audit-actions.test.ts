import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { toTimelineEntry } from "@/lib/audit/timeline";
import { TRANSITIONS } from "@/lib/domain/concern-workflow";

const at = new Date("2026-03-02T10:00:00Z");
const event = (action: string, details: Record<string, unknown> = {}) => ({
  id: 1,
  at,
  action,
  details,
});

describe("the audit-action catalogue", () => {
  it("declares every action the transition table records, as an event about a concern", () => {
    const recorded = Object.values(TRANSITIONS).flatMap((rule) =>
      "significant" in rule.outcome
        ? [rule.outcome.significant.audit, rule.outcome.notSignificant.audit]
        : [rule.outcome.audit],
    );
    for (const action of recorded) {
      expect(AUDIT_ACTIONS[action]?.entityType, action).toBe("concern");
    }
  });

  it("keeps account, department and settings events off every timeline", () => {
    for (const [action, declaration] of Object.entries(AUDIT_ACTIONS)) {
      if (declaration.entityType !== "concern") expect(declaration.timeline, action).toBe("nobody");
    }
  });
});

describe("a case's timeline, as each reader sees it", () => {
  it("shows the parties what happened between them, with the words written", () => {
    const entry = toTimelineEntry(
      event("remediation_reported", { action: "removed", note: "Taken down today." }),
      "reporter",
      "Dr Ben",
    );
    expect(entry).toMatchObject({
      label: "Action on the post reported",
      summary: "Removed the post",
      quotes: [{ label: "Note", text: "Taken down today." }],
    });
  });

  it("keeps the officers' own work from the parties: notes, questions, who holds the case", () => {
    for (const action of ["note_added", "information_requested", "case_claimed"]) {
      expect(toTimelineEntry(event(action), "subject", "x"), action).toBeNull();
      expect(toTimelineEntry(event(action), "officer", "x"), action).not.toBeNull();
    }
  });

  it("keeps openings of the file off every timeline: they are the access log's", () => {
    expect(toTimelineEntry(event("case_viewed"), "officer", "x")).toBeNull();
    expect(toTimelineEntry(event("case_viewed"), "reporter", "x")).toBeNull();
  });

  it("tells the parties a case was closed, but not the outcome or the reasons", () => {
    const closed = event("case_closed", {
      outcome: "coaching",
      rationale: "Discussed with the department chair.",
      externalAuthority: "",
    });
    const party = toTimelineEntry(closed, "reporter", "The compliance team");
    expect(party).toMatchObject({ label: "Case closed by the compliance team", quotes: [] });
    expect(JSON.stringify(party)).not.toMatch(/coaching|chair/i);
    expect(toTimelineEntry(closed, "officer", "Dr Oli")).toMatchObject({
      summary: "Outcome: Coaching conversation",
      quotes: [{ label: "Rationale", text: "Discussed with the department chair." }],
    });
  });

  it("shows an action it does not know to officers only", () => {
    expect(toTimelineEntry(event("something_new"), "reporter", "x")).toBeNull();
    expect(toTimelineEntry(event("something_new"), "officer", "x")?.label).toBe("something_new");
  });
});

describe("the layers", () => {
  it("lib/ never imports from components/", () => {
    const files = readdirSync("lib", { recursive: true, encoding: "utf8" }).filter((file) =>
      /\.tsx?$/.test(file),
    );
    const offending = files.filter((file) =>
      /from\s+["']@\/components\//.test(readFileSync(path.join("lib", file), "utf8")),
    );
    expect(offending).toEqual([]);
  });
});
