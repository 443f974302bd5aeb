import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withAdminClient } from "@/db/admin";
import {
  APP_ROLE,
  APP_TABLE_PRIVILEGES,
  ensureEmbeddedAppLogin,
  grantAppRole,
} from "@/db/app-role";
import { connectDatabase } from "@/db/client";
import { auditAnchorHeads, auditAnchors, auditEvents } from "@/db/schema";
import { anchorAuditChains } from "@/lib/audit/anchor-audit-chains";
import { GENESIS_HASH } from "@/lib/audit/audit-chain";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import type { AnchorSinks } from "@/lib/config";
import { recordCaseAccess } from "@/lib/services/concerns/record-case-access";
import { createUser } from "@/lib/services/users/create-user";
import {
  escalatedAndClosedCase,
  runAuditVerify,
  tamperAsSuperuser,
} from "./support/audit-tampering";
import { accessChainFor, auditFor } from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

/** These tests look at the database alone; the laundering tests publish to files of their own. */
const NO_SINKS: AnchorSinks = { file: null, email: null };

async function errorOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const cause = (error as { cause?: unknown }).cause ?? error;
  return cause as { code?: string; message: string };
}

describe("a normal workflow", () => {
  const database = withFreshDatabase();

  it("leaves every event chained to the previous one of its case, and the trail verifies clean", async () => {
    const { id } = await escalatedAndClosedCase(database);
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    await createUser(database.db, admin, {
      name: "Dr New Person",
      email: "new.person@hospital.example",
      roles: ["physician"],
      departmentId: "",
    });

    const events = await auditFor(database.db, id);
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    }
    expect(new Set(events.map((e) => e.hash)).size).toBe(events.length);

    expect((await anchorAuditChains(database.db, { sinks: NO_SINKS })).anchor).not.toBeNull();
    const result = await verifyAuditTrail(database.db);
    expect(result.problems).toEqual([]);
    expect(result.anchors).toBe(1);
    expect(result.events).toBeGreaterThanOrEqual(6);
  });

  it("keeps one unbroken chain when many writers add to the same case at once", async () => {
    const { id, officer } = await escalatedAndClosedCase(database);
    await Promise.all(Array.from({ length: 25 }, () => recordCaseAccess(database.db, officer, id)));
    const events = await accessChainFor(database.db, id);
    expect(events).toHaveLength(26);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    }
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);
  });

  it("keeps one chain of anchors past the tenth, each pinning only what moved", async () => {
    const { id, officer } = await escalatedAndClosedCase(database);
    await anchorAuditChains(database.db, { sinks: NO_SINKS });
    for (let i = 0; i < 12; i++) {
      await recordCaseAccess(database.db, officer, id);
      const { anchor } = await anchorAuditChains(database.db, { sinks: NO_SINKS });
      const heads = await database.db
        .select()
        .from(auditAnchorHeads)
        .where(eq(auditAnchorHeads.anchorId, anchor!.id));
      expect(heads.map((head) => head.entityId)).toEqual([id]);
    }
    const { problems, anchors } = await verifyAuditTrail(database.db);
    expect(problems).toEqual([]);
    expect(anchors).toBeGreaterThan(12);
  });

  it("pins and verifies more heads than one read of the verifier holds", async () => {
    await withAdminClient(database.url, (client) =>
      client.query(
        `insert into audit_events (action, entity_type, entity_id)
         select 'department_created', 'department', 'bulk-' || g from generate_series(1, 12000) g`,
      ),
    );
    const { anchor } = await anchorAuditChains(database.db, { sinks: NO_SINKS });
    const [{ count }] = (
      await database.db.execute<{ count: number }>(
        sql`select count(*)::int as count from audit_anchor_heads where anchor_id = ${anchor!.id}`,
      )
    ).rows as [{ count: number }];
    expect(count).toBeGreaterThanOrEqual(12000);
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);
  });

  it("records no new anchor when no chain moved since the last one", async () => {
    await anchorAuditChains(database.db, { sinks: NO_SINKS });
    expect(await anchorAuditChains(database.db, { sinks: NO_SINKS })).toEqual({
      anchor: null,
      problems: [],
      alerted: [],
    });
  });
});

