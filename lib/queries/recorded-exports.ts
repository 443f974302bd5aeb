import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { ExportRecord } from "@/lib/exports/export-manifest";

/** A recorded export as the audit trail holds it (exports before hashes were kept have none). */
export interface RecordedExport {
  concernId: string;
  at: Date;
  byName: string | null;
  record: ExportRecord;
  manifestSha256: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The exports recorded whose file (or manifest) has this SHA-256, newest first. The caller
 * checks that its reader may see each case before saying anything about it.
 */
export async function findExportsBySha256(db: Db, sha256: string, concernId?: string) {
  const hash = sha256.trim().toLowerCase();
  if (!SHA256.test(hash)) return [];
  const rows = await db
    .select({
      concernId: auditEvents.entityId,
      at: auditEvents.occurredAt,
      byName: users.name,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.action, "case_exported"),
        concernId ? eq(auditEvents.entityId, concernId) : undefined,
        sql`(${auditEvents.details}->>'sha256' = ${hash} or ${auditEvents.details}->>'manifestSha256' = ${hash})`,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(10);
  return rows.map((row): RecordedExport => {
    const {
      manifestSha256,
      seen: _seen,
      ...record
    } = row.details as unknown as ExportRecord & {
      manifestSha256: string;
      seen: unknown;
    };
    return { concernId: row.concernId, at: row.at, byName: row.byName, record, manifestSha256 };
  });
}
