"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { fileAppealSchema } from "@/lib/services/concerns/appeal-schemas";
import {
  disputeSchema,
  onCase,
  reportRemediationSchema,
} from "@/lib/services/concerns/concern-schemas";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { fileAppeal } from "@/lib/services/concerns/file-appeal";
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

export const fileAppealAction = formAction({
  allow: "notices:respond",
  input: onCase(fileAppealSchema),
  run: (actor, { concernId, ...input }) => fileAppeal(getDb(), actor, concernId, input),
  done: (_result, { concernId }) => ({
    revalidate: "/notices",
    redirect: `/notices/${concernId}?done=appeal`,
  }),
});
