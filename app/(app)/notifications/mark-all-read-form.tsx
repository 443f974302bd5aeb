import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { markAllReadSchema } from "@/lib/services/notifications/mark-notifications-read";
import { markAllNotificationsReadAction } from "./actions";

/** Marks what the page showed as read: nothing that arrived after it. */
export function MarkAllReadForm({ upTo }: { upTo: number }) {
  return (
    <ActionForm action={markAllNotificationsReadAction} schema={markAllReadSchema}>
      <input type="hidden" name="upTo" value={upTo} />
      <SubmitButton variant="secondary" pendingLabel="Marking…">
        Mark all read
      </SubmitButton>
    </ActionForm>
  );
}
