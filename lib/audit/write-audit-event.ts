import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  entityType: "user" | "department" | "concern" | "settings" | "email_delivery" | "audit_trail";
  entityId: string;
  details?: Record<string, unknown>;
}

/**
 * Call inside the transaction of the change it records, never after the commit. The
 * database chains the event to the previous one of the same entity on insert (hash,
 * prev_hash: db/migrations/*_audit_append_only.sql); nothing here can skip that.
 */
export async function writeAuditEvent(tx: Db, event: AuditEventInput): Promise<void> {
  await tx.insert(auditEvents).values({ ...event, details: event.details ?? {} });
}
