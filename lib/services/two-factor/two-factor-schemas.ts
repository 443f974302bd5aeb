import { z } from "zod";

/** A code from the authenticator app: six digits; spaces people type in the middle are dropped. */
const appCode = () =>
  z
    .string()
    .transform((typed) => typed.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code your authenticator app shows."));

/** Proving the app works before it counts: the first code it shows. */
export const confirmEnrolmentSchema = z.object({
  code: appCode().describe("Code from your authenticator app"),
});

/** Signing in: the app's code, or one of the recovery codes when the phone is not at hand. */
export const secondFactorSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the code from your authenticator app, or a recovery code.")
    .max(32, "That is longer than any code.")
    .describe("Code from your authenticator app, or a recovery code"),
  /** Where the person was going when asked to sign in. */
  callbackUrl: z.string().optional(),
});

/** Turning it off asks for a current code, so a session left open cannot do it. */
export const disableTwoFactorSchema = z.object({
  code: appCode().describe("Code from your authenticator app"),
});

export const noInputSchema = z.object({});
