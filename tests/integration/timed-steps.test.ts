import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "@/db/client";
import { auditEvents, userRoles, users } from "@/db/schema";
import { Refusal } from "@/lib/errors/refusal";
import {
  advanceDueConcern,
  advanceDueConcerns,
} from "@/lib/services/concerns/advance-due-concerns";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import {
  auditFor,
  concernRow,
  DAY_MS,
  dueJobFor,
  fileAbout,
  insertOfficer,
  insertParties,
  later,
  notificationsFor,
  SEVEN_DAYS_MS,
  setOrganisationSettings,
  traceOf,
} from "./support/concern-factories";
import { withFreshDatabase } from "./support/fresh-database";
import { insertOverdueConcerns } from "./support/overdue-concerns";

const database = withFreshDatabase();

// Concerns filed through the service are filed at NOW and fall due at DUE. The bulk tests
// insert concerns that fell due weeks earlier, so a sweep at their time moves only them.
const NOW = new Date("2026-03-10T09:00:00.000Z");
const DUE = later(NOW, SEVEN_DAYS_MS);
const REMOVED = { action: "removed", note: "Deleted the post." };
const DISPUTE = { explanation: "The patient asked me to share the story." };

beforeAll(async () => {
  // Many filings by the same few people; the daily limit is not under test here.
  await setOrganisationSettings(database.db, { dailyFilingLimit: 100_000 });
});

async function fileFresh(significant: boolean) {
  const people = await insertParties(database.db);
  const id = await fileAbout(database.db, people.reporter, people.subject, NOW, {
    severity: significant ? "significantly_violates_norms" : "appears_unprofessional",
  });
  return { ...people, id };
}

async function activeOfficerIds() {
  const rows = await database.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(
      userRoles,
      and(eq(userRoles.userId, users.id), eq(userRoles.role, "compliance_officer")),
    )
    .where(isNull(users.deactivatedAt));
  return rows.map((r) => r.id);
}

describe("the colleague's response deadline", () => {
  it("escalates a significant concern nobody answered, as the system, at the deadline instant and not a millisecond before", async () => {
    await insertOfficer(database.db);
    const { reporter, subject, id } = await fileFresh(true);

    const before = await traceOf(database.db, id);
    expect(await advanceDueConcern(database.db, id, later(DUE, -1))).toBe(false);
    expect(await advanceDueConcerns(database.db, later(DUE, -1))).toBe(0);
    expect(await traceOf(database.db, id)).toEqual(before);

    expect(await advanceDueConcern(database.db, id, DUE)).toBe(true);
    const row = await concernRow(database.db, id);
    expect(row.state).toBe("escalated");
    expect(row.escalatedAt?.toISOString()).toBe(DUE.toISOString());

    const audit = await auditFor(database.db, id);
    expect(audit.map((e) => e.action)).toEqual(["concern_filed", "escalated_by_deadline"]);
    expect(audit[1]).toMatchObject({
      actorId: null,
      details: { from: "awaiting_response", to: "escalated" },
    });

    const told = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "escalated_by_deadline",
    );
    expect(told.filter((n) => n.recipientRelation !== "officer")).toMatchObject([
      { recipientId: subject.userId, recipientRelation: "subject" },
      { recipientId: reporter.userId, recipientRelation: "reporter" },
    ]);
    expect(
      new Set(told.filter((n) => n.recipientRelation === "officer").map((n) => n.recipientId)),
    ).toEqual(new Set(await activeOfficerIds()));
    expect(await dueJobFor(database.db, id)).toEqual([]);
  });

  it("closes an unanswered concern that is not significant as lapsed, telling both parties and not compliance", async () => {
    await insertOfficer(database.db);
    const { reporter, subject, id } = await fileFresh(false);
    expect(await advanceDueConcern(database.db, id, later(DUE, 1))).toBe(true);

    const row = await concernRow(database.db, id);
    expect(row).toMatchObject({ state: "lapsed", escalatedAt: null });
    expect(row.closedAt?.toISOString()).toBe(later(DUE, 1).toISOString());
    expect((await auditFor(database.db, id)).at(-1)).toMatchObject({
      action: "lapsed",
      actorId: null,
    });
    const told = (await notificationsFor(database.db, id)).filter((n) => n.kind === "lapsed");
    expect(told.map((n) => n.recipientId).sort()).toEqual([subject.userId, reporter.userId].sort());
    expect(await dueJobFor(database.db, id)).toEqual([]);
  });

  it("leaves a concern the colleague answered in time alone when the old deadline passes", async () => {
    const { subject, id } = await fileFresh(true);
    await reportRemediation(database.db, subject, id, REMOVED, later(NOW, DAY_MS));
    const before = await traceOf(database.db, id);
    expect(await advanceDueConcern(database.db, id, DUE)).toBe(false);
    expect(await traceOf(database.db, id)).toEqual(before);
  });

  it("gives a fresh deadline after a rejected remediation on a non-significant concern: the old deadline moves nothing, the new one lapses it", async () => {
    const { reporter, subject, id } = await fileFresh(false);
    await reportRemediation(database.db, subject, id, REMOVED, later(NOW, DAY_MS));
    const rejectedAt = later(NOW, 2 * DAY_MS);
    await answerResponse(
      database.db,
      reporter,
      id,
      "reject_remediation",
      { reason: "Still there." },
      rejectedAt,
    );
    const freshDue = later(rejectedAt, SEVEN_DAYS_MS);
    const [job] = await dueJobFor(database.db, id);
    expect(new Date(job!.run_at).toISOString()).toBe(freshDue.toISOString());

    const before = await traceOf(database.db, id);
    expect(await advanceDueConcern(database.db, id, DUE)).toBe(false);
    expect(await traceOf(database.db, id)).toEqual(before);
    expect(await advanceDueConcern(database.db, id, freshDue)).toBe(true);
    expect((await concernRow(database.db, id)).state).toBe("lapsed");
  });
});

