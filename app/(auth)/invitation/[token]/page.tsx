import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { SetPasswordForm } from "@/components/set-password-form";
import { getDb } from "@/db/client";
import { findUsableAccountLink } from "@/lib/queries/account-links";
import { DEAD_LINK } from "@/lib/services/accounts/set-password-from-link";
import { acceptInvitationAction } from "../actions";

export const metadata: Metadata = { title: "Set your password · Peer Concerns" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findUsableAccountLink(getDb(), token, "invitation");
  if (!link) {
    return (
      <AuthCard title="This invitation no longer works">
        <p className="text-slate-700">{DEAD_LINK.invitation}</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Welcome to Peer Concerns: set your password">
      <p className="mb-4 text-slate-700">
        Your account is {link.email}. Choose the password you will sign in with; nobody else, not
        even your administrator, will know it.
      </p>
      <SetPasswordForm
        action={acceptInvitationAction}
        token={token}
        email={link.email}
        submit="Set my password"
      />
    </AuthCard>
  );
}
