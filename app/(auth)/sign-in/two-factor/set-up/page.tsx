import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/(app)/sign-out-action";
import { EnrolmentSteps } from "@/components/two-factor/enrolment-steps";
import { SubmitButton } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { requirePasswordSession, TWO_FACTOR_PATHS } from "@/lib/authz/current-actor";
import { homePathFor } from "@/lib/authz/permissions";
import { loadTwoFactorStatus } from "@/lib/queries/two-factor";
import { beginEnrolmentAction, confirmEnrolmentAction } from "../actions";

export const metadata: Metadata = { title: "Set up two-factor sign-in · Peer Concerns" };

/**
 * Where someone who must use two-factor sign-in and has not set it up lands after their
 * password; nothing else opens until it is done. Once done it stays, to show the recovery
 * codes that were just made.
 */
export default async function SetUpTwoFactorPage() {
  const session = await requirePasswordSession();
  if (session.step === "enter_code") redirect(TWO_FACTOR_PATHS.enter_code);
  const status = await loadTwoFactorStatus(getDb(), session.reader.userId);
  if (session.step === "complete" && !status.enrolledAt) redirect(homePathFor(session.reader));
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center px-4 py-12">
      <h1 className="text-2xl font-bold text-slate-900">Set up two-factor sign-in</h1>
      <p className="mt-2 text-slate-700">
        Your role or your organisation asks that you sign in with your password and a code from an
        authenticator app on your phone. Setting it up takes a minute, once; nothing else opens
        until it is done.
      </p>
      <div className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {status.enrolledAt ? (
          <p className="text-slate-800">Two-factor sign-in is on for you.</p>
        ) : null}
        <EnrolmentSteps
          enrolled={status.enrolledAt !== null}
          pendingSecret={status.pendingSecret}
          email={session.reader.email}
          begin={beginEnrolmentAction}
          confirm={confirmEnrolmentAction}
          continueHref={homePathFor(session.reader)}
        />
      </div>
      <form action={signOutAction} className="mt-4">
        <SubmitButton variant="secondary">Sign out</SubmitButton>
      </form>
    </main>
  );
}
