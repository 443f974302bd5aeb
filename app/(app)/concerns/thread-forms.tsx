import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmationBox, TextareaField } from "@/components/ui/field";
import { threadStatus } from "@/lib/domain/case-thread";
import type { ConcernState } from "@/lib/domain/concern-workflow";
import { postMessageSchema, reportMessageSchema } from "@/lib/services/concerns/thread-schemas";
import { postMessageAction, reportMessageAction } from "./actions";

/**
 * Where a party writes to the other, or, once the case is finished, the sentence why
 * they no longer can. A confidential reporter is reminded that the colleague reads it.
 */
export function MessageFormOrClosed({
  concernId,
  state,
  recipient,
  confidentialReporter,
}: {
  concernId: string;
  state: ConcernState;
  /** The other party, as the reader may name them. */
  recipient: string;
  confidentialReporter: boolean;
}) {
  const status = threadStatus(state);
  if (!status.open) {
    return (
      <p
        className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm"
        data-testid="thread-closed"
      >
        {status.why}
      </p>
    );
  }
  return (
    <ActionForm
      action={postMessageAction}
      schema={postMessageSchema}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      idPrefix="message-"
    >
      <input type="hidden" name="concernId" value={concernId} />
      <TextareaField
        name="body"
        rows={4}
        label={`Your message to ${recipient}`}
        hint={
          confidentialReporter
            ? "Your colleague will read this, and the compliance team if the case reaches them. You chose to stay confidential: leave out your name and anything that would identify you. Messages cannot be changed once sent."
            : "They will read this, and the compliance team if the case reaches them. Messages cannot be changed once sent."
        }
      />
      <ConfirmationBox name="identityConfirmed" />
      <SubmitButton pendingLabel="Sending…">Send message</SubmitButton>
    </ActionForm>
  );
}

/** Report one message of the other party as abusive; opens on demand, works without JavaScript. */
export function ReportMessageForm({ messageId }: { messageId: number }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-brand-700 underline">Report this message</summary>
      <ActionForm
        action={reportMessageAction}
        schema={reportMessageSchema}
        className="mt-2 space-y-2"
        idPrefix={`report-${messageId}-`}
      >
        <input type="hidden" name="messageId" value={messageId} />
        <p>
          If this message is abusive, the compliance team will read it. Your colleague is not told
          that you reported it.
        </p>
        <TextareaField name="reason" rows={2} />
        <SubmitButton variant="secondary" pendingLabel="Reporting…">
          Report to the compliance team
        </SubmitButton>
      </ActionForm>
    </details>
  );
}
