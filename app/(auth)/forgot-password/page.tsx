import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { requestPasswordResetSchema } from "@/lib/services/accounts/password-schemas";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgotten password · Peer Concerns" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgotten your password?">
      <p className="mb-4 text-slate-700">
        Type the email address you sign in with. We will email you a link to choose a new password.
      </p>
      <ActionForm
        action={requestPasswordResetAction}
        schema={requestPasswordResetSchema}
        className="space-y-4"
      >
        <TextField name="email" type="email" autoComplete="username" />
        <SubmitButton className="w-full" pendingLabel="Sending…">
          Email me a link
        </SubmitButton>
      </ActionForm>
      <Link href="/sign-in" className="mt-4 inline-block text-sm text-brand-700 underline">
        Back to sign in
      </Link>
    </AuthCard>
  );
}
