import type { Metadata } from "next";
import {
  beginEnrolmentAction,
  confirmEnrolmentAction,
} from "@/app/(auth)/sign-in/two-factor/actions";
import { EnrolmentSteps } from "@/components/two-factor/enrolment-steps";
import { RevealedCodes } from "@/components/two-factor/revealed-codes";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { DateTime } from "@/components/ui/date-time";
import { TextField } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/authz/current-actor";
import { twoFactorRequired } from "@/lib/domain/two-factor";
import { loadTwoFactorStatus } from "@/lib/queries/two-factor";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import {
  disableTwoFactorSchema,
  noInputSchema,
} from "@/lib/services/two-factor/two-factor-schemas";
import { disableTwoFactorAction, regenerateRecoveryCodesAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in · Peer Concerns" };

export default async function TwoFactorPreferencesPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await requireActor();
  const db = getDb();
  const [status, settings] = await Promise.all([
    loadTwoFactorStatus(db, actor.userId),
    loadWorkflowSettings(db),
  ]);
  const required = twoFactorRequired(actor.roles, settings.twoFactorForEveryone);
  const enrolled = status.enrolledAt !== null;
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">Two-factor sign-in</h1>
      {(await searchParams).done === "disabled" && !enrolled ? (
        <p
          role="status"
          className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm"
        >
          Two-factor sign-in is off.
        </p>
      ) : null}
      <p className="text-slate-700">
        {enrolled ? (
          <>
            You sign in with your password and a code from your authenticator app, since{" "}
            <DateTime date={status.enrolledAt!} timeZone={actor.timeZone} />.
          </>
        ) : (
          "You sign in with your password only. With two-factor sign-in, someone who learns your password still cannot sign in as you without your phone."
        )}{" "}
        {required ? "It is required for you." : "It is optional for you."}
      </p>
      <EnrolmentSteps
        enrolled={enrolled}
        pendingSecret={status.pendingSecret}
        email={actor.email}
        begin={beginEnrolmentAction}
        confirm={confirmEnrolmentAction}
        continueHref="/preferences/two-factor"
      />
      {enrolled ? (
        <section aria-labelledby="recovery" className="space-y-3">
          <h2 id="recovery" className="text-lg font-semibold">
            Recovery codes
          </h2>
          <p className="text-slate-700">
            {status.unusedRecoveryCodes === 0
              ? "You have no unused recovery codes: make some, in case you lose your phone."
              : `You have ${status.unusedRecoveryCodes} unused recovery code${status.unusedRecoveryCodes === 1 ? "" : "s"}.`}
          </p>
          <ActionForm
            action={regenerateRecoveryCodesAction}
            schema={noInputSchema}
            idPrefix="codes-"
          >
            <ConfirmStep
              label="Make new recovery codes"
              consequence="Your current recovery codes stop working at once, used or not."
            >
              <SubmitButton pendingLabel="Making codes…">Make new codes</SubmitButton>
            </ConfirmStep>
            <RevealedCodes />
          </ActionForm>
        </section>
      ) : null}
      {enrolled && !required ? (
        <section aria-labelledby="turn-off" className="space-y-3">
          <h2 id="turn-off" className="text-lg font-semibold">
            Turn off two-factor sign-in
          </h2>
          <ActionForm
            action={disableTwoFactorAction}
            schema={disableTwoFactorSchema}
            idPrefix="off-"
          >
            <TextField name="code" inputMode="numeric" autoComplete="one-time-code" />
            <ConfirmStep
              label="Turn off two-factor sign-in"
              variant="danger"
              consequence="Your authenticator app's key and your recovery codes stop working. To use two-factor sign-in again you set it up anew."
            >
              <SubmitButton variant="danger" pendingLabel="Turning off…">
                Turn it off
              </SubmitButton>
            </ConfirmStep>
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
