import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { caseRecusals, notifications } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { recusalReleasesCase } from "@/lib/domain/separation-of-duties";
import { Refusal } from "@/lib/errors/refusal";
import { notifyCase } from "@/lib/notifications/notify-case";
import { parseScreened } from "../screen-free-text";
import { applyToLockedConcern } from "./apply-concern-event";
import { CASE_NOT_FOUND } from "./case-refusals";
import { recuseSchema } from "./compliance-schemas";
import { concernIdSchema } from "./concern-schemas";
import { lockConcern } from "./lock-concern";

/**
 * An officer steps aside from a case (a conflict of interest), with a reason. Under the
 * case's lock: if they hold it, it goes back to the queue; the recusal is recorded, so from
 * now on the case is outside their scope (not found, not in their queue, not assignable to
 * them) and out of their notifications; the case's audit chain says why; the other officers
 * are told it needs someone else.
 */
export async function recuseFromCase(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { reason: string; patientDetailsConfirmed?: string[] },
  now = new Date(),
): Promise<void> {
  assertCan(actor, "compliance:work");
  const id = concernIdSchema.parse(concernId);
  const { data, patientDetailsConfirmed } = parseScreened(recuseSchema, input);
  await db.transaction(async (tx) => {
    const concern = await lockConcern(tx, id, { scope: concernScope(actor, "officer") });
    if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
    const released = recusalReleasesCase(concern, actor.userId);
    if (released) await applyToLockedConcern(tx, concern, actor, { type: "release" }, now);
    await tx
      .insert(caseRecusals)
      .values({ concernId: id, officerId: actor.userId, reason: data.reason, recusedAt: now });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "officer_recused",
      entityType: "concern",
      entityId: id,
      details: {
        reason: data.reason,
        released,
        ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
      },
    });
    // Their notifications of the case leave their list (lib/queries/notifications.ts); read,
    // so the count of unread ones does not point at what they can no longer open.
    await tx
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.recipientId, actor.userId),
          eq(notifications.concernId, id),
          isNull(notifications.readAt),
        ),
      );
    // Told after the recusal is stored, so the officer stepping aside is not among them.
    await notifyCase(tx, concern, ["officers"], "officer_recused", now);
  });
}