describe("the reporter's window", () => {
  it("takes an unanswered remediation as confirmed once the confirmation window has passed", async () => {
    const { reporter, subject, id } = await fileFresh(true);
    const reportedAt = later(NOW, DAY_MS);
    await reportRemediation(database.db, subject, id, REMOVED, reportedAt);
    const confirmationDue = later(reportedAt, SEVEN_DAYS_MS);

    const before = await traceOf(database.db, id);
    expect(await advanceDueConcern(database.db, id, later(confirmationDue, -1))).toBe(false);
    expect(await traceOf(database.db, id)).toEqual(before);

    expect(await advanceDueConcern(database.db, id, confirmationDue)).toBe(true);
    const row = await concernRow(database.db, id);
    expect(row).toMatchObject({ state: "resolved", confirmationDueAt: null });
    expect((await auditFor(database.db, id)).at(-1)).toMatchObject({
      action: "auto_confirmed",
      actorId: null,
      details: { from: "remediation_reported", to: "resolved" },
    });
    const told = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "auto_confirmed",
    );
    expect(told.map((n) => n.recipientId).sort()).toEqual([subject.userId, reporter.userId].sort());
    expect(await dueJobFor(database.db, id)).toEqual([]);
  });

  it("accepts an unanswered dispute once the window has passed", async () => {
    const { reporter, subject, id } = await fileFresh(true);
    const disputedAt = later(NOW, DAY_MS);
    await disputeConcern(database.db, subject, id, DISPUTE, disputedAt);
    const windowEnd = later(disputedAt, SEVEN_DAYS_MS);
    const [job] = await dueJobFor(database.db, id);
    expect(new Date(job!.run_at).toISOString()).toBe(windowEnd.toISOString());

    expect(await advanceDueConcern(database.db, id, later(windowEnd, -1))).toBe(false);
    expect(await advanceDueConcern(database.db, id, windowEnd)).toBe(true);
    expect((await concernRow(database.db, id)).state).toBe("dispute_accepted");
    expect((await auditFor(database.db, id)).at(-1)).toMatchObject({
      action: "dispute_auto_accepted",
      actorId: null,
    });
    const told = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "dispute_auto_accepted",
    );
    expect(told.map((n) => n.recipientId).sort()).toEqual([subject.userId, reporter.userId].sort());
  });
});

