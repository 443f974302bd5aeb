import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withAdminClient } from "@/db/admin";
import { auditAnchorHeads, auditAnchors, auditEvents, notifications } from "@/db/schema";
import { AUDIT_BREAK_DETECTED, AUDIT_TRAIL_ENTITY } from "@/lib/audit/alert-audit-break";
import { ANCHOR_AUDIT_CHAINS, anchorAuditChains } from "@/lib/audit/anchor-audit-chains";
import { hashAnchor } from "@/lib/audit/audit-chain";
import { describe as problemText } from "@/lib/audit/audit-problems";
import {
  formatAnchorLine,
  PUBLISH_AUDIT_ANCHOR,
  parsePublishedAnchors,
} from "@/lib/audit/publish-anchor";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import type { AnchorSinks } from "@/lib/config";
import { createTaskList } from "@/lib/jobs/task-list";
import { describeNotification } from "@/lib/notifications/describe-notification";
import { smtpMailer } from "@/lib/notifications/mailer";
import { recordCaseAccess } from "@/lib/services/concerns/record-case-access";
import { markAlertsRead } from "@/lib/services/notifications/mark-notifications-read";
import {
  escalatedAndClosedCase,
  launderAnchors,
  launderChain,
  runAuditVerify,
  tamperAsSuperuser,
} from "./support/audit-tampering";
import { accessChainFor, auditFor } from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";
import { runDueJobs } from "./support/job-queue";
import { expectNoCaseContent, MAIL } from "./support/mail-test-kit";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink";

type FreshDatabase = ReturnType<typeof withFreshDatabase>;

const COMPLIANCE_OFFICE = "compliance.office@hospital.example";

let sink: SmtpSink;
let scratch: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  scratch = await mkdtemp(path.join(tmpdir(), "pc-anchors-"));
});

afterAll(async () => {
  await sink?.stop();
  await rm(scratch, { recursive: true, force: true });
});

/**
 * The worker's own task list, mailing through the test's SMTP server: `anchor()` runs the
 * 15-minute anchor job the way its cron does, then everything it queued (the alert's
 * emails, the anchor's publication).
 */
function auditWorker(database: FreshDatabase, sinks: AnchorSinks) {
  const taskList = createTaskList(database.db, smtpMailer(sink.url), MAIL, sinks);
  return {
    async anchor() {
      await database.db.execute(sql`select graphile_worker.add_job(${ANCHOR_AUDIT_CHAINS})`);
      await runDueJobs(database.pool, taskList);
    },
    async runDueJobs() {
      await runDueJobs(database.pool, taskList);
    },
  };
}

async function anchorRows(database: FreshDatabase) {
  return database.db.select().from(auditAnchors).orderBy(auditAnchors.id);
}

async function pinnedChains(database: FreshDatabase, anchorId: number) {
  const heads = await database.db
    .select()
    .from(auditAnchorHeads)
    .where(eq(auditAnchorHeads.anchorId, anchorId));
  return new Map(heads.map((head) => [`${head.entityType}:${head.entityId}`, head]));
}

async function alertsFor(database: FreshDatabase) {
  return database.db
    .select()
    .from(notifications)
    .where(eq(notifications.kind, "audit_trail_broken"));
}

async function breakRecords(database: FreshDatabase) {
  return database.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, AUDIT_TRAIL_ENTITY.entityType),
        eq(auditEvents.action, AUDIT_BREAK_DETECTED),
      ),
    );
}

