import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditAction, AuditCatalogue } from "./audit-actions";

/** One event, typed by the catalogue: its action decides its entity type and details. */
export type AuditEventInput = {
  [A in AuditAction]: {
    actorId: string | null;
    action: A;
    entityType: AuditCatalogue[A]["entity"];
    entityId: string;
  } & (Record<string, never> extends AuditCatalogue[A]["details"]
    ? { details?: AuditCatalogue[A]["details"] }
    : { details: AuditCatalogue[A]["details"] });
}[AuditAction];

/**
 * Call inside the transaction of the change it records, never after the commit. The
 * database chains the event to the previous one of the same entity on insert (hash,
 * prev_hash: db/migrations/*_audit_append_only.sql); nothing here can skip that.
 */
export async function writeAuditEvent(tx: Db, event: AuditEventInput): Promise<void> {
  await tx.insert(auditEvents).values({ ...event, details: event.details ?? {} });
}

/** Several events in one statement (the deadline sweep's batch); each is chained as above. */
export async function writeAuditEvents(tx: Db, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insert(auditEvents)
    .values(events.map((event) => ({ ...event, details: event.details ?? {} })));
}