describe("the per-concern deadline job", () => {
  it("returns false and writes nothing for a case that is not due, already moved, closed by its parties, or unknown", async () => {
    const notDue = await fileFresh(true);
    const before = await traceOf(database.db, notDue.id);
    expect(await advanceDueConcern(database.db, notDue.id, NOW)).toBe(false);
    expect(await traceOf(database.db, notDue.id)).toEqual(before);

    const moved = await fileFresh(true);
    expect(await advanceDueConcern(database.db, moved.id, DUE)).toBe(true);
    const afterFirst = await traceOf(database.db, moved.id);
    expect(await advanceDueConcern(database.db, moved.id, later(DUE, DAY_MS))).toBe(false);
    expect(await traceOf(database.db, moved.id)).toEqual(afterFirst);

    const withdrawn = await fileFresh(true);
    await answerResponse(
      database.db,
      withdrawn.reporter,
      withdrawn.id,
      "withdraw",
      {},
      later(NOW, 1000),
    );
    const afterWithdrawal = await traceOf(database.db, withdrawn.id);
    expect(await advanceDueConcern(database.db, withdrawn.id, later(DUE, DAY_MS))).toBe(false);
    expect(await traceOf(database.db, withdrawn.id)).toEqual(afterWithdrawal);

    expect(await advanceDueConcern(database.db, "00000000-0000-4000-8000-000000000000", DUE)).toBe(
      false,
    );
  });
});

// These prove each case moves exactly once, not how fast (that is the bench's): the
// timeout only stops a hang, and allows for a machine busy with other work.
const HANG_GUARD_MS = 180_000;

