"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import {
  disputeSchema,
  onCase,
  reportRemediationSchema,
} from "@/lib/services/concerns/concern-schemas";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";

export const reportRemediationAction = formAction({
  allow: "notices:respond",
  input: onCase(reportRemediationSchema),
  run: (actor, { concernId, ...input }) => reportRemediation(getDb(), actor, concernId, input),
  done: (_result, { concernId }) => ({
    revalidate: "/notices",
    redirect: `/notices/${concernId}?done=report_remediation`,
  }),
});

export const disputeAction = formAction({
  allow: "notices:respond",
  input: onCase(disputeSchema),
  run: (actor, { concernId, ...input }) => disputeConcern(getDb(), actor, concernId, input),
  done: (_result, { concernId }) => ({
    revalidate: "/notices",
    redirect: `/notices/${concernId}?done=dispute`,
  }),
});
