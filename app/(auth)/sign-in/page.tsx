import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SubmitButton } from "@/components/ui/button";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { getCurrentSession, TWO_FACTOR_PATHS } from "@/lib/authz/current-actor";
import { oidcEnabled, serverConfig } from "@/lib/config";
import { signInWithSso } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in · Peer Concerns" };

const PASSWORD_SAVED: Record<string, string> = {
  reset: "Your new password is saved. Sign in with it.",
  set: "Your password is set. Sign in with it.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; password?: string }>;
}) {
  const query = await searchParams;
  const callbackUrl = safeRedirectPath(query.callbackUrl);
  const passwordSaved = PASSWORD_SAVED[query.password ?? ""];
  const session = await getCurrentSession();
  if (session?.step === "complete") redirect(callbackUrl);
  if (session)
    redirect(`${TWO_FACTOR_PATHS[session.step]}?${new URLSearchParams({ callbackUrl })}`);
  const config = serverConfig();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-12">
      <h1 className="text-2xl font-bold text-slate-900">Peer Concerns</h1>
      <p className="mt-1 text-slate-700">
        Raise a concern about a colleague's post with them first, as the AMA's social-media policy
        asks; escalate only what stays unresolved.
      </p>
      <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">Sign in</h2>
        {passwordSaved ? (
          <p
            role="status"
            className="mb-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm"
          >
            {passwordSaved}
          </p>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} />
        <Link
          href="/forgot-password"
          className="mt-4 inline-block text-sm text-brand-700 underline"
        >
          Forgotten your password?
        </Link>
        {oidcEnabled(config) ? (
          <form action={signInWithSso} className="mt-4 border-t border-slate-200 pt-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <SubmitButton variant="secondary" className="w-full">
              Sign in with {config.OIDC_NAME}
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </main>
  );
}
