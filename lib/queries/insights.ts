import { and, count, desc, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { concerns, departments } from "@/db/schema";
import { DAY_MS } from "@/lib/domain/deadlines";

/**
 * The compliance team's numbers over a period of filings: every figure is about the
 * concerns raised in [from, to), so the figures of one period add up with each other.
 */
export const insightsPeriodSchema = z
  .object({
    from: z.iso.date("Enter a start date."),
    to: z.iso.date("Enter an end date."),
  })
  .refine((p) => p.from <= p.to, { message: "The start must not be after the end.", path: ["to"] });

export interface InsightsPeriod {
  from: Date;
  /** Exclusive: the day after the chosen end date. */
  to: Date;
}

/** The period from the URL, or the last 90 days, with a message when the URL was wrong. */
export function parseInsightsPeriod(
  params: Record<string, string | string[] | undefined>,
  now: Date,
): { period: InsightsPeriod; from: string; to: string; problem?: string } {
  const today = now.toISOString().slice(0, 10);
  const fallback = {
    from: new Date(now.getTime() - 89 * DAY_MS).toISOString().slice(0, 10),
    to: today,
  };
  const raw = { from: first(params.from), to: first(params.to) };
  const given = raw.from !== undefined || raw.to !== undefined;
  const parsed = insightsPeriodSchema.safeParse({ ...fallback, ...stripEmpty(raw) });
  const chosen = parsed.success ? parsed.data : fallback;
  return {
    period: {
      from: new Date(`${chosen.from}T00:00:00.000Z`),
      to: new Date(new Date(`${chosen.to}T00:00:00.000Z`).getTime() + DAY_MS),
    },
    ...chosen,
    problem:
      given && !parsed.success
        ? `${parsed.error.issues[0]?.message ?? "Those dates are not valid."} Showing the last 90 days.`
        : undefined,
  };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function stripEmpty(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>;
}

const inPeriod = (period: InsightsPeriod) =>
  and(gte(concerns.createdAt, period.from), lt(concerns.createdAt, period.to));

/** A case in the compliance queue whose current clock has run out. */
const overdueNow = (now: Date) =>
  sql`${concerns.escalatedAt} is not null and ${concerns.closedAt} is null and ${concerns.nextDueAt} <= ${now}`;

const dimensionColumns = (now: Date) => ({
  filed: count(),
  escalated: sql<number>`(count(*) filter (where ${concerns.escalatedAt} is not null))::int`,
  overdue: sql<number>`(count(*) filter (where ${overdueNow(now)}))::int`,
});

export async function loadInsights(db: Db, period: InsightsPeriod, now: Date) {
  const where = inPeriod(period);
  const [totals] = await db
    .select({
      filed: count(),
      escalated: sql<number>`(count(*) filter (where ${concerns.escalatedAt} is not null))::int`,
      overdue: sql<number>`(count(*) filter (where ${overdueNow(now)}))::int`,
      // From filing to the colleague's (latest) reported remediation.
      medianRemediationSeconds: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${concerns.respondedAt} - ${concerns.createdAt})) filter (where ${concerns.remediationAction} is not null)`,
      // From escalation to the officer's decision.
      medianDecisionSeconds: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${concerns.closedAt} - ${concerns.escalatedAt})) filter (where ${concerns.outcome} is not null)`,
    })
    .from(concerns)
    .where(where);

  const [byState, byDepartment, byPlatform, byCategory] = await Promise.all([
    db
      .select({ key: concerns.state, n: count() })
      .from(concerns)
      .where(where)
      .groupBy(concerns.state),
    db
      .select({
        key: sql<string>`coalesce(${departments.name}, 'No department')`,
        // How many people the department has now: a figure about fewer than five is
        // about someone who can be recognised, so the page merges such departments.
        people: sql<number>`(select count(*) from users u
          where u.department_id is not distinct from ${departments.id}
            and u.deactivated_at is null)::int`,
        ...dimensionColumns(now),
      })
      .from(concerns)
      .leftJoin(departments, sql`${departments.id} = ${concerns.subjectDepartmentId}`)
      .where(where)
      .groupBy(departments.id, departments.name)
      .orderBy(desc(count()), sql`1`),
    db
      .select({ key: concerns.platform, ...dimensionColumns(now) })
      .from(concerns)
      .where(where)
      .groupBy(concerns.platform)
      .orderBy(desc(count()), concerns.platform),
    // A concern touching two considerations counts under each.
    db
      .select({ key: sql<string>`category`, ...dimensionColumns(now) })
      .from(sql`${concerns} cross join lateral unnest(${concerns.categories}) as category`)
      .where(where)
      .groupBy(sql`category`)
      .orderBy(desc(count()), sql`category`),
  ]);

  const filed = totals?.filed ?? 0;
  const escalated = totals?.escalated ?? 0;
  return {
    filed,
    escalated,
    escalationRate: filed === 0 ? null : escalated / filed,
    overdue: totals?.overdue ?? 0,
    medianRemediationSeconds: numberOrNull(totals?.medianRemediationSeconds),
    medianDecisionSeconds: numberOrNull(totals?.medianDecisionSeconds),
    byState: byState.map((r) => ({ key: r.key as string, value: r.n })),
    byDepartment,
    byPlatform: byPlatform.map((r) => ({ ...r, key: r.key as string })),
    byCategory,
  };
}

export type Insights = Awaited<ReturnType<typeof loadInsights>>;

// percentile_cont returns double precision, which node-postgres hands over as a number.
function numberOrNull(value: number | string | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
