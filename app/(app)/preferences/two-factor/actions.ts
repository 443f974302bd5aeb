"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { trustedClientAddress } from "@/lib/auth/client-address";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { regenerateRecoveryCodes } from "@/lib/services/two-factor/regenerate-recovery-codes";
import {
  disableTwoFactorSchema,
  noInputSchema,
} from "@/lib/services/two-factor/two-factor-schemas";

export const regenerateRecoveryCodesAction = formAction({
  allow: "signed-in",
  input: noInputSchema,
  run: async (actor) =>
    regenerateRecoveryCodes(getDb(), actor, trustedClientAddress(await headers())),
  done: (result) => ({
    revalidate: "/preferences/two-factor",
    message: "New recovery codes made; the old ones no longer work. They are shown only now.",
    reveal: result.recoveryCodes,
  }),
});

export const disableTwoFactorAction = formAction({
  allow: "signed-in",
  input: disableTwoFactorSchema,
  run: async (actor, input) =>
    disableTwoFactor(
      getDb(),
      actor,
      { address: trustedClientAddress(await headers()), now: new Date() },
      input,
    ),
  done: () => ({ redirect: "/preferences/two-factor?done=disabled" }),
});
