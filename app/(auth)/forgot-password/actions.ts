"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { requestAddress } from "@/lib/auth/request-address";
import { requestPasswordResetSchema } from "@/lib/services/accounts/password-schemas";
import { requestPasswordReset } from "@/lib/services/accounts/request-password-reset";

// The same words whether or not an account has the address: the form tells nobody who
// has an account.
export const requestPasswordResetAction = formAction({
  allow: "anyone",
  input: requestPasswordResetSchema,
  run: async (_nobody, input) =>
    requestPasswordReset(getDb(), input, { address: await requestAddress() }),
  done: () => ({
    message:
      "If an account uses this email address, we have sent it a link to choose a new password. The link works once, for 30 minutes. If no email arrives, check the address you typed, or ask your administrator.",
  }),
});
