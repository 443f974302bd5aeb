import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { TextareaField } from "@/components/ui/field";
import { recuseSchema } from "@/lib/services/concerns/compliance-schemas";
import { onCase } from "@/lib/services/concerns/concern-schemas";
import { recuseAction } from "../../actions";

/** Stepping aside from a case for a conflict of interest: for good, so it asks first. */
export function RecuseSection({ concernId, heldByMe }: { concernId: string; heldByMe: boolean }) {
  return (
    <section aria-labelledby="recuse" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="recuse" className="text-lg font-semibold">
        Conflict of interest
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        If you know either colleague in a way that could colour your judgement, step aside.
      </p>
      <ActionForm
        action={recuseAction}
        schema={onCase(recuseSchema)}
        className="mt-3 max-w-xl space-y-3"
        idPrefix="recuse-"
      >
        <input type="hidden" name="concernId" value={concernId} />
        <TextareaField
          name="reason"
          hint="Seen by compliance officers only, on the case's timeline."
          rows={3}
        />
        <ConfirmStep
          label="Step aside from this case…"
          variant="secondary"
          consequence={
            <p>
              You will no longer see this case, hold it or be assigned it, and this cannot be
              undone. {heldByMe ? "It goes back to the queue. " : ""}
              The other officers will be told that it needs someone else.
            </p>
          }
        >
          <SubmitButton pendingLabel="Stepping aside…">Step aside</SubmitButton>
        </ConfirmStep>
      </ActionForm>
    </section>
  );
}
