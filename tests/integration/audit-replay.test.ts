import { describe, expect, it } from "vitest";
import { withAdminClient } from "@/db/admin";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import {
  escalatedAndClosedCase,
  launderChain,
  runAuditVerify,
  tamperAsSuperuser,
} from "./support/audit-tampering";
import { auditFor, fileAbout, insertParties } from "./support/concern-factories";
import { withFreshDatabase } from "./support/fresh-database";

const NOW = new Date("2026-03-10T09:00:00.000Z");

// Each case's stored row is edited behind the app's back, its audit trail left alone:
// the chains all verify, and only replaying each case's history shows what changed.
describe("audit:verify replays every case's history against its stored row", () => {
  const database = withFreshDatabase();

  it("reports a case whose state, reporter, colleague or disclosure differs from its events, and one with no history", async () => {
    const untouched = await escalatedAndClosedCase(database);
    const reopened = await escalatedAndClosedCase(database);
    const reassigned = await escalatedAndClosedCase(database);
    const relabelled = await escalatedAndClosedCase(database);
    const unmasked = await escalatedAndClosedCase(database);

    // The decision quietly undone: closed, but the row says it is back in the queue.
    await tamperAsSuperuser(
      database,
      "update concerns set state = 'escalated', closed_at = null where id = $1",
      [reopened.id],
    );
    // Someone else made to look like the one who raised it.
    await tamperAsSuperuser(database, "update concerns set reporter_id = $2 where id = $1", [
      reassigned.id,
      reassigned.stranger.userId,
    ]);
    // The concern moved onto another colleague's record.
    await tamperAsSuperuser(database, "update concerns set subject_id = $2 where id = $1", [
      relabelled.id,
      relabelled.stranger.userId,
    ]);
    // A confidential reporter's name shown to the colleague.
    await tamperAsSuperuser(database, "update concerns set disclosure = 'named' where id = $1", [
      unmasked.id,
    ]);
    // A case that never went through the app.
    const planted = await tamperedInCase(database);

    const { problems, cases } = await verifyAuditTrail(database.db);
    expect(cases).toBe(5);
    const filing = async (id: string) => (await auditFor(database.db, id))[0]!.id;
    // Chain by chain as the trail is read, then the cases with no chain at all.
    expect(problems).toEqual([
      ...[
        {
          chain: `concern:${reopened.id}`,
          id: null,
          problem: `its stored state is "escalated" but its events leave it "closed"`,
        },
        {
          chain: `concern:${reassigned.id}`,
          id: await filing(reassigned.id),
          problem: "its stored reporter is not the person who filed it",
        },
        {
          chain: `concern:${relabelled.id}`,
          id: await filing(relabelled.id),
          problem: "its stored colleague is not the one its events name",
        },
        {
          chain: `concern:${unmasked.id}`,
          id: await filing(unmasked.id),
          problem: `its stored disclosure is "named" but it was filed "confidential"`,
        },
      ].sort(byChain),
      {
        chain: `concern:${planted}`,
        id: null,
        problem: "it has no history: the case was added outside the app",
      },
    ]);
    expect(problems.some((problem) => problem.chain.includes(untouched.id))).toBe(false);

    const script = await runAuditVerify(database);
    expect(script.code).toBe(1);
    expect(script.stdout).toContain(
      `concern:${reopened.id}: its stored state is "escalated" but its events leave it "closed"`,
    );
  }, 60_000);
});

describe("a transition removed from a case's history, the chain recomputed", () => {
  const database = withFreshDatabase();

  it("is reported by the replay though every hash adds up", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const id = await fileAbout(database.db, reporter, subject, NOW);
    await answerResponse(
      database.db,
      reporter,
      id,
      "withdraw",
      { reason: "Raised by mistake." },
      NOW,
    );
    const [filed, withdrawn] = await auditFor(database.db, id);
    // The withdrawal erased from the trail: the case now looks as if it still waited.
    await launderChain(database, { entityType: "concern", entityId: id }, withdrawn!.id);
    const { problems } = await verifyAuditTrail(database.db);
    expect(filed!.action).toBe("concern_filed");
    expect(problems).toEqual([
      {
        chain: `concern:${id}`,
        id: null,
        problem: `its stored state is "withdrawn" but its events leave it "awaiting_response"`,
      },
    ]);
  });
});

function byChain(a: { chain: string }, b: { chain: string }): number {
  return a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0;
}

/** A case inserted straight into the table, with no filing and no events. */
async function tamperedInCase(database: ReturnType<typeof withFreshDatabase>): Promise<string> {
  const { reporter, subject } = await insertParties(database.db);
  return withAdminClient(database.url, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into concerns (reporter_id, subject_id, post_url, post_url_normalised, platform,
         seen_on, description, categories, severity, response_due_at)
       values ($1, $2, 'https://x.com/p/1', 'https://x.com/p/1', 'x', '2026-03-01',
         'Planted.', '{privacy}', 'appears_unprofessional', now() + interval '7 days')
       returning id`,
      [reporter.userId, subject.userId],
    );
    return rows[0]!.id;
  });
}
