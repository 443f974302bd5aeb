"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { type ActionState, toActionState } from "@/lib/errors/to-action-state";
import { retryEmailDelivery } from "@/lib/services/notifications/retry-email-delivery";

const deliveryIdSchema = z.coerce.number().int().positive();

export async function retryEmailDeliveryAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("users:manage");
  try {
    await retryEmailDelivery(getDb(), actor, deliveryIdSchema.parse(form.get("deliveryId")));
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/admin/email-deliveries");
  return { status: "success", message: "Queued to be sent again." };
}
