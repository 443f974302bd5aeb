"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { recordConcernSchema } from "@/lib/services/concerns/concern-schemas";
import { recordConcern } from "@/lib/services/concerns/record-concern";

/**
 * An officer records a concern that came by another channel. When they are its reporter of
 * record they follow it from their reporter's view; otherwise the physician who raised it
 * does, and the officer returns to the form.
 */
export const recordConcernAction = formAction({
  allow: "concerns:record",
  input: recordConcernSchema,
  run: (actor, input) => recordConcern(getDb(), actor, input),
  done: ({ concernId, reporterOfRecord }) =>
    reporterOfRecord
      ? { revalidate: "/concerns", redirect: `/concerns/${concernId}?done=recorded` }
      : { redirect: "/compliance/record-concern?done=recorded_for_physician" },
});
