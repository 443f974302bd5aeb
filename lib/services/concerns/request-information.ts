import type { Database } from "@/db/client";
import { informationRequests } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";
import { notify } from "@/lib/notifications/notify";
import { notifyCase } from "@/lib/notifications/notify-case";
import { parseScreened } from "../screen-free-text";
import { requestInformationSchema } from "./compliance-schemas";
import { concernIdSchema } from "./concern-schemas";
import { lockCaseHeldBy } from "./lock-held-case";

/**
 * The officer holding a case asks one party a question. That party is notified and sees
 * the question on their own page of the case; the other party is not told. The question
 * is the officer's own words to that party, so it never carries the reporter's identity
 * unless the officer writes it.
 */
export async function requestInformation(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { recipient: string; question: string; patientDetailsConfirmed?: string[] },
  now = new Date(),
): Promise<{ requestId: string }> {
  const id = concernIdSchema.parse(concernId);
  const { data, patientDetailsConfirmed } = parseScreened(requestInformationSchema, input);
  const { recipient, question } = data;
  return db.transaction(async (tx) => {
    const concern = await lockCaseHeldBy(tx, actor, id);
    const [request] = await tx
      .insert(informationRequests)
      .values({ concernId: id, askedById: actor.userId, recipient, question, askedAt: now })
      .returning({ id: informationRequests.id });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "information_requested",
      entityType: "concern",
      entityId: id,
      details: {
        requestId: request!.id,
        recipient,
        question,
        ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
      },
    });
    if (recipient === "reporter") {
      // Asked of the reporter of record: colleagues who joined the case later are not asked,
      // and neither reads the other's answers to compliance.
      await notify(tx, [
        {
          recipientId: concern.reporterId,
          concernId: id,
          recipientRelation: "reporter",
          kind: "information_requested",
          createdAt: now,
        },
      ]);
    } else {
      await notifyCase(tx, concern, [recipient], "information_requested", now);
    }
    return { requestId: request!.id };
  });
}
