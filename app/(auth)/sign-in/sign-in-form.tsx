import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { signInWithPassword } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  return (
    <ActionForm action={signInWithPassword} schema={signInSchema} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField name="email" type="email" autoComplete="username" />
      <TextField name="password" type="password" autoComplete="current-password" />
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </ActionForm>
  );
}
