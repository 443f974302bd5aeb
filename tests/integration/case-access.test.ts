import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { anchorAuditChains } from "@/lib/audit/anchor-audit-chains";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { listCaseAccess } from "@/lib/queries/case-file";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { recordCaseAccess } from "@/lib/services/concerns/record-case-access";
import {
  accessChainFor,
  auditFor,
  insertEscalatedCase,
  insertOfficer,
} from "./support/concern-factories";
import { withFreshDatabase } from "./support/fresh-database";

const FILED = new Date("2026-03-02T09:00:00.000Z");

/** Thrown to roll back a transaction the test holds open on purpose. */
class RollBack extends Error {}

describe("opening a case file", () => {
  const database = withFreshDatabase();

  it("is recorded while a change to the case holds the case's audit chain", async () => {
    const { id } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    const before = await auditFor(database.db, id);

    // A change to the case, mid-transaction: its audit event holds the case's chain until
    // it commits. The opening, on another connection, completes before that.
    await expect(
      database.db.transaction(async (tx) => {
        await writeAuditEvent(tx, {
          actorId: officer.userId,
          action: "note_added",
          entityType: "concern",
          entityId: id,
          details: { noteId: 1 },
        });
        await recordCaseAccess(database.db, officer, id);
        expect((await accessChainFor(database.db, id)).map((e) => e.action)).toEqual([
          "case_viewed",
        ]);
        throw new RollBack();
      }),
    ).rejects.toBeInstanceOf(RollBack);

    expect(await auditFor(database.db, id)).toEqual(before);
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);
  });

  it("by several officers at once while one claims it keeps every chain whole and every opening in the access log", async () => {
    const { id } = await insertEscalatedCase(database.db, FILED);
    const [first, second] = [await insertOfficer(database.db), await insertOfficer(database.db)];

    await Promise.all([
      claimCase(database.db, first, id, new Date()),
      ...Array.from({ length: 6 }, () => recordCaseAccess(database.db, first, id)),
      ...Array.from({ length: 4 }, () => recordCaseAccess(database.db, second, id)),
    ]);

    const openings = await accessChainFor(database.db, id);
    expect(openings).toHaveLength(10);
    for (let i = 1; i < openings.length; i++) {
      expect(openings[i]!.prevHash).toBe(openings[i - 1]!.hash);
    }
    expect((await auditFor(database.db, id)).map((e) => e.action)).toContain("case_claimed");
    const access = await listCaseAccess(database.db, id);
    expect(
      access
        .map(({ officerId, openings }) => ({ officerId, openings }))
        .sort((a, b) => (a.openings > b.openings ? -1 : 1)),
    ).toEqual([
      { officerId: first.userId, openings: 6 },
      { officerId: second.userId, openings: 4 },
    ]);

    const { anchor } = await anchorAuditChains(database.db, {
      sinks: { file: null, email: null },
    });
    expect(anchor).not.toBeNull();
    const verified = await verifyAuditTrail(database.db);
    expect(verified.problems).toEqual([]);
  });

  it("recorded on the case's own chain, as before the access chain, still shows and verifies", async () => {
    const { id } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    // How openings were written until they moved to the access chain.
    await database.db.execute(
      sql`insert into audit_events (actor_id, action, entity_type, entity_id, details)
          values (${officer.userId}, 'case_viewed', 'concern', ${id},
                  '{"seen": ["case_file", "reporter_identity"]}')`,
    );
    await recordCaseAccess(database.db, officer, id);

    const [line] = await listCaseAccess(database.db, id);
    expect(line).toMatchObject({ officerId: officer.userId, openings: 2 });
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);
  });
});