describe("a case's chain laundered after an anchor: an access record deleted, every later hash recomputed", () => {
  const database = withFreshDatabase();

  it("is never anchored again, every administrator and officer is alerted once, and audit:verify names it", async () => {
    const worker = auditWorker(database, { file: null, email: null });
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const leaver = await insertPerson(database.db, { roles: ["admin"] });
    await tamperAsSuperuser(database, "update users set deactivated_at = now() where id = $1", [
      leaver.userId,
    ]);
    const laundered = await escalatedAndClosedCase(database);
    await recordCaseAccess(database.db, laundered.officer, laundered.id);
    await worker.anchor();
    const [first] = await anchorRows(database);
    // Openings are the case's access chain.
    const pinned = (await pinnedChains(database, first!.id)).get(`case_access:${laundered.id}`)!;
    expect(pinned.eventId).toBe((await accessChainFor(database.db, laundered.id)).at(-1)!.id);

    // Who opened the case file is what someone wants gone. Link by link, the chain still
    // adds up afterwards.
    const viewed = (await accessChainFor(database.db, laundered.id)).find(
      (event) => event.action === "case_viewed",
    )!;
    await launderChain(database, { entityType: "case_access", entityId: laundered.id }, viewed.id);
    // Life goes on: the laundered case moves on, and so does another.
    await recordCaseAccess(database.db, laundered.officer, laundered.id);
    const other = await escalatedAndClosedCase(database);
    sink.clear();
    await worker.anchor();

    const anchors = await anchorRows(database);
    expect(anchors).toHaveLength(2);
    const second = await pinnedChains(database, anchors[1]!.id);
    expect(second.has(`concern:${other.id}`)).toBe(true);
    expect(second.has(`case_access:${laundered.id}`)).toBe(false);

    // Every active administrator and compliance officer, in the app and by email; nobody else.
    const alerts = await alertsFor(database);
    const alerted = [admin.userId, laundered.officer.userId, other.officer.userId].sort();
    expect(alerts.map((alert) => alert.recipientId).sort()).toEqual(alerted);
    expect(alerts.every((alert) => alert.concernId === null)).toBe(true);
    expect(alerts.find((alert) => alert.recipientId === admin.userId)?.recipientRelation).toBe(
      "admin",
    );
    // The alert links to the notifications, where it is read in full; no case is named.
    const emails = sink.received.filter((email) =>
      email.text.includes(`${MAIL.appUrl}/notifications`),
    );
    expect(emails.map((email) => email.to).sort()).toEqual(
      [admin.email, laundered.officer.email, other.officer.email].sort(),
    );
    for (const email of emails) {
      expectNoCaseContent(email, [laundered.id, other.id, "case_viewed", "concern:"]);
    }
    expect(describeNotification("audit_trail_broken", "admin")).toMatch(
      /audit trail failed its integrity check/,
    );

    // Read in full on the notifications page, which marks it read; case notices stay unread.
    await markAlertsRead(database.db, laundered.officer);
    const officerNotifications = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, laundered.officer.userId));
    expect(officerNotifications.filter((n) => n.readAt !== null).map((n) => n.kind)).toEqual([
      "audit_trail_broken",
    ]);
    expect(officerNotifications.some((n) => n.concernId !== null && n.readAt === null)).toBe(true);

    const [record] = await breakRecords(database);
    expect(record!.details).toEqual({
      problems: [
        {
          chain: `case_access:${laundered.id}`,
          id: pinned.eventId,
          problem: problemText.pinRewritten(first!.id),
        },
      ],
    });

    const { problems } = await verifyAuditTrail(database.db);
    expect(problems).toEqual([
      {
        chain: `case_access:${laundered.id}`,
        id: pinned.eventId,
        problem: problemText.pinRewritten(first!.id),
      },
    ]);

    // The break stays, and the case keeps moving: reported once, not every 15 minutes.
    await recordCaseAccess(database.db, laundered.officer, laundered.id);
    await worker.anchor();
    expect(await alertsFor(database)).toHaveLength(alerted.length);
    expect(await breakRecords(database)).toHaveLength(1);
    // The alert itself is history: the next anchor pins it.
    const latest = (await anchorRows(database)).at(-1)!;
    expect(
      (await pinnedChains(database, latest.id)).has(
        `${AUDIT_TRAIL_ENTITY.entityType}:${AUDIT_TRAIL_ENTITY.entityId}`,
      ),
    ).toBe(true);
  });
});

