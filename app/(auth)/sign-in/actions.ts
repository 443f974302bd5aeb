"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { SignInThrottled, signIn } from "@/lib/auth/next-auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import type { ActionState } from "@/lib/errors/to-action-state";

const signInForm = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024),
});

export async function signInWithPassword(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const parsed = signInForm.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) {
    return {
      status: "error",
      message: "Enter your email address and password.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  }
  try {
    await signIn("credentials", {
      ...parsed.data,
      redirectTo: safeRedirectPath(form.get("callbackUrl")),
    });
    return { status: "success" };
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors are failures to report.
    if (!(error instanceof AuthError)) throw error;
    if (error instanceof SignInThrottled) {
      return { status: "error", message: throttledMessage(error.retryAt) };
    }
    const deactivated = "code" in error && error.code === "deactivated";
    return {
      status: "error",
      message: deactivated
        ? "This account has been deactivated. Contact your administrator."
        : error.type === "CredentialsSignin"
          ? "Incorrect email or password."
          : "Sign-in is unavailable right now. Please try again.",
    };
  }
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn("sso", { redirectTo: safeRedirectPath(form.get("callbackUrl")) });
}

// Said whether or not the password was right: a locked-out attempt is not checked at all.
function throttledMessage(retryAt: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
  return `Too many failed sign-in attempts. For your account's safety, sign-in is paused: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