describe("the application's database role", () => {
  const database = withFreshDatabase();

  it("may add audit events and read them, but UPDATE, DELETE and TRUNCATE are refused", async () => {
    const { id } = await escalatedAndClosedCase(database);
    await anchorAuditChains(database.db, { sinks: NO_SINKS });
    for (const attempt of [
      database.db
        .update(auditEvents)
        .set({ action: "nothing_happened" })
        .where(eq(auditEvents.entityId, id)),
      database.db.delete(auditEvents).where(eq(auditEvents.entityId, id)),
      database.db.execute(sql`truncate audit_events cascade`),
      database.db.update(auditAnchors).set({ hash: "0" }),
      database.db.delete(auditAnchors),
      database.db.execute(sql`truncate audit_anchors`),
    ]) {
      const error = await errorOf(attempt);
      expect(error.code).toBe("42501");
      expect(error.message).toMatch(/permission denied/);
    }
    const [{ role }] = (
      await database.db.execute<{ role: string }>(sql`select current_user as role`)
    ).rows as [{ role: string }];
    expect(role).toBe("peer_concerns_app");
    expect(await auditFor(database.db, id)).toHaveLength(5);
  });

  it("as a login role (what the launcher creates for the embedded server) cannot become a stronger role or switch the triggers off", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pc-app-login-"));
    const login = `pc_test_login_${process.pid}_${Date.now()}`;
    try {
      const appUrl = await ensureEmbeddedAppLogin(database.url, dir, login);
      const app = connectDatabase(appUrl, { max: 1 });
      try {
        for (const statement of [
          sql`set role postgres`,
          sql`set session_replication_role = replica`,
          sql`alter table audit_events disable trigger audit_events_append_only`,
          sql`delete from audit_events`,
          // No DDL either: it cannot redefine what the schema promises.
          sql`create table audit_events_shadow (id int)`,
          sql`drop trigger audit_events_chain on audit_events`,
        ]) {
          expect((await errorOf(app.db.execute(statement))).code).toBe("42501");
        }
        const [row] = (await app.db.execute<{ user: string }>(sql`select current_user as user`))
          .rows;
        expect(row?.user).toBe(login);
      } finally {
        await app.pool.end();
      }
    } finally {
      await withAdminClient(database.url, (client) =>
        client.query(`drop role if exists ${client.escapeIdentifier(login)}`),
      );
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("is backed by a trigger that refuses even the owner a change to history", async () => {
    await escalatedAndClosedCase(database);
    await withAdminClient(database.url, async (client) => {
      for (const statement of [
        "update audit_events set action = 'nothing_happened'",
        "delete from audit_events",
        "truncate audit_events",
      ]) {
        const error = await errorOf(client.query(statement));
        expect(error.message).toMatch(/audit_events is append-only/);
      }
    });
  });
});

describe("the time of an event", () => {
  const database = withFreshDatabase();

  it("is set by the database when the event is recorded, never by its writer", async () => {
    const before = Date.now();
    // The services' clock says March 2026; the trail says when it really happened.
    const { id } = await escalatedAndClosedCase(database);
    const events = await auditFor(database.db, id);
    for (const event of events) {
      expect(event.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
      expect(event.occurredAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
      expect(event.xactId).toMatch(/^\d+$/);
    }
    const times = events.map((event) => event.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("cannot be backdated by the application's role, nor by the database's owner", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const backdated = {
      occurredAt: new Date("2020-01-01T00:00:00Z"),
      actorId: admin.userId,
      action: "user_deactivated",
      entityType: "user",
      entityId: admin.userId,
    };
    const error = await errorOf(database.db.insert(auditEvents).values(backdated));
    expect(error.code).toBe("42501");
    expect(error.message).toMatch(/occurred_at is set by the database/);
    await expect(
      database.db.insert(auditEvents).values({ ...backdated, occurredAt: new Date("2099-01-01") }),
    ).rejects.toThrow();
    await withAdminClient(database.url, async (client) => {
      const owner = await errorOf(
        client.query(
          "insert into audit_events (occurred_at, action, entity_type, entity_id) values ('2020-01-01', 'user_deactivated', 'user', $1)",
          [admin.userId],
        ),
      );
      expect(owner.message).toMatch(/occurred_at is set by the database/);
    });
    const written = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, admin.userId));
    expect(written).toEqual([]);
  });
});

describe("the grants of the application's database role", () => {
  const database = withFreshDatabase();

  it("are exactly what the application uses, table by table", async () => {
    const grants = await withAdminClient(database.url, (client) =>
      client.query<{ table: string; privilege: string }>(
        `select table_name as table, privilege_type as privilege
           from information_schema.role_table_grants
          where grantee = $1 and table_schema = 'public'`,
        [APP_ROLE],
      ),
    );
    const granted: Record<string, string[]> = {};
    for (const { table, privilege } of grants.rows) {
      granted[table] = [...(granted[table] ?? []), privilege];
    }
    const expected = Object.fromEntries(
      Object.entries(APP_TABLE_PRIVILEGES).map(([table, privileges]) => [
        table,
        [...privileges].sort(),
      ]),
    );
    expect(
      Object.fromEntries(Object.entries(granted).map(([table, list]) => [table, list.sort()])),
    ).toEqual(expected);
    // Deleting is for the tables whose rows the app replaces or expires, and for the
    // secrets of two-factor sign-in, which must not outlive turning it off.
    expect(
      Object.entries(APP_TABLE_PRIVILEGES)
        .filter(([, privileges]) => privileges.includes("DELETE"))
        .map(([table]) => table)
        .sort(),
    ).toEqual(["recovery_codes", "sign_in_failures", "two_factor_secrets", "user_roles"]);
  });

  it("refuse deleting cases, people, notifications or deliveries, and changing an anchor's pins", async () => {
    const { id } = await escalatedAndClosedCase(database);
    await anchorAuditChains(database.db, { sinks: NO_SINKS });
    for (const statement of [
      sql`delete from concerns where id = ${id}`,
      sql`delete from users`,
      sql`delete from notifications`,
      sql`delete from email_deliveries`,
      sql`delete from organisation_settings`,
      sql`truncate users cascade`,
      sql`update audit_anchor_heads set hash = 'x'`,
      sql`delete from audit_anchor_heads`,
    ]) {
      const error = await errorOf(database.db.execute(statement));
      expect(error.code).toBe("42501");
    }
    expect(await auditFor(database.db, id)).toHaveLength(5);
  });

  it("must be declared for every table: a table nobody decided on fails the migration run", async () => {
    await withAdminClient(database.url, (client) =>
      client.query("create table stray_table (id int)"),
    );
    try {
      await expect(grantAppRole(database.url)).rejects.toThrow(
        /No application privileges are declared for stray_table/,
      );
    } finally {
      await withAdminClient(database.url, (client) => client.query("drop table stray_table"));
    }
  });
});

// Each kind of tampering on a database of its own: the damage stays.
describe("tampering behind the app's back", () => {
  describe("an event's fields altered", () => {
    const database = withFreshDatabase();
    it("is reported with its case and event id, and the chain's other cases stay clean", async () => {
      const { id } = await escalatedAndClosedCase(database);
      await escalatedAndClosedCase(database);
      const events = await auditFor(database.db, id);
      const victim = events[2]!;
      await tamperAsSuperuser(
        database,
        `update audit_events set details = details || '{"reason": "nothing to see"}' where id = $1`,
        [victim.id],
      );
      const { problems } = await verifyAuditTrail(database.db);
      expect(problems).toEqual([
        {
          chain: `concern:${id}`,
          id: victim.id,
          problem: expect.stringMatching(/altered/),
        },
      ]);
    });
  });

  describe("an event deleted from the middle of a chain", () => {
    const database = withFreshDatabase();
    it("is reported at the event that no longer follows its predecessor", async () => {
      const { id } = await escalatedAndClosedCase(database);
      const events = await auditFor(database.db, id);
      await tamperAsSuperuser(database, "delete from audit_events where id = $1", [events[2]!.id]);
      const { problems } = await verifyAuditTrail(database.db);
      expect(problems).toEqual([
        {
          chain: `concern:${id}`,
          id: events[3]!.id,
          problem: `it does not follow event ${events[1]!.id}: an event between them was deleted or inserted, or event ${events[1]!.id} was rewritten`,
        },
        // The replay misses the escalation too: the claim that follows it no longer fits.
        {
          chain: `concern:${id}`,
          id: events[3]!.id,
          problem: `it records "case_claimed" from "escalated", but its earlier events leave the case "remediation_reported": transitions were removed or inserted`,
        },
      ]);
    });
  });

  describe("an altered event whose hash was recomputed to match", () => {
    const database = withFreshDatabase();
    it("is caught by the next event's link", async () => {
      const { id } = await escalatedAndClosedCase(database);
      const events = await auditFor(database.db, id);
      const victim = events[1]!;
      await tamperAsSuperuser(
        database,
        `update audit_events set action = 'withdrawn',
           hash = audit_event_hash(prev_hash, id, occurred_at, actor_id, 'withdrawn', entity_type, entity_id, details)
         where id = $1`,
        [victim.id],
      );
      const { problems } = await verifyAuditTrail(database.db);
      expect(problems).toEqual([
        {
          chain: `concern:${id}`,
          id: events[2]!.id,
          problem: expect.stringMatching(/does not follow/),
        },
        // The forged action is no move the workflow allows, and not the colleague's to make.
        {
          chain: `concern:${id}`,
          id: victim.id,
          problem: `it records "withdrawn", which cannot move a case from "awaiting_response" to "remediation_reported"`,
        },
        {
          chain: `concern:${id}`,
          id: victim.id,
          problem: `only the reporter may record "withdrawn", but someone else did: the event or the case was altered`,
        },
      ]);
    });
  });

  describe("a forged event inserted with the triggers off", () => {
    const database = withFreshDatabase();
    it("is reported as unchained", async () => {
      const { id } = await escalatedAndClosedCase(database);
      await tamperAsSuperuser(
        database,
        `insert into audit_events (action, entity_type, entity_id) values ('withdrawn', 'concern', $1)`,
        [id],
      );
      const [forged] = (await auditFor(database.db, id)).slice(-1);
      const { problems } = await verifyAuditTrail(database.db);
      expect(problems).toEqual([
        { chain: `concern:${id}`, id: forged!.id, problem: expect.stringMatching(/no hash/) },
      ]);
    });
  });

  describe("a chain's latest events deleted after an anchor", () => {
    const database = withFreshDatabase();
    it("is reported by the anchor that recorded the chain's head", async () => {
      const { id } = await escalatedAndClosedCase(database);
      const { anchor } = await anchorAuditChains(database.db, { sinks: NO_SINKS });
      const events = await auditFor(database.db, id);
      const head = events.at(-1)!;
      await tamperAsSuperuser(database, "delete from audit_events where id = $1", [head.id]);
      const { problems } = await verifyAuditTrail(database.db);
      expect(problems).toEqual([
        {
          chain: `concern:${id}`,
          id: head.id,
          problem: `event ${head.id}, this chain's head at anchor ${anchor!.id}, is missing: events were deleted`,
        },
        {
          chain: `concern:${id}`,
          id: null,
          problem: `its stored state is "closed" but its events leave it "in_review"`,
        },
      ]);
    });
  });

  describe("an anchor altered", () => {
    const database = withFreshDatabase();
    it("is reported", async () => {
      await escalatedAndClosedCase(database);
      const { anchor } = await anchorAuditChains(database.db, { sinks: NO_SINKS });
      await tamperAsSuperuser(database, "update audit_anchors set head_count = 0 where id = $1", [
        anchor!.id,
      ]);
      const { problems } = await verifyAuditTrail(database.db);
      expect(problems).toContainEqual({
        chain: "anchors",
        id: anchor!.id,
        problem: "the anchor was altered",
      });
    });
  });

  describe("npm run audit:verify", () => {
    const database = withFreshDatabase();
    const verify = () => runAuditVerify(database);

    it("exits 0 on an intact trail and 1, naming the altered event, once a row is changed", async () => {
      const { id } = await escalatedAndClosedCase(database);
      const clean = await verify();
      expect(clean).toMatchObject({ code: 0, stdout: expect.stringMatching(/intact/) });

      const victim = (await auditFor(database.db, id))[0]!;
      await tamperAsSuperuser(database, "update audit_events set actor_id = null where id = $1", [
        victim.id,
      ]);
      const tampered = await verify();
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toContain(
        `concern:${id}, event ${victim.id}: its fields no longer match its hash`,
      );
    }, 60_000);
  });
});
