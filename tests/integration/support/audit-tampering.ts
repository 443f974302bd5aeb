import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { withAdminClient } from "@/db/admin";
import { HeadsDigest, hashAnchorV2 } from "@/lib/audit/audit-chain";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import { recordCaseAccess } from "@/lib/services/concerns/record-case-access";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import { DAY_MS, fileAbout, insertOfficer, insertParties, later } from "./concern-factories";
import type { withFreshDatabase } from "./fresh-database";

type FreshDatabase = ReturnType<typeof withFreshDatabase>;

const NOW = new Date("2026-03-10T09:00:00.000Z");

/**
 * A case taken through the whole workflow by the real services: filed, remediation
 * reported and rejected (escalated), claimed and closed: five events on its chain; the file
 * opened before the claim: one on its access chain.
 */
export async function escalatedAndClosedCase(database: FreshDatabase) {
  const { reporter, subject, stranger } = await insertParties(database.db);
  const officer = await insertOfficer(database.db);
  const id = await fileAbout(database.db, reporter, subject, NOW);
  await reportRemediation(
    database.db,
    subject,
    id,
    { action: "removed", note: "Deleted it." },
    later(NOW, DAY_MS),
  );
  await answerResponse(
    database.db,
    reporter,
    id,
    "reject_remediation",
    { reason: "A cached copy is still visible." },
    later(NOW, 2 * DAY_MS),
  );
  await recordCaseAccess(database.db, officer, id);
  await claimCase(database.db, officer, id, later(NOW, 2 * DAY_MS + 60_000));
  await closeCase(
    database.db,
    officer,
    id,
    { outcome: "coaching", rationale: "Discussed with the colleague." },
    later(NOW, 3 * DAY_MS),
  );
  return { id, officer, reporter, subject, stranger };
}

/** What an attacker with the server's superuser password can do: bypass every trigger. */
export async function tamperAsSuperuser(
  database: FreshDatabase,
  statement: string,
  params: unknown[] = [],
) {
  await withAdminClient(database.url, async (client) => {
    await client.query("set session_replication_role = replica");
    await client.query(statement, params);
  });
}

/**
 * How a superuser hides an event: delete it and recompute every later hash of its chain,
 * so that the chain verifies link by link as if the event had never been.
 */
export async function launderChain(
  database: FreshDatabase,
  chain: { entityType: string; entityId: string },
  deletedEventId: number,
) {
  await withAdminClient(database.url, async (client) => {
    await client.query("set session_replication_role = replica");
    await client.query("delete from audit_events where id = $1", [deletedEventId]);
    const where = `entity_type = ${client.escapeLiteral(chain.entityType)} and entity_id = ${client.escapeLiteral(chain.entityId)}`;
    await client.query(`do $$
      declare
        event record;
        previous text;
      begin
        select coalesce((select hash from audit_events where ${where} and id < ${Number(deletedEventId)}
                          order by id desc limit 1), repeat('0', 64)) into previous;
        for event in select * from audit_events where ${where} and id > ${Number(deletedEventId)} order by id loop
          update audit_events
             set prev_hash = previous,
                 hash = audit_event_hash(previous, event.id, event.occurred_at, event.actor_id,
                                         event.action, event.entity_type, event.entity_id, event.details)
           where id = event.id
          returning hash into previous;
        end loop;
      end
      $$`);
  });
}

/**
 * The rest of the laundering, for whoever read how the anchors work: every pin made to
 * match the rewritten events, and every anchor's digest and hash recomputed, so that the
 * database on its own shows nothing wrong. Only a copy kept outside it can tell.
 */
export async function launderAnchors(database: FreshDatabase) {
  await withAdminClient(database.url, async (client) => {
    await client.query("set session_replication_role = replica");
    await client.query(`update audit_anchor_heads h set hash = e.hash
                          from audit_events e where e.id = h.event_id and e.hash <> h.hash`);
    const anchors = await client.query<{
      id: string;
      created_at: Date;
      xact_horizon: string;
    }>("select id, created_at, xact_horizon::text from audit_anchors order by id");
    let prevHash = "0".repeat(64);
    for (const anchor of anchors.rows) {
      const heads = await client.query<{
        entity_type: string;
        entity_id: string;
        event_id: string;
        hash: string;
      }>(
        "select entity_type, entity_id, event_id, hash from audit_anchor_heads where anchor_id = $1 order by event_id",
        [anchor.id],
      );
      const digest = new HeadsDigest();
      for (const head of heads.rows) {
        digest.add({
          entityType: head.entity_type,
          entityId: head.entity_id,
          eventId: Number(head.event_id),
          hash: head.hash,
        });
      }
      const fields = {
        prevHash,
        createdAt: new Date(anchor.created_at),
        xactHorizon: anchor.xact_horizon,
        headCount: digest.count,
        headsDigest: digest.hex(),
      };
      const hash = hashAnchorV2(fields);
      await client.query(
        "update audit_anchors set prev_hash = $2, head_count = $3, heads_digest = $4, hash = $5 where id = $1",
        [anchor.id, fields.prevHash, fields.headCount, fields.headsDigest, hash],
      );
      prevHash = hash;
    }
  });
}

/** `npm run audit:verify` itself, against this database, with its exit code and output. */
export async function runAuditVerify(database: FreshDatabase, args: string[] = []) {
  return promisify(execFile)("npx", ["tsx", "scripts/audit-verify.ts", ...args], {
    env: { ...process.env, DATABASE_URL: database.url, MIGRATION_DATABASE_URL: "" },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}
