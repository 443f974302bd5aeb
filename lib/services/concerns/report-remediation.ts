import type { Database } from "@/db/client";
import type { Actor } from "@/lib/authz/permissions";
import { parseScreened } from "../screen-free-text";
import { applyConcernEvent } from "./apply-concern-event";
import { concernIdSchema, reportRemediationSchema } from "./concern-schemas";

/** The colleague reports the post removed, edited, made private, or another action. */
export async function reportRemediation(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { action: string; note: string; patientDetailsConfirmed?: string[] },
  now?: Date,
) {
  const { data, patientDetailsConfirmed } = parseScreened(reportRemediationSchema, input);
  const { action, note } = data;
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: { type: "report_remediation", action, note },
    now,
    patientDetailsConfirmed,
  });
}
