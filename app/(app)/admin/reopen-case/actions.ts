"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { reopenByReferenceSchema } from "@/lib/services/concerns/compliance-schemas";
import { reopenCaseByReference } from "@/lib/services/concerns/reopen-case";

export const reopenByReferenceAction = formAction({
  allow: "users:manage",
  input: reopenByReferenceSchema,
  run: (actor, input) => reopenCaseByReference(getDb(), actor, input),
  done: ({ reference }) => ({
    message: `${reference} is reopened and back in the compliance queue. Both parties and the officers have been told.`,
  }),
});