describe("a chain laundered that never moves again", () => {
  const database = withFreshDatabase();

  it("is named by audit:verify from the anchor that pinned it, though later anchors pass it by", async () => {
    const quiet = await escalatedAndClosedCase(database);
    await recordCaseAccess(database.db, quiet.officer, quiet.id);
    await anchorAuditChains(database.db, { sinks: { file: null, email: null } });
    // The first opening of the file, gone.
    const events = await accessChainFor(database.db, quiet.id);
    await launderChain(database, { entityType: "case_access", entityId: quiet.id }, events[0]!.id);
    for (let i = 0; i < 3; i++) {
      await escalatedAndClosedCase(database);
      expect(
        (await anchorAuditChains(database.db, { sinks: { file: null, email: null } })).anchor,
      ).not.toBeNull();
    }
    const { problems } = await verifyAuditTrail(database.db);
    expect(problems).toEqual([
      {
        chain: `case_access:${quiet.id}`,
        id: events.at(-1)!.id,
        problem: problemText.pinRewritten(1),
      },
    ]);
  });
});

describe("an event forged onto the end of a chain after an anchor", () => {
  const database = withFreshDatabase();

  it("is found before the next anchor and the chain is left out of it", async () => {
    const forgedOn = await escalatedAndClosedCase(database);
    await anchorAuditChains(database.db, { sinks: { file: null, email: null } });
    await tamperAsSuperuser(
      database,
      `insert into audit_events (action, entity_type, entity_id, details)
       values ('case_reopened', 'concern', $1, '{"from": "closed", "to": "escalated"}')`,
      [forgedOn.id],
    );
    const forged = (await auditFor(database.db, forgedOn.id)).at(-1)!;
    const { anchor, problems, alerted } = await anchorAuditChains(database.db, {
      sinks: { file: null, email: null },
    });
    const expected = [
      { chain: `concern:${forgedOn.id}`, id: forged.id, problem: problemText.unchained() },
    ];
    expect({ anchor, problems, alerted }).toEqual({
      anchor: null,
      problems: expected,
      alerted: expected,
    });
    // The next anchor pins the alert's own record, never the forged chain, and says no more.
    const next = await anchorAuditChains(database.db, { sinks: { file: null, email: null } });
    expect(next).toMatchObject({ problems: expected, alerted: [] });
    const pinned = await pinnedChains(database, next.anchor!.id);
    expect(pinned.has(`${AUDIT_TRAIL_ENTITY.entityType}:${AUDIT_TRAIL_ENTITY.entityId}`)).toBe(
      true,
    );
    expect(pinned.has(`concern:${forgedOn.id}`)).toBe(false);
  });
});

describe("the last anchor altered", () => {
  const database = withFreshDatabase();

  it("stops anchoring altogether and alerts", async () => {
    await escalatedAndClosedCase(database);
    const { anchor } = await anchorAuditChains(database.db, { sinks: { file: null, email: null } });
    await tamperAsSuperuser(database, "update audit_anchors set xact_horizon = '1' where id = $1", [
      anchor!.id,
    ]);
    await escalatedAndClosedCase(database);
    const outcome = await anchorAuditChains(database.db, { sinks: { file: null, email: null } });
    const expected = [{ chain: "anchors", id: anchor!.id, problem: problemText.anchorAltered() }];
    expect(outcome).toEqual({ anchor: null, problems: expected, alerted: expected });
    expect(await anchorRows(database)).toHaveLength(1);
    expect((await alertsFor(database)).length).toBeGreaterThan(0);
  });
});

