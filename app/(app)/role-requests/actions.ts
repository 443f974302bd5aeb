"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { requestAddress } from "@/lib/auth/request-address";
import { decideRoleGrant, decideRoleGrantSchema } from "@/lib/services/roles/decide-role-grant";

export const decideRoleGrantAction = formAction({
  allow: "roles:approve",
  input: decideRoleGrantSchema,
  run: async (actor, input) =>
    decideRoleGrant(getDb(), actor, input, { address: await requestAddress() }),
  // The request leaves the list, and its form with it: the confirmation comes back in the URL.
  done: ({ decision }) => ({
    revalidate: "/role-requests",
    redirect: `/role-requests?decided=${decision}`,
  }),
});
