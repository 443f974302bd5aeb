import type { Database } from "@/db/client";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";

/**
 * Each time an officer opens a case file, who and when is part of the case's record. The
 * file shows the reporter's identity as soon as it opens (an officer always needs it to
 * weigh the case), so the opening itself is the access to it and is recorded as such.
 */
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
    details: { seen: ["case_file", "reporter_identity"] },
  });
}
