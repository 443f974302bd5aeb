import { desc, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditAnchors } from "@/db/schema";
import { type AnchoredHead, GENESIS_HASH, hashAnchor } from "./audit-chain";

export const ANCHOR_AUDIT_CHAINS = "anchor-audit-chains";

/**
 * Records the head of every audit chain, chained to the previous anchor. Runs from the
 * worker's cron (lib/jobs/start-worker.ts) and on demand (`npm run audit:verify -- --anchor`);
 * nothing is written when no chain moved since the last anchor. The returned hash is
 * worth copying somewhere the database's owner cannot reach (the server log, a ticket):
 * a later rewrite of the whole trail would no longer match it.
 */
export async function anchorAuditChains(
  db: Database,
  now = new Date(),
): Promise<{ id: number; hash: string } | null> {
  return db.transaction(async (tx) => {
    // One anchor writer at a time, so anchors form one chain; audit writes never wait.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('audit-anchor'))`);
    const [previous] = await tx.select().from(auditAnchors).orderBy(desc(auditAnchors.id)).limit(1);
    const rows = await tx.execute<{
      entity_type: string;
      entity_id: string;
      id: string;
      hash: string | null;
    }>(sql`select distinct on (entity_type, entity_id) entity_type, entity_id, id, hash
             from audit_events order by entity_type, entity_id, id desc`);
    const heads: AnchoredHead[] = rows.rows.map((row) => [
      row.entity_type,
      row.entity_id,
      Number(row.id),
      row.hash ?? "",
    ]);
    if (heads.length === 0) return null;
    if (previous && JSON.stringify(previous.heads) === JSON.stringify(heads)) return null;
    const prevHash = previous?.hash ?? GENESIS_HASH;
    const hash = hashAnchor(prevHash, now, heads);
    const [anchor] = await tx
      .insert(auditAnchors)
      .values({ createdAt: now, heads, prevHash, hash })
      .returning({ id: auditAnchors.id });
    return { id: anchor!.id, hash };
  });
}
