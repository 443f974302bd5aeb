"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { requestAddress } from "@/lib/auth/request-address";
import { passwordFromLinkSchema } from "@/lib/services/accounts/password-schemas";
import { setPasswordFromLink } from "@/lib/services/accounts/set-password-from-link";

export const acceptInvitationAction = formAction({
  allow: "anyone",
  input: passwordFromLinkSchema,
  run: async (_nobody, input) =>
    setPasswordFromLink(getDb(), "invitation", input, { address: await requestAddress() }),
  done: () => ({ redirect: "/sign-in?password=set" }),
});
