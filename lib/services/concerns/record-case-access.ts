import type { Database } from "@/db/client";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";

/** Each time an officer opens a case file, who and when is part of the case's record. */
export async function recordCaseAccess(
  db: Database,
  actor: Actor,
  concernId: string,
): Promise<void> {
  await writeAuditEvent(db, {
    actorId: actor.userId,
    action: "case_viewed",
    entityType: "concern",
    entityId: concernId,
  });
}
