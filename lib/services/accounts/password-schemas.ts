import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/domain/password-policy";

// Shared by the password forms (for their labels and limits) and the services. The policy
// itself (lib/domain/password-policy.ts) is applied by the services, which know the email.

const newPassword = z
  .string()
  .min(1, "Enter a new password.")
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .describe("New password");
const confirmPassword = z
  .string()
  .min(1, "Type the new password again.")
  .max(PASSWORD_MAX_LENGTH)
  .describe("New password again");

const sameTwice = {
  check: (input: { newPassword: string; confirmPassword: string }) =>
    input.newPassword === input.confirmPassword,
  params: {
    message: "The two passwords are not the same. Type the new one twice.",
    path: ["confirmPassword"],
  },
};

// Said in the hints: the policy's floor, for the browser to check first.
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a long password that is easy to remember.`;

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, "Enter your current password.")
      .max(PASSWORD_MAX_LENGTH)
      .describe("Current password"),
    newPassword,
    confirmPassword,
  })
  .refine(sameTwice.check, sameTwice.params);
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** Setting a password from an emailed link: a reset, or an invitation's first password. */
export const passwordFromLinkSchema = z
  .object({
    token: z.string().min(1).max(200),
    newPassword,
    confirmPassword,
  })
  .refine(sameTwice.check, sameTwice.params);
export type PasswordFromLinkInput = z.input<typeof passwordFromLinkSchema>;

export const requestPasswordResetSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email("Enter a valid email address."))
    .describe("Email"),
});
