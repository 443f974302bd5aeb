import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { emailDeliveries } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { enqueueEmailDelivery } from "@/lib/notifications/notify";

const DELIVERY_NOT_FOUND = "We could not find that email.";

export const retryEmailDeliverySchema = z.object({
  deliveryId: z.coerce
    .number(DELIVERY_NOT_FOUND)
    .int(DELIVERY_NOT_FOUND)
    .positive(DELIVERY_NOT_FOUND),
});

/**
 * An administrator sends a failed email again (after fixing the mail server, say): the
 * delivery goes back to pending with a fresh series of attempts, its job is queued and
 * the retry is audited, in one transaction. Only a failed delivery can be retried, so a
 * double click or two administrators at once queue it once.
 */
export async function retryEmailDelivery(db: Database, actor: Actor, id: number): Promise<void> {
  assertCan(actor, "users:manage");
  const { deliveryId } = retryEmailDeliverySchema.parse({ deliveryId: id });
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ attempts: emailDeliveries.attempts })
      .from(emailDeliveries)
      .where(eq(emailDeliveries.id, deliveryId));
    const [delivery] = await tx
      .update(emailDeliveries)
      .set({ status: "pending", failedAt: null, attempts: 0 })
      .where(and(eq(emailDeliveries.id, deliveryId), eq(emailDeliveries.status, "failed")))
      .returning({ id: emailDeliveries.id });
    if (!delivery) {
      throw new Refusal(
        "conflict",
        "This email is no longer waiting for a retry. Reload to see its current state.",
      );
    }
    await enqueueEmailDelivery(tx, delivery.id);
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "email_delivery_retried",
      entityType: "email_delivery",
      entityId: String(delivery.id),
      details: { attemptsBefore: before?.attempts ?? 0 },
    });
  });
}
