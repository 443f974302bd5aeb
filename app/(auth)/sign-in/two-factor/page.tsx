import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/(app)/sign-out-action";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { requirePasswordSession, TWO_FACTOR_PATHS } from "@/lib/authz/current-actor";
import { homePathFor } from "@/lib/authz/permissions";
import { secondFactorSchema } from "@/lib/services/two-factor/two-factor-schemas";
import { passSecondFactorAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in · Peer Concerns" };

export default async function TwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const session = await requirePasswordSession();
  const callbackUrl = safeRedirectPath(
    (await searchParams).callbackUrl,
    homePathFor(session.reader),
  );
  if (session.step === "complete") redirect(callbackUrl);
  if (session.step === "enrol") redirect(TWO_FACTOR_PATHS.enrol);
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-12">
      <h1 className="text-2xl font-bold text-slate-900">Two-factor sign-in</h1>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ActionForm action={passSecondFactorAction} schema={secondFactorSchema}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <TextField
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            hint="Open your authenticator app and enter the 6-digit code for Peer Concerns. Without your phone, enter one of your recovery codes."
          />
          <SubmitButton className="w-full" pendingLabel="Checking…">
            Continue
          </SubmitButton>
        </ActionForm>
        <form action={signOutAction} className="mt-4 border-t border-slate-200 pt-4">
          <SubmitButton variant="secondary" className="w-full">
            Sign out
          </SubmitButton>
        </form>
      </div>
      <p className="mt-4 text-sm text-slate-600">
        Lost your phone and your recovery codes? Ask an administrator to help you.
      </p>
    </main>
  );
}
