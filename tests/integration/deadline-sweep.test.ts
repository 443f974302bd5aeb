import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type DatabaseHandle } from "@/db/client";
import { concerns } from "@/db/schema";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import type { Actor } from "@/lib/authz/permissions";
import type { ConcernEvent } from "@/lib/domain/concern-workflow";
import {
  advanceDueConcerns,
  advanceLockedConcerns,
} from "@/lib/services/concerns/advance-due-concerns";
import { applyConcernEvent } from "@/lib/services/concerns/apply-concern-event";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import {
  auditFor,
  concernRow,
  DAY_MS,
  dueJobFor,
  fileAbout,
  later,
  notificationsFor,
  setOrganisationSettings,
} from "./support/concern-factories";
import { insertDepartment, insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();

// Filed at NOW: the colleague's deadline is a week later, the reporter's window a week after
// the colleague's answer on the next day. By SWEEP_AT every wait of these cases is over.
const NOW = new Date("2026-03-10T09:00:00.000Z");
const ANSWERED_AT = later(NOW, DAY_MS);
const SWEEP_AT = later(NOW, 9 * DAY_MS);

// The database owner's connection, to read the job queue's private table.
let owner: DatabaseHandle;
afterAll(() => owner?.pool.end());

let people: {
  reporter: Actor;
  joiner: Actor;
  subject: Actor;
  officerOfDepartment: Actor;
  officerElsewhere: Actor;
};

beforeAll(async () => {
  owner = connectDatabase(database.url);
  await setOrganisationSettings(database.db, { dailyFilingLimit: 100_000 });
  const department = await insertDepartment(database.db);
  const elsewhere = await insertDepartment(database.db);
  const physician = () => insertPerson(database.db, { roles: ["physician"] });
  people = {
    reporter: await physician(),
    joiner: await physician(),
    subject: await insertPerson(database.db, {
      roles: ["physician"],
      departmentId: department.id,
    }),
    officerOfDepartment: await insertPerson(database.db, {
      roles: ["compliance_officer"],
      departmentId: department.id,
    }),
    officerElsewhere: await insertPerson(database.db, {
      roles: ["compliance_officer"],
      departmentId: elsewhere.id,
    }),
  };
});

type TimedKind = "escalated" | "lapsed" | "auto_confirmed" | "dispute_accepted";

const TIMED_EVENT: Record<TimedKind, ConcernEvent["type"]> = {
  escalated: "response_deadline_passed",
  lapsed: "response_deadline_passed",
  auto_confirmed: "confirmation_window_passed",
  dispute_accepted: "dispute_window_passed",
};

const AUDIT_ACTION: Record<TimedKind, string> = {
  escalated: "escalated_by_deadline",
  lapsed: "lapsed",
  auto_confirmed: "auto_confirmed",
  dispute_accepted: "dispute_auto_accepted",
};

const FROM_STATE: Record<TimedKind, string> = {
  escalated: "awaiting_response",
  lapsed: "awaiting_response",
  auto_confirmed: "remediation_reported",
  dispute_accepted: "disputed",
};

/**
 * A case waiting for its timed event, raised by two colleagues (the second joined it), so
 * that "the reporter" is two people and neither may be told as an officer.
 */
async function waitingCase(kind: TimedKind): Promise<string> {
  const { reporter, joiner, subject } = people;
  const severity = kind === "lapsed" ? "appears_unprofessional" : "significantly_violates_norms";
  const postUrl = `https://x.com/someone/status/${kind}-${Math.random().toString(36).slice(2)}`;
  const id = await fileAbout(database.db, reporter, subject, NOW, { severity, postUrl });
  expect(await fileAbout(database.db, joiner, subject, NOW, { severity, postUrl })).toBe(id);
  const answer = { action: "removed" as const, note: "Deleted the post." };
  if (kind === "auto_confirmed") {
    await reportRemediation(database.db, subject, id, answer, ANSWERED_AT);
  }
  if (kind === "dispute_accepted") {
    await disputeConcern(
      database.db,
      subject,
      id,
      { explanation: "Nothing identifies anyone." },
      ANSWERED_AT,
    );
  }
  return id;
}

/**
 * What anyone could observe of a case after its change, with its id, number and post taken
 * out so that two cases moved the same way compare equal: the row, the audit trail, the
 * notifications with their email deliveries and send jobs, the case's keyed jobs.
 */
async function observed(id: string) {
  const {
    id: _id,
    postUrl: _url,
    postUrlNormalised: _normalised,
    number: _number,
    ...row
  } = await concernRow(database.db, id);
  const audit = (await auditFor(database.db, id)).map((e) => ({
    action: e.action,
    actorId: e.actorId,
    details: e.details,
  }));
  const notifications = (await notificationsFor(database.db, id))
    .map((n) => ({
      recipientId: n.recipientId,
      recipientRelation: n.recipientRelation,
      kind: n.kind,
      createdAt: n.createdAt,
    }))
    .sort((a, b) =>
      `${a.kind}${a.recipientId}${a.recipientRelation}`.localeCompare(
        `${b.kind}${b.recipientId}${b.recipientRelation}`,
      ),
    );
  // The queue's payloads are only in its private table, which the app's role cannot read.
  const emails = await owner.pool.query<{
    recipient_id: string;
    kind: string;
    status: string;
    send_jobs: string[];
  }>(
    `select d.recipient_id, d.kind, d.status::text,
            array(select t.identifier || ' ' || j.payload::text || ' ' || j.max_attempts
                  from graphile_worker._private_jobs j
                  join graphile_worker._private_tasks t on t.id = j.task_id
                  where j.key = 'email-delivery:' || d.id) as send_jobs
     from email_deliveries d join notifications n on n.id = d.notification_id
     where n.concern_id = $1
     order by d.kind, d.recipient_id`,
    [id],
  );
  const jobs = await owner.pool.query<{
    key: string;
    task: string;
    payload: string;
    run_at: Date;
    max_attempts: number;
  }>(
    `select replace(j.key, $1, 'CASE') as key, t.identifier as task,
            replace(j.payload::text, $1, 'CASE') as payload, j.run_at, j.max_attempts
     from graphile_worker._private_jobs j
     join graphile_worker._private_tasks t on t.id = j.task_id
     where j.key like '%' || $1 order by 1`,
    [id],
  );
  // Each delivery's send job carries its own id, different for every delivery.
  const sendJobs = emails.rows.map((email) =>
    email.send_jobs.map((job) => job.replace(/"deliveryId"\s*:\s*\d+/, '"deliveryId":N')),
  );
  expect(emails.rows.every((email) => email.send_jobs.length === 1)).toBe(true);
  return {
    row,
    audit,
    notifications,
    emails: emails.rows.map((email, i) => ({ ...email, send_jobs: sendJobs[i] })),
    jobs: jobs.rows,
  };
}

describe("the deadline sweep's set-based batch", () => {
  it("writes for every kind of timed event exactly what the one-case path writes", async () => {
    const kinds: TimedKind[] = ["escalated", "lapsed", "auto_confirmed", "dispute_accepted"];
    const twins = [];
    for (const kind of kinds) {
      twins.push({ kind, oneByOne: await waitingCase(kind), swept: await waitingCase(kind) });
    }
    for (const { kind, oneByOne } of twins) {
      await applyConcernEvent(database.db, {
        concernId: oneByOne,
        by: "system",
        event: { type: TIMED_EVENT[kind] } as ConcernEvent,
        now: SWEEP_AT,
      });
    }
    // One batch holding all four kinds at once.
    expect(await advanceDueConcerns(database.db, SWEEP_AT)).toBe(4);

    for (const { kind, oneByOne, swept } of twins) {
      const [expected, actual] = [await observed(oneByOne), await observed(swept)];
      expect(actual, kind).toEqual(expected);
      // Not two empty records: the change happened, and was told.
      expect(actual.audit.at(-1)).toEqual({
        action: AUDIT_ACTION[kind],
        actorId: null,
        details: { from: FROM_STATE[kind], to: actual.row.state },
      });
      const told = actual.notifications.filter((n) => n.kind === actual.audit.at(-1)?.action);
      const { reporter, joiner, subject, officerOfDepartment } = people;
      expect(new Set(told.map((n) => `${n.recipientRelation}:${n.recipientId}`))).toEqual(
        new Set([
          `reporter:${reporter.userId}`,
          `reporter:${joiner.userId}`,
          `subject:${subject.userId}`,
          // Escalated: the officers of the colleague's department, not every officer.
          ...(kind === "escalated" ? [`officer:${officerOfDepartment.userId}`] : []),
        ]),
      );
    }
    const escalated = await observed(twins[0]!.swept);
    expect(escalated.jobs.map((j) => j.key)).toEqual([
      "officer-reminder:decision:CASE",
      "officer-reminder:triage:CASE",
    ]);
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);
  });

  it("leaves alone a case that changed between being read and being written, and moves the rest", async () => {
    const [changed, untouched] = [await waitingCase("lapsed"), await waitingCase("lapsed")];
    const read = await database.db
      .select()
      .from(concerns)
      .where(sql`${concerns.id} in (${changed}, ${untouched})`);
    // The colleague answers after the sweep read the case, before it writes.
    await reportRemediation(
      database.db,
      people.subject,
      changed,
      { action: "removed", note: "Deleted the post." },
      SWEEP_AT,
    );
    const before = await observed(changed);

    const moved = await database.db.transaction((tx) => advanceLockedConcerns(tx, read, SWEEP_AT));

    expect(moved).toBe(1);
    expect(await observed(changed)).toEqual(before);
    expect((await concernRow(database.db, changed)).state).toBe("remediation_reported");
    const [job] = await dueJobFor(database.db, changed);
    expect(new Date(job!.run_at).toISOString()).toBe(
      (await concernRow(database.db, changed)).confirmationDueAt!.toISOString(),
    );
    expect((await concernRow(database.db, untouched)).state).toBe("lapsed");
    expect((await auditFor(database.db, untouched)).at(-1)?.action).toBe("lapsed");
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);
  });

  it("moves each case once when two sweeps take small batches side by side, and the trail still verifies and replays", async () => {
    const kinds: TimedKind[] = ["escalated", "lapsed", "auto_confirmed", "dispute_accepted"];
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push(await waitingCase(kinds[i % 4]!));
    const workerA = connectDatabase(database.url);
    const workerB = connectDatabase(database.url);
    let moved: number[];
    try {
      moved = await Promise.all([
        advanceDueConcerns(workerA.db, SWEEP_AT, 5),
        advanceDueConcerns(workerB.db, SWEEP_AT, 5),
      ]);
    } finally {
      await Promise.all([workerA.pool.end(), workerB.pool.end()]);
    }
    expect(moved[0]! + moved[1]!).toBe(24);
    const transitions = await database.pool.query<{ entity_id: string; n: number }>(
      `select entity_id, count(*)::int as n from audit_events
       where entity_id = any($1::text[])
         and action in ('escalated_by_deadline', 'lapsed', 'auto_confirmed', 'dispute_auto_accepted')
       group by entity_id`,
      [ids],
    );
    expect(transitions.rows).toHaveLength(24);
    expect(transitions.rows.every((row) => row.n === 1)).toBe(true);
    const verification = await verifyAuditTrail(database.db);
    expect(verification.problems).toEqual([]);
    expect(verification.cases).toBeGreaterThanOrEqual(24);
  });
});
