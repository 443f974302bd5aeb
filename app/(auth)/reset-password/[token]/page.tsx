import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { SetPasswordForm } from "@/components/set-password-form";
import { getDb } from "@/db/client";
import { findUsableAccountLink } from "@/lib/queries/account-links";
import { DEAD_LINK } from "@/lib/services/accounts/set-password-from-link";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password · Peer Concerns" };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const link = await findUsableAccountLink(getDb(), token, "password_reset");
  if (!link) {
    return (
      <AuthCard title="This link no longer works">
        <p className="text-slate-700">{DEAD_LINK.password_reset}</p>
        <Link href="/forgot-password" className="mt-4 inline-block text-brand-700 underline">
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <p className="mb-4 text-slate-700">
        For {link.email}. Once it is saved, you are signed out everywhere and sign in with the new
        password.
      </p>
      <SetPasswordForm
        action={resetPasswordAction}
        token={token}
        email={link.email}
        submit="Save the new password"
      />
    </AuthCard>
  );
}
