import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import { groupedSecret, otpauthUri } from "@/lib/domain/two-factor";
import {
  confirmEnrolmentSchema,
  noInputSchema,
} from "@/lib/services/two-factor/two-factor-schemas";
import { RevealedCodes } from "./revealed-codes";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Setting up two-factor sign-in, while signing in or from Preferences: a new secret, added
 * to an authenticator app by its key or its otpauth link, then proved with the app's
 * first code, which shows the recovery codes once. The confirming form stays in the same
 * place once done, so without JavaScript the page drawn after it still shows the codes.
 */
export function EnrolmentSteps({
  enrolled,
  pendingSecret,
  email,
  begin,
  confirm,
  continueHref,
}: {
  enrolled: boolean;
  pendingSecret: string | null;
  email: string;
  begin: Action;
  confirm: Action;
  continueHref: string;
}) {
  return (
    <div className="space-y-4">
      {enrolled ? null : pendingSecret ? (
        <ol className="list-decimal space-y-3 pl-5 text-slate-800">
          <li>
            In your authenticator app (such as Google Authenticator, Microsoft Authenticator or
            1Password), add an account and enter this key:
            <code className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-base">
              {groupedSecret(pendingSecret)}
            </code>
            <span className="mt-1 block text-sm text-slate-600">
              On this phone,{" "}
              <a href={otpauthUri(pendingSecret, email)} className="text-brand-700 underline">
                open it in your authenticator app
              </a>
              . The link, to copy:{" "}
              <code className="break-all">{otpauthUri(pendingSecret, email)}</code>
            </span>
          </li>
          <li>Enter the 6-digit code the app shows for Peer Concerns.</li>
        </ol>
      ) : (
        <ActionForm action={begin} schema={noInputSchema} idPrefix="begin-">
          <SubmitButton pendingLabel="Making a key…">Set up two-factor sign-in</SubmitButton>
        </ActionForm>
      )}
      <ActionForm action={confirm} schema={confirmEnrolmentSchema} className="max-w-md space-y-4">
        {pendingSecret && !enrolled ? (
          <>
            <TextField name="code" inputMode="numeric" autoComplete="one-time-code" />
            <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
          </>
        ) : null}
        <RevealedCodes continueHref={continueHref} />
      </ActionForm>
    </div>
  );
}
