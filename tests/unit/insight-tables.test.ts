import { describe, expect, it } from "vitest";
import { insightTables, mergeSmallDepartments, monthInWords } from "@/lib/domain/insight-tables";

const department = (key: string, people: number, filed: number) => ({
  key,
  people,
  filed,
  escalated: 1,
  overdue: 0,
});

describe("insight tables", () => {
  it("counts departments of fewer than five people together", () => {
    const merged = mergeSmallDepartments([
      department("Cardiology", 12, 9),
      department("Dermatology", 3, 2),
      department("Radiology", 2, 4),
    ]);
    expect(merged.rows).toEqual([
      { label: "Cardiology", values: [9, 1, 0] },
      { label: "2 smaller departments together", values: [6, 2, 0] },
    ]);
    expect(merged.note).toMatch(/fewer than 5 people are counted together/);
  });

  it("shows no figure for small departments that are fewer than five people even together", () => {
    const merged = mergeSmallDepartments([
      department("Cardiology", 12, 9),
      department("Dermatology", 1, 2),
    ]);
    expect(merged.rows).toEqual([{ label: "Cardiology", values: [9, 1, 0] }]);
    expect(merged.note).toBe(
      "1 department with fewer than 5 people in all not shown, so that nobody can be recognised.",
    );
  });

  it("words months and draws no chart of people", () => {
    expect(monthInWords("2026-03")).toBe("March 2026");
    const tables = insightTables({
      byState: [],
      byDepartment: [],
      byCategory: [],
      byPlatform: [],
      byOutcome: [{ key: "coaching", value: 2 }],
      trend: [{ month: "2026-11", filed: 3, peerResolved: 1, escalated: 1, lapsed: 0 }],
      repeatColleagues: [{ name: "Dr B", department: "Cardiology", concerns: 3, reporters: 2 }],
    });
    const byId = new Map(tables.map((t) => [t.id, t]));
    expect(byId.get("by-outcome")?.rows).toEqual([{ label: "Coaching conversation", values: [2] }]);
    expect(byId.get("trend")?.rows).toEqual([{ label: "November 2026", values: [3, 1, 1, 0] }]);
    expect(byId.get("repeat-colleagues")).toMatchObject({
      chart: false,
      rows: [{ label: "Dr B (Cardiology)", values: [3, 2] }],
    });
  });
});
