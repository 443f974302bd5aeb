import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { concerns } from "@/db/schema";
import { PLATFORMS } from "@/lib/domain/concern-fields";
import { ALL_STATES } from "@/lib/domain/concern-workflow";
import { CONCERN_CATEGORIES } from "@/lib/domain/policy-text";
import {
  INSIGHT_REPORT_FRESH_MS,
  INSIGHT_REPORT_SHOWN_WHILE_RECOUNTED_MS,
  latestInsightReport,
  latestRecordedChange,
} from "@/lib/queries/insight-report";
import { loadInsights, parseInsightsPeriod } from "@/lib/queries/insights";
import { loadOutcomeInsights } from "@/lib/queries/insights-outcomes";
import { recordCaseAccess } from "@/lib/services/concerns/record-case-access";
import {
  DAY_MS,
  fileAbout,
  insertOfficer,
  insertParties,
  later,
} from "./support/concern-factories";
import { insertDepartment, insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";
import { planOf } from "./support/query-plan";

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
    expect(sortByKey(insights.byDepartment.map(({ people: _, ...counts }) => counts))).toEqual(
      sortByKey(
        await dimension(
          "coalesce(d.name, 'No department')",
          "concerns left join departments d on d.id = concerns.subject_department_id",
        ),
      ),
    );
    expect(insights.byDepartment.map((d) => d.key)).toContain("No department");
  });

  it("counts outcomes, the monthly trend, repeat colleagues and lasting peer resolutions as the rows say", async () => {
    // The seed of the first test, read back whole and counted here by hand.
    const rows = await sqlRows<{
      subject_id: string;
      state: string;
      outcome: string | null;
      created_at: Date;
      escalated_at: Date | null;
      closed_at: Date | null;
    }>("select subject_id, state, outcome, created_at, escalated_at, closed_at from concerns", []);
    const { period } = parseInsightsPeriod({ from: "2026-04-01", to: "2026-05-31" }, NOW);
    const within = (at: Date | null) => at !== null && at >= period.from && at < period.to;
    const raised = rows.filter((r) => within(r.created_at));
    const peerResolved = (r: (typeof rows)[number]) =>
      r.state === "resolved" || r.state === "dispute_accepted";
    const later = new Date("2027-12-01T00:00:00.000Z");
    const outcomes = await loadOutcomeInsights(database.db, period, later);

    expect(outcomes.byOutcome).toEqual([
      { key: "coaching", value: raised.filter((r) => r.outcome === "coaching").length },
    ]);
    const month = (at: Date | null, name: string) => at?.toISOString().slice(0, 7) === name;
    expect(outcomes.trend.map((m) => m.month)).toEqual(["2026-04", "2026-05"]);
    for (const m of outcomes.trend) {
      expect(m).toEqual({
        month: m.month,
        filed: rows.filter((r) => within(r.created_at) && month(r.created_at, m.month)).length,
        peerResolved: rows.filter(
          (r) => peerResolved(r) && within(r.closed_at) && month(r.closed_at, m.month),
        ).length,
        escalated: rows.filter((r) => within(r.escalated_at) && month(r.escalated_at, m.month))
          .length,
        lapsed: rows.filter(
          (r) => r.state === "lapsed" && within(r.closed_at) && month(r.closed_at, m.month),
        ).length,
      });
    }
    expect(outcomes.repeatColleagues.map((c) => c.concerns).sort()).toEqual(
      [...new Set(raised.map((r) => r.subject_id))]
        .map((id) => raised.filter((r) => r.subject_id === id).length)
        .sort(),
    );
    // Every colleague resolved in the period was raised again within the year.
    const resolvedSubjects = new Set(raised.filter(peerResolved).map((r) => r.subject_id));
    expect(resolvedSubjects.size).toBeGreaterThan(0);
    expect(outcomes.durable).toEqual({ judged: resolvedSubjects.size, noNewConcern: 0 });
    expect(outcomes.retaliationMarks).toBe(0);
    // A year is not yet over at NOW: nothing can be judged.
    expect((await loadOutcomeInsights(database.db, period, NOW)).durable.judged).toBe(0);
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

describe("the insights page's report", () => {
  // Periods of their own: the report is kept per period for the whole file.
  it("is shared while nothing changed, and counted again at once after a filing", async () => {
    const { period } = parseInsightsPeriod({ from: "2025-02-01", to: "2025-02-28" }, NOW);
    const first = await fileWithinPeriod(new Date("2025-02-10T09:00:00.000Z"));
    const counted = await latestInsightReport(database.db, period, NOW);
    expect(counted.insights.filed).toBe(1);
    expect(counted.countedAt).toEqual(NOW);

    const moment = await latestInsightReport(database.db, period, later(NOW, 10_000));
    expect(moment.countedAt).toEqual(NOW);
    // An officer opening the case file changes nothing the report counts.
    const officer = await insertOfficer(database.db);
    await recordCaseAccess(database.db, officer, first);
    expect((await latestInsightReport(database.db, period, later(NOW, 20_000))).countedAt).toEqual(
      NOW,
    );

    await fileWithinPeriod(new Date("2025-02-11T09:00:00.000Z"));
    const afterFiling = await latestInsightReport(database.db, period, later(NOW, 30_000));
    expect(afterFiling.insights.filed).toBe(2);
    expect(afterFiling.countedAt).toEqual(later(NOW, 30_000));
  });

  it("finds the latest recorded change through an index of its own, however many case-file openings came after it", async () => {
    const filed = await fileWithinPeriod(new Date("2024-11-10T09:00:00.000Z"));
    // Openings are most of the newest events once officers read files all day.
    await database.pool.query(
      `insert into audit_events (action, entity_type, entity_id, details)
       select 'case_file_opened', 'case_access', $1, '{}' from generate_series(1, 5000)`,
      [filed],
    );
    await database.pool.query("analyze audit_events");
    const plan = await planOf(database.pool, latestRecordedChange(database.db).toSQL());
    // Not the primary key walked backwards past every opening, filtering each.
    expect(plan).toContain("audit_events_recorded_change_idx");
    const [latest] = await latestRecordedChange(database.db);
    const [{ entity_type }] = (
      await database.pool.query("select entity_type from audit_events where id = $1", [latest!.id])
    ).rows;
    expect(entity_type).not.toBe("case_access");
  });

  it("is counted again after a minute even when nothing was recorded, since overdue moves with the clock, showing the last count meanwhile", async () => {
    const { period } = parseInsightsPeriod({ from: "2025-03-01", to: "2025-03-31" }, NOW);
    await fileWithinPeriod(new Date("2025-03-10T09:00:00.000Z"));
    const counted = await latestInsightReport(database.db, period, NOW);
    const withinMinute = later(NOW, INSIGHT_REPORT_FRESH_MS - 1);
    expect((await latestInsightReport(database.db, period, withinMinute)).countedAt).toEqual(
      counted.countedAt,
    );
    // Past the minute the reader is not kept waiting: the last count, which says when it
    // was counted, while a new one runs; the next reader gets the new one.
    const afterMinute = later(NOW, INSIGHT_REPORT_FRESH_MS);
    expect((await latestInsightReport(database.db, period, afterMinute)).countedAt).toEqual(
      counted.countedAt,
    );
    await vi.waitFor(async () =>
      expect(
        (await latestInsightReport(database.db, period, later(afterMinute, 1))).countedAt,
      ).toEqual(afterMinute),
    );
  });

  it("makes the reader wait for a new count once the last is too old to show", async () => {
    const { period } = parseInsightsPeriod({ from: "2025-05-01", to: "2025-05-31" }, NOW);
    await fileWithinPeriod(new Date("2025-05-10T09:00:00.000Z"));
    await latestInsightReport(database.db, period, NOW);
    const muchLater = later(NOW, INSIGHT_REPORT_SHOWN_WHILE_RECOUNTED_MS);
    expect((await latestInsightReport(database.db, period, muchLater)).countedAt).toEqual(
      muchLater,
    );
  });

  it("gives several officers opening it at once one count", async () => {
    const { period } = parseInsightsPeriod({ from: "2025-04-01", to: "2025-04-30" }, NOW);
    await fileWithinPeriod(new Date("2025-04-10T09:00:00.000Z"));
    const reports = await Promise.all(
      Array.from({ length: 5 }, () => latestInsightReport(database.db, period, NOW)),
    );
    expect(new Set(reports).size).toBe(1);
    expect(reports[0]!.insights.filed).toBe(1);
  });
});

/** Files through the real service, as a physician would, at the given time. */
async function fileWithinPeriod(at: Date): Promise<string> {
  const { reporter, subject } = await insertParties(database.db);
  return fileAbout(database.db, reporter, subject, at, { seenOn: at.toISOString().slice(0, 10) });
}

function sortByKey<T extends { key: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.key.localeCompare(b.key));
}
