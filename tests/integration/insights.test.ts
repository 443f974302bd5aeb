import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { concerns } from "@/db/schema";
import { PLATFORMS } from "@/lib/domain/concern-fields";
import { ALL_STATES } from "@/lib/domain/concern-workflow";
import { CONCERN_CATEGORIES } from "@/lib/domain/policy-text";
import { loadInsights, parseInsightsPeriod } from "@/lib/queries/insights";
import { DAY_MS, later } from "./support/concern-factories";
import { insertDepartment, insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const HOUR_MS = 3600 * 1000;
const NOW = new Date("2026-06-30T12:00:00.000Z");

/** Deterministic variety: a few hundred concerns spread over four months, many shapes. */
async function seed() {
  const departments = [await insertDepartment(database.db), await insertDepartment(database.db)];
  const subjects = await Promise.all(
    [departments[0]!.id, departments[1]!.id, null].map((departmentId) =>
      insertPerson(database.db, { roles: ["physician"], departmentId }),
    ),
  );
  const reporter = await insertPerson(database.db, { roles: ["physician"] });
  const values: (typeof concerns.$inferInsert)[] = [];
  for (let i = 0; i < 360; i++) {
    const subject = subjects[i % 3]!;
    const createdAt = later(
      new Date("2026-03-01T00:00:00.000Z"),
      i * 7 * HOUR_MS + (i % 13) * 60_000,
    );
    const state = ALL_STATES[i % ALL_STATES.length]!;
    const escalated = ["escalated", "in_review", "closed"].includes(state);
    const escalatedAt = escalated ? later(createdAt, 7 * DAY_MS) : null;
    const closed = ![
      "awaiting_response",
      "remediation_reported",
      "disputed",
      "escalated",
      "in_review",
    ].includes(state);
    const remediated = i % 4 === 1;
    values.push({
      reporterId: reporter.userId,
      subjectId: subject.userId,
      subjectDepartmentId: subject.departmentId,
      postUrl: `https://x.com/p/${i}`,
      postUrlNormalised: `https://x.com/p/${i}-${randomBytes(4).toString("hex")}`,
      platform: PLATFORMS[i % PLATFORMS.length]!,
      seenOn: "2026-03-01",
      description: "A post.",
      categories: i % 6 === 0 ? ["privacy", "other"] : [CONCERN_CATEGORIES[i % 4]!],
      severity: "significantly_violates_norms",
      state,
      createdAt,
      responseDueAt: later(createdAt, 7 * DAY_MS),
      escalatedAt,
      closedAt: closed ? later(createdAt, (10 + (i % 9)) * DAY_MS + i * 1000) : null,
      outcome: state === "closed" ? "coaching" : null,
      remediationAction: remediated ? "removed" : null,
      respondedAt: remediated ? later(createdAt, (i % 17) * HOUR_MS + 5 * 60_000) : null,
      assigneeId: null,
      triageDueAt: escalatedAt ? later(escalatedAt, (i % 5) * 20 * DAY_MS) : null,
      decisionDueAt: escalatedAt ? later(escalatedAt, 30 * DAY_MS) : null,
    });
  }
  await database.db.insert(concerns).values(values);
}

async function sqlRows<T>(text: string, params: unknown[]): Promise<T[]> {
  const result = await database.pool.query(text, params);
  return result.rows as T[];
}

describe("insights", () => {
  it("equal the counts and medians computed directly in SQL from the seeded data", async () => {
    await seed();
    const { period } = parseInsightsPeriod({ from: "2026-04-01", to: "2026-05-31" }, NOW);
    expect(period).toEqual({
      from: new Date("2026-04-01T00:00:00.000Z"),
      to: new Date("2026-06-01T00:00:00.000Z"),
    });
    const insights = await loadInsights(database.db, period, NOW);
    const p = [period.from, period.to];
    const inPeriod = "concerns.created_at >= $1 and concerns.created_at < $2";
    const overdue = "escalated_at is not null and closed_at is null and next_due_at <= $3";

    const [totals] = await sqlRows<{ filed: number; escalated: number; overdue: number }>(
      `select count(*)::int as filed,
              count(*) filter (where escalated_at is not null)::int as escalated,
              count(*) filter (where ${overdue})::int as overdue
       from concerns where ${inPeriod}`,
      [...p, NOW],
    );
    expect(totals!.filed).toBeGreaterThan(100);
    expect(totals!.overdue).toBeGreaterThan(0);
    expect(insights.filed).toBe(totals!.filed);
    expect(insights.escalated).toBe(totals!.escalated);
    expect(insights.escalationRate).toBeCloseTo(totals!.escalated / totals!.filed, 10);
    expect(insights.overdue).toBe(totals!.overdue);

    // Medians computed here from the raw durations, not by the database's percentile.
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = sorted.length / 2;
      return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const remediation = await sqlRows<{ s: number }>(
      `select extract(epoch from responded_at - created_at)::float8 as s from concerns
       where ${inPeriod} and remediation_action is not null`,
      p,
    );
    const decision = await sqlRows<{ s: number }>(
      `select extract(epoch from closed_at - escalated_at)::float8 as s from concerns
       where ${inPeriod} and outcome is not null`,
      p,
    );
    expect(remediation.length).toBeGreaterThan(10);
    expect(decision.length).toBeGreaterThan(5);
    expect(insights.medianRemediationSeconds).toBeCloseTo(median(remediation.map((r) => r.s)), 3);
    expect(insights.medianDecisionSeconds).toBeCloseTo(median(decision.map((r) => r.s)), 3);

    const byState = await sqlRows<{ key: string; value: number }>(
      `select state::text as key, count(*)::int as value from concerns where ${inPeriod} group by state`,
      p,
    );
    expect(sortByKey(insights.byState)).toEqual(sortByKey(byState));

    type Dim = { key: string; filed: number; escalated: number; overdue: number };
    const dimension = (keyExpr: string, from: string) =>
      sqlRows<Dim>(
        `select ${keyExpr} as key, count(*)::int as filed,
                count(*) filter (where escalated_at is not null)::int as escalated,
                count(*) filter (where ${overdue})::int as overdue
         from ${from} where ${inPeriod} group by 1`,
        [...p, NOW],
      );
    expect(sortByKey(insights.byPlatform)).toEqual(
      sortByKey(await dimension("platform::text", "concerns")),
    );
    expect(sortByKey(insights.byCategory)).toEqual(
      sortByKey(await dimension("c::text", "concerns, unnest(categories) as c")),
    );
    expect(sortByKey(insights.byDepartment)).toEqual(
      sortByKey(
        await dimension(
          "coalesce(d.name, 'No department')",
          "concerns left join departments d on d.id = concerns.subject_department_id",
        ),
      ),
    );
    expect(insights.byDepartment.map((d) => d.key)).toContain("No department");
  });

  it("reports nothing, not a division by zero, for a period without concerns", async () => {
    const { period } = parseInsightsPeriod({ from: "2020-01-01", to: "2020-01-31" }, NOW);
    const insights = await loadInsights(database.db, period, NOW);
    expect(insights).toMatchObject({
      filed: 0,
      escalated: 0,
      escalationRate: null,
      overdue: 0,
      medianRemediationSeconds: null,
      medianDecisionSeconds: null,
      byState: [],
    });
  });

  it("falls back to the last 90 days, with a message, for dates that do not parse or run backwards", () => {
    for (const params of [{ from: "yesterday" }, { from: "2026-05-02", to: "2026-05-01" }]) {
      const parsed = parseInsightsPeriod(params, NOW);
      expect(parsed.problem).toMatch(/Showing the last 90 days/);
      expect(parsed.period).toEqual({
        from: new Date("2026-04-02T00:00:00.000Z"),
        to: new Date("2026-07-01T00:00:00.000Z"),
      });
    }
    expect(parseInsightsPeriod({}, NOW).problem).toBeUndefined();
  });
});

function sortByKey<T extends { key: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.key.localeCompare(b.key));
}
