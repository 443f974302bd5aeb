import { beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "@/db/app-role";
import { connectDatabase } from "@/db/client";
import { startWorker } from "@/lib/jobs/start-worker";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { withAppLogin } from "./support/app-login";
import {
  auditFor,
  concernRow,
  insertEscalatedCase,
  insertOfficer,
  later,
  setOrganisationSettings,
} from "./support/concern-factories";
import { withFreshDatabase } from "./support/fresh-database";
import { insertOverdueConcerns, scheduleDueJobs } from "./support/overdue-concerns";
import { waitUntil } from "./support/wait-until";

const database = withFreshDatabase();
const appLogin = withAppLogin(database);

beforeAll(async () => {
  await setOrganisationSettings(database.db, { dailyFilingLimit: 100_000 });
});

describe("50 officers claiming one case at the same moment", () => {
  it("makes exactly one the holder, writes one claim to the audit trail and tells the other 49 who holds it", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(
      database.db,
      new Date("2026-03-02T09:00:00.000Z"),
    );
    const officers = await Promise.all(
      Array.from({ length: 50 }, () => insertOfficer(database.db)),
    );
    // A connection per officer, as 50 requests on busy web servers would hold.
    const perOfficer = connectDatabase(database.url, { role: APP_ROLE, max: 50 });
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await Promise.allSettled(
        officers.map((officer) => claimCase(perOfficer.db, officer, id, later(escalatedAt, 1000))),
      );
    } finally {
      await perOfficer.pool.end();
    }

    const winners = officers.filter((_, i) => results[i]!.status === "fulfilled");
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refusals).toHaveLength(49);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        code: "conflict",
        message: `This case is in review by a compliance officer: it is assigned to ${winner.name}.`,
      });
    }
    expect(await concernRow(database.db, id)).toMatchObject({
      state: "in_review",
      assigneeId: winner.userId,
    });
    const claims = (await auditFor(database.db, id)).filter((e) => e.action === "case_claimed");
    expect(claims).toMatchObject([{ actorId: winner.userId }]);
  });
});

describe("four workers over 10,000 due cases", () => {
  it("moves every case exactly once: 10,000 transitions and 10,000 audit events", async () => {
    await insertOfficer(database.db);
    const dueAt = new Date("2026-01-01T00:00:00.000Z");
    const inserted = await insertOverdueConcerns(database, 10_000, dueAt, "four-workers");
    const ids = inserted.map((r) => r.id);
    await scheduleDueJobs(database.pool, ids, dueAt);

    // The worker's real entry (what `npm run worker` starts), four times, each with its
    // own pools, connected as the application's login.
    const workers = await Promise.all(
      Array.from({ length: 4 }, () => startWorker(appLogin.url, "capture")),
    );
    try {
      await waitUntil(async () => (await stillWaiting(ids)) === 0, 840_000, "every case to move");
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }

    const perCase = await database.pool.query<{ action: string; cases: number; events: number }>(
      `select action, count(distinct entity_id)::int as cases, count(*)::int as events
       from audit_events where entity_id = any($1::text[]) group by action order by action`,
      [ids],
    );
    expect(perCase.rows).toEqual([
      { action: "auto_confirmed", cases: 2500, events: 2500 },
      { action: "dispute_auto_accepted", cases: 2500, events: 2500 },
      { action: "escalated_by_deadline", cases: 2500, events: 2500 },
      { action: "lapsed", cases: 2500, events: 2500 },
    ]);
    const states = await database.pool.query<{ state: string; n: number }>(
      `select state, count(*)::int as n from concerns where id = any($1::uuid[])
       group by state order by state::text`,
      [ids],
    );
    expect(states.rows).toEqual([
      { state: "dispute_accepted", n: 2500 },
      { state: "escalated", n: 2500 },
      { state: "lapsed", n: 2500 },
      { state: "resolved", n: 2500 },
    ]);
    // Each party heard about their case's change once.
    const partyNotices = await database.pool.query<{ once: number; more: number }>(
      `select count(*) filter (where n = 1)::int as once, count(*) filter (where n > 1)::int as more
       from (select count(*) as n from notifications
             where concern_id = any($1::uuid[]) and recipient_relation in ('reporter', 'subject')
             group by concern_id, recipient_relation) per_party`,
      [ids],
    );
    expect(partyNotices.rows[0]).toEqual({ once: 20_000, more: 0 });
  }, 900_000);
});

async function stillWaiting(ids: string[]): Promise<number> {
  const result = await database.pool.query<{ n: number }>(
    `select count(*)::int as n from concerns where id = any($1::uuid[])
     and state in ('awaiting_response', 'remediation_reported', 'disputed')`,
    [ids],
  );
  return result.rows[0]!.n;
}
