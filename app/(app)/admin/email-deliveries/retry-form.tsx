import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { retryEmailDeliverySchema } from "@/lib/services/notifications/retry-email-delivery";
import { retryEmailDeliveryAction } from "./actions";

export function RetryDeliveryForm({ deliveryId, label }: { deliveryId: number; label: string }) {
  return (
    <ActionForm
      action={retryEmailDeliveryAction}
      schema={retryEmailDeliverySchema}
      className="space-y-1"
    >
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton variant="secondary" pendingLabel="Queuing…" aria-label={label}>
        Retry
      </SubmitButton>
    </ActionForm>
  );
}