describe("several workers at once", () => {
  it(
    "moves each of 1,000 due concerns exactly once when two sweeps run side by side",
    async () => {
      await insertOfficer(database.db);
      const dueAt = new Date("2026-01-01T00:00:00.000Z");
      const inserted = await insertOverdueConcerns(database, 1000, dueAt, "sweep");
      const ids = inserted.map((r) => r.id);
      const workerA = connectDatabase(database.url);
      const workerB = connectDatabase(database.url);
      const sweepAt = later(dueAt, DAY_MS);
      let moved: number[];
      try {
        moved = await Promise.all([
          advanceDueConcerns(workerA.db, sweepAt),
          advanceDueConcerns(workerB.db, sweepAt),
        ]);
      } finally {
        await Promise.all([workerA.pool.end(), workerB.pool.end()]);
      }
      console.info(`sweep split between the two workers: ${moved[0]} + ${moved[1]}`);
      expect(moved[0]! + moved[1]!).toBe(1000);

      const transitions = await database.db
        .select({ entityId: auditEvents.entityId, action: auditEvents.action })
        .from(auditEvents)
        .where(inArray(auditEvents.entityId, ids));
      expect(transitions).toHaveLength(1000);
      expect(new Set(transitions.map((t) => t.entityId)).size).toBe(1000);
      const duplicated = await database.pool.query(
        `select entity_id from audit_events where entity_id = any($1::text[])
       group by entity_id having count(*) > 1`,
        [ids],
      );
      expect(duplicated.rows).toEqual([]);

      const byAction = new Map<string, number>();
      for (const t of transitions) byAction.set(t.action, (byAction.get(t.action) ?? 0) + 1);
      expect(Object.fromEntries(byAction)).toEqual({
        escalated_by_deadline: 250,
        lapsed: 250,
        auto_confirmed: 250,
        dispute_auto_accepted: 250,
      });
      const states = await database.pool.query<{ state: string; n: number }>(
        `select state, count(*)::int as n from concerns where id = any($1::uuid[]) group by state`,
        [ids],
      );
      expect(Object.fromEntries(states.rows.map((r) => [r.state, r.n]))).toEqual({
        escalated: 250,
        lapsed: 250,
        resolved: 250,
        dispute_accepted: 250,
      });
      // Each party heard about each change once.
      const partyNotices = await database.pool.query<{ n: number }>(
        `select count(*)::int as n from (
         select concern_id, recipient_relation from notifications
         where concern_id = any($1::uuid[]) and recipient_relation in ('reporter', 'subject')
         group by concern_id, recipient_relation having count(*) = 1) once`,
        [ids],
      );
      expect(partyNotices.rows[0]!.n).toBe(2000);
    },
    HANG_GUARD_MS,
  );

  it(
    "moves each due concern once when two workers run the same per-concern jobs together",
    async () => {
      const dueAt = new Date("2026-01-05T00:00:00.000Z");
      const inserted = await insertOverdueConcerns(database, 200, dueAt, "jobs");
      const workerA = connectDatabase(database.url);
      const workerB = connectDatabase(database.url);
      const runAt = later(dueAt, 1);
      const results: boolean[] = [];
      try {
        // Both workers on each concern at the same instant, a pool's worth at a time: all
        // 400 at once would only measure how long a loaded machine queues for a connection.
        for (let start = 0; start < inserted.length; start += 10) {
          results.push(
            ...(await Promise.all(
              inserted
                .slice(start, start + 10)
                .flatMap(({ id }) => [
                  advanceDueConcern(workerA.db, id, runAt),
                  advanceDueConcern(workerB.db, id, runAt),
                ]),
            )),
          );
        }
      } finally {
        await Promise.all([workerA.pool.end(), workerB.pool.end()]);
      }
      expect(results.filter(Boolean)).toHaveLength(200);
      const counts = await database.pool.query<{ entity_id: string; n: number }>(
        `select entity_id, count(*)::int as n from audit_events
       where entity_id = any($1::text[]) group by entity_id`,
        [inserted.map((r) => r.id)],
      );
      expect(counts.rows).toHaveLength(200);
      expect(counts.rows.every((r) => r.n === 1)).toBe(true);
    },
    HANG_GUARD_MS,
  );

  it("settles a remediation racing the deadline escalation in one legal state, with one audit event and a clear answer for the loser", async () => {
    await insertOfficer(database.db);
    const { reporter, subject } = await insertParties(database.db);
    const workerA = connectDatabase(database.url);
    const workerB = connectDatabase(database.url);
    const outcomes: string[] = [];
    try {
      for (let round = 0; round < 20; round++) {
        const id = await fileAbout(database.db, reporter, subject, NOW);
        const at = later(DUE, 1);
        const remediate = () => reportRemediation(workerA.db, subject, id, REMOVED, at);
        const advance = () => advanceDueConcern(workerB.db, id, at);
        const [remediation, deadline] =
          round % 2 === 0
            ? await Promise.allSettled([remediate(), advance()])
            : await Promise.allSettled([advance(), remediate()]).then(
                ([deadlineFirst, remediationSecond]) => [remediationSecond, deadlineFirst] as const,
              );

        const row = await concernRow(database.db, id);
        const changes = (await auditFor(database.db, id)).slice(1);
        outcomes.push(row.state);
        expect(["remediation_reported", "escalated"]).toContain(row.state);
        expect(deadline.status).toBe("fulfilled");
        if (row.state === "escalated") {
          expect(changes.map((e) => e.action)).toEqual(["escalated_by_deadline"]);
          expect((deadline as PromiseFulfilledResult<boolean>).value).toBe(true);
          expect(remediation.status).toBe("rejected");
          const reason = (remediation as PromiseRejectedResult).reason;
          expect(reason).toBeInstanceOf(Refusal);
          expect(reason).toMatchObject({ code: "conflict" });
          expect((reason as Refusal).message).toMatch(/moved on|changed by someone else/);
          expect(row.remediationAction).toBeNull();
          expect(await dueJobFor(database.db, id)).toEqual([]);
        } else {
          expect(changes.map((e) => e.action)).toEqual(["remediation_reported"]);
          expect((deadline as PromiseFulfilledResult<boolean>).value).toBe(false);
          expect(remediation.status).toBe("fulfilled");
          expect(row.escalatedAt).toBeNull();
          const [job] = await dueJobFor(database.db, id);
          expect(new Date(job!.run_at).toISOString()).toBe(row.confirmationDueAt!.toISOString());
        }
        // The notifications match the one change that happened, no more.
        const kinds = (await notificationsFor(database.db, id)).map((n) => n.kind).slice(1);
        expect(new Set(kinds)).toEqual(new Set([changes[0]!.action]));
      }
    } finally {
      await Promise.all([workerA.pool.end(), workerB.pool.end()]);
    }
    console.info(
      `race outcomes: ${outcomes.filter((s) => s === "escalated").length} escalated, ${
        outcomes.filter((s) => s === "remediation_reported").length
      } remediation reported`,
    );
    // Anything still waiting carries its next deadline as a job, so nothing is stranded.
    const stranded = await database.db.execute(
      sql`select c.id from concerns c
          where c.reporter_id = ${reporter.userId} and c.state = 'remediation_reported'
            and not exists (select 1 from graphile_worker.jobs j where j.key = 'concern-due:' || c.id)`,
    );
    expect(stranded.rows).toEqual([]);
  });
});
