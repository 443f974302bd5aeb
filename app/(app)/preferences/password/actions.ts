"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { requestAddress } from "@/lib/auth/request-address";
import { changeOwnPassword } from "@/lib/services/accounts/change-own-password";
import { changePasswordSchema } from "@/lib/services/accounts/password-schemas";

export const changeOwnPasswordAction = formAction({
  allow: "signed-in",
  input: changePasswordSchema,
  run: async (actor, input) =>
    changeOwnPassword(getDb(), actor, input, { address: await requestAddress() }),
  done: () => ({
    message: "Password changed. You stay signed in here; everywhere else you were signed out.",
  }),
});
