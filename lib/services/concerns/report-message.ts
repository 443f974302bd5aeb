import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { caseMessageReports, caseMessages } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";
import type { ThreadParty } from "@/lib/domain/case-thread";
import { Refusal } from "@/lib/errors/refusal";
import { notifyCase } from "@/lib/notifications/notify-case";
import { parseScreened } from "../screen-free-text";
import { lockConcern } from "./lock-concern";
import { threadPartyOf } from "./thread-party";
import { MESSAGE_NOT_FOUND, type ReportMessageInput, reportMessageSchema } from "./thread-schemas";

/**
 * A colleague reports a message from the other colleague as abusive. The report goes
 * before the compliance officers: the officers of the colleague's department (or all, when
 * it has none) are alerted, and the report waits on the compliance queue's page with the
 * message. Reporting the same message twice records it once; the thread itself is not
 * changed, and the sender is not told.
 */
export async function reportMessage(
  db: Database,
  actor: Actor,
  input: ReportMessageInput,
  now = new Date(),
): Promise<{ concernId: string; party: ThreadParty; alreadyReported: boolean }> {
  const { data, patientDetailsConfirmed } = parseScreened(reportMessageSchema, input);
  const { messageId, reason } = data;
  return db.transaction(async (tx) => {
    const [message] = await tx
      .select({ concernId: caseMessages.concernId, senderId: caseMessages.senderId })
      .from(caseMessages)
      .where(eq(caseMessages.id, messageId));
    const concern = message && (await lockConcern(tx, message.concernId));
    const party = concern ? threadPartyOf(actor, concern) : null;
    if (!message || !concern || !party) throw new Refusal("not_found", MESSAGE_NOT_FOUND);
    if (message.senderId === actor.userId) {
      throw new Refusal("conflict", "You can report only a message your colleague sent you.");
    }
    const [report] = await tx
      .insert(caseMessageReports)
      .values({ messageId, reportedById: actor.userId, reason: reason || null, reportedAt: now })
      .onConflictDoNothing()
      .returning({ id: caseMessageReports.id });
    if (!report) return { concernId: concern.id, party, alreadyReported: true };
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "message_reported",
      entityType: "concern",
      entityId: concern.id,
      details: {
        messageId,
        by: party,
        ...(reason ? { reason } : {}),
        ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
      },
    });
    await notifyCase(tx, concern, ["officers"], "message_reported", now);
    return { concernId: concern.id, party, alreadyReported: false };
  });
}
