import type { Database } from "@/db/client";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";

/**
 * Each time an officer opens a case file, who and when is part of the case's record. The
 * file shows the reporter's identity as soon as it opens (an officer always needs it to
 * weigh the case), so the opening itself is the access to it and is recorded as such.
 * It is hash-chained like every event, on the case's access chain: the chain lock it takes
 * is not the one the case's state changes hold, so opening a case never waits for them.
 */
export async function recordCaseAccess(
  db: Database,
  actor: Actor,
  concernId: string,
): Promise<void> {
  await writeAuditEvent(db, {
    actorId: actor.userId,
    action: "case_viewed",
    entityType: "case_access",
    entityId: concernId,
    details: { seen: ["case_file", "reporter_identity"] },
  });
}
