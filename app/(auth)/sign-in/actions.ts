"use server";

import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { SignInThrottled, signIn } from "@/lib/auth/next-auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { Refusal } from "@/lib/errors/refusal";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { lockedOutMessage } from "./locked-out-message";

export const signInWithPassword = formAction({
  allow: "anyone",
  input: signInSchema,
  invalid: "Enter your email address and password.",
  run: async (_nobody, { callbackUrl, ...credentials }) => {
    try {
      // Redirects by throwing when the credentials are right: back through the sign-in
      // page, which sends a session that still owes its second factor to that step.
      await signIn("credentials", { ...credentials, redirectTo: afterPassword(callbackUrl) });
    } catch (error) {
      // Only Auth.js's own errors are failures to report.
      if (!(error instanceof AuthError)) throw error;
      if (error instanceof SignInThrottled) {
        const { supportContact } = await loadWorkflowSettings(getDb());
        throw new Refusal("rate_limited", lockedOutMessage(error.retryAt, supportContact));
      }
      throw signInRefusal(error);
    }
  },
  done: () => ({ message: "" }),
});

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn("sso", { redirectTo: safeRedirectPath(form.get("callbackUrl")) });
}

function afterPassword(callbackUrl: unknown): string {
  return `/sign-in?${new URLSearchParams({ callbackUrl: safeRedirectPath(callbackUrl) })}`;
}

function signInRefusal(error: AuthError): Refusal {
  if ("code" in error && error.code === "deactivated") {
    return new Refusal(
      "forbidden",
      "This account has been deactivated. Contact your administrator.",
    );
  }
  return error.type === "CredentialsSignin"
    ? new Refusal("invalid_input", "Incorrect email or password.")
    : new Refusal("conflict", "Sign-in is unavailable right now. Please try again.");
}
