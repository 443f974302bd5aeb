"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import {
  retryEmailDelivery,
  retryEmailDeliverySchema,
} from "@/lib/services/notifications/retry-email-delivery";

export const retryEmailDeliveryAction = formAction({
  allow: "users:manage",
  input: retryEmailDeliverySchema,
  run: (actor, { deliveryId }) => retryEmailDelivery(getDb(), actor, deliveryId),
  done: () => ({ revalidate: "/admin/email-deliveries", message: "Queued to be sent again." }),
});