describe("a trail written before this release: events without a transaction id, an anchor listing every head", () => {
  const database = withFreshDatabase();

  it("is checked in full once and anchored, and a chain laundered since the old anchor is left out", async () => {
    const kept = await escalatedAndClosedCase(database);
    const laundered = await escalatedAndClosedCase(database);
    await recordCaseAccess(database.db, laundered.officer, laundered.id);
    // The first release: no transaction ids, and an anchor of version 1 over every head.
    await tamperAsSuperuser(database, "update audit_events set xact_id = null");
    await withAdminClient(database.url, async (client) => {
      const heads = await client.query<{
        entity_type: string;
        entity_id: string;
        id: string;
        hash: string;
      }>(
        `select distinct on (entity_type, entity_id) entity_type, entity_id, id, hash
           from audit_events order by entity_type, entity_id, id desc`,
      );
      const list: [string, string, number, string][] = heads.rows.map((row) => [
        row.entity_type,
        row.entity_id,
        Number(row.id),
        row.hash,
      ]);
      const createdAt = new Date("2026-03-01T00:00:00.000Z");
      await client.query(
        "insert into audit_anchors (created_at, heads, prev_hash, hash) values ($1, $2, $3, $4)",
        [
          createdAt,
          JSON.stringify(list),
          "0".repeat(64),
          hashAnchor("0".repeat(64), createdAt, list),
        ],
      );
    });
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);

    // The first opening of the file, gone.
    const events = await accessChainFor(database.db, laundered.id);
    await launderChain(
      database,
      { entityType: "case_access", entityId: laundered.id },
      events[0]!.id,
    );
    const { anchor, problems } = await anchorAuditChains(database.db, {
      sinks: { file: null, email: null },
    });
    const expected = {
      chain: `case_access:${laundered.id}`,
      id: events.at(-1)!.id,
      problem: problemText.pinRewritten(1),
    };
    expect(problems).toEqual([expected]);
    const pinned = await pinnedChains(database, anchor!.id);
    expect(pinned.has(`concern:${kept.id}`)).toBe(true);
    expect(pinned.has(`case_access:${laundered.id}`)).toBe(false);
    expect((await verifyAuditTrail(database.db)).problems).toEqual([expected]);
  });
});

describe("each anchor published outside the database", () => {
  const database = withFreshDatabase();

  it("reaches the append-only file once and the compliance office by email, and audit:verify --against catches a trail rewritten with its anchors", async () => {
    const file = path.join(scratch, "published", "audit-anchors.log");
    const worker = auditWorker(database, { file, email: COMPLIANCE_OFFICE });
    const laundered = await escalatedAndClosedCase(database);
    await recordCaseAccess(database.db, laundered.officer, laundered.id);
    sink.clear();
    await worker.anchor();
    const [first] = await anchorRows(database);
    const line = formatAnchorLine({
      id: first!.id,
      createdAt: first!.createdAt,
      hash: first!.hash,
    });
    expect(await readFile(file, "utf8")).toBe(`${line}\n`);
    const [email] = sink.received.filter((received) => received.to === COMPLIANCE_OFFICE);
    expect(email!.text).toContain(line);
    expect(email!.subject).toBe(`Peer Concerns audit anchor ${first!.id}`);
    expectNoCaseContent(email!, [laundered.id]);

    // A publication job that runs twice writes its line once.
    await database.db.execute(sql`select graphile_worker.add_job(${PUBLISH_AUDIT_ANCHOR},
      json_build_object('anchorId', ${first!.id}::bigint, 'sink', 'file'))`);
    await worker.runDueJobs();
    await escalatedAndClosedCase(database);
    await worker.anchor();
    const published = parsePublishedAnchors(await readFile(file, "utf8"));
    expect(published.map((anchor) => anchor.id)).toEqual([1, 2]);

    const intact = await runAuditVerify(database, ["--against", file]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`Compared with 2 published anchors from ${file}`);

    // The whole laundering: the chain, then every pin and anchor recomputed to match.
    const events = await accessChainFor(database.db, laundered.id);
    await launderChain(
      database,
      { entityType: "case_access", entityId: laundered.id },
      events[0]!.id,
    );
    await launderAnchors(database);
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);
    const [rewritten] = await anchorRows(database);
    const { problems } = await verifyAuditTrail(database.db, { published });
    expect(problems).toContainEqual({
      chain: "anchors",
      id: 1,
      problem: problemText.publishedDiffers(first!.hash, rewritten!.hash),
    });

    const caught = await runAuditVerify(database, ["--against", file]);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toContain(
      `anchor 1: it was published as sha256 ${first!.hash} but the database holds sha256 ${rewritten!.hash}: the anchors were rewritten`,
    );
  }, 90_000);
});
