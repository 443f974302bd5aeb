import { z } from "zod";

/** What the sign-in form sends; the credentials themselves are checked by Auth.js. */
export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(254).describe("Email"),
  password: z.string().min(1, "Enter your password.").max(1024).describe("Password"),
  callbackUrl: z.string().optional(),
});
