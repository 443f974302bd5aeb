import { and, count, desc, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { concerns, departments, users } from "@/db/schema";
import type { CaseOutcome } from "@/lib/domain/concern-workflow";
import type { InsightsPeriod } from "./insights";
import { mayRetaliateSql } from "./retaliation";

/** Ended between the two colleagues, without the compliance team: the programme's aim. */
const PEER_RESOLVED = sql`${concerns.state} in ('resolved', 'dispute_accepted')`;

const inPeriod = (period: InsightsPeriod) =>
  and(gte(concerns.createdAt, period.from), lt(concerns.createdAt, period.to));

/**
 * What came of the concerns: decisions by outcome, the month by month trend, the
 * colleagues raised more than once, the possible retaliation marked, and whether peer
 * resolution lasts. Each figure about the concerns raised in the period, like the rest of
 * the insights, except the trend, which counts each step in the month it happened.
 */
export async function loadOutcomeInsights(db: Db, period: InsightsPeriod, now: Date) {
  const where = inPeriod(period);
  const [byOutcome, trend, repeatColleagues, [retaliation], durable] = await Promise.all([
    db
      .select({ key: concerns.outcome, n: count() })
      .from(concerns)
      .where(and(where, isNotNull(concerns.outcome)))
      .groupBy(concerns.outcome)
      .orderBy(desc(count()), concerns.outcome),
    monthlyTrend(db, period),
    db
      .select({
        name: users.name,
        department: sql<string>`coalesce(${departments.name}, 'No department')`,
        concerns: count(),
        reporters: sql<number>`count(distinct ${concerns.reporterId})::int`,
      })
      .from(concerns)
      .innerJoin(users, sql`${users.id} = ${concerns.subjectId}`)
      .leftJoin(departments, sql`${departments.id} = ${users.departmentId}`)
      .where(where)
      .groupBy(users.id, users.name, departments.name)
      .having(sql`count(*) > 1`)
      .orderBy(desc(count()), users.name)
      .limit(50),
    db
      .select({ n: count() })
      .from(concerns)
      .where(and(where, mayRetaliateSql(concerns))),
    durablePeerResolution(db, period, now),
  ]);
  return {
    byOutcome: byOutcome.map((r) => ({ key: r.key as CaseOutcome, value: r.n })),
    trend,
    repeatColleagues,
    retaliationMarks: retaliation?.n ?? 0,
    durable,
  };
}

/** Per calendar month (UTC) of the period: raised, ended between peers, escalated, lapsed. */
async function monthlyTrend(db: Db, period: InsightsPeriod) {
  const result = await db.execute<{
    month: string;
    filed: number;
    peer_resolved: number;
    escalated: number;
    lapsed: number;
  }>(sql`
    with months as (
      select generate_series(date_trunc('month', ${period.from}::timestamptz at time zone 'UTC'),
                             ${period.to}::timestamptz at time zone 'UTC' - interval '1 microsecond',
                             interval '1 month') as month
    ),
    steps as (
      select created_at as at, 'filed' as step from concerns
       where created_at >= ${period.from} and created_at < ${period.to}
      union all
      select closed_at, 'peer_resolved' from concerns
       where ${PEER_RESOLVED} and closed_at >= ${period.from} and closed_at < ${period.to}
      union all
      select escalated_at, 'escalated' from concerns
       where escalated_at >= ${period.from} and escalated_at < ${period.to}
      union all
      select closed_at, 'lapsed' from concerns
       where state = 'lapsed' and closed_at >= ${period.from} and closed_at < ${period.to}
    )
    select to_char(months.month, 'YYYY-MM') as month,
           (count(*) filter (where step = 'filed'))::int as filed,
           (count(*) filter (where step = 'peer_resolved'))::int as peer_resolved,
           (count(*) filter (where step = 'escalated'))::int as escalated,
           (count(*) filter (where step = 'lapsed'))::int as lapsed
      from months
      left join steps on date_trunc('month', steps.at at time zone 'UTC') = months.month
     group by months.month
     order by months.month`);
  return result.rows.map((row) => ({
    month: row.month,
    filed: row.filed,
    peerResolved: row.peer_resolved,
    escalated: row.escalated,
    lapsed: row.lapsed,
  }));
}

/**
 * The outcome measure of co-worker reporting programmes: of the colleagues whose concern
 * raised in the period ended between peers at least twelve months ago, the share with no
 * new concern about them in the twelve months after. Younger resolutions cannot be judged
 * yet and are left out, so the share is over `judged` colleagues.
 */
async function durablePeerResolution(db: Db, period: InsightsPeriod, now: Date) {
  const result = await db.execute<{ judged: number; no_new_concern: number }>(sql`
    with resolved as (
      select subject_id, min(closed_at) as resolved_at from concerns
       where ${PEER_RESOLVED}
         and created_at >= ${period.from} and created_at < ${period.to}
         and closed_at <= ${now}::timestamptz - interval '12 months'
       group by subject_id
    )
    select count(*)::int as judged,
           (count(*) filter (where not exists (
              select 1 from concerns later
               where later.subject_id = resolved.subject_id
                 and later.created_at > resolved.resolved_at
                 and later.created_at <= resolved.resolved_at + interval '12 months')))::int
             as no_new_concern
      from resolved`);
  const row = result.rows[0];
  return { judged: row?.judged ?? 0, noNewConcern: row?.no_new_concern ?? 0 };
}
