import type { Database } from "@/db/client";
import type { Actor } from "@/lib/authz/permissions";
import { applyConcernEvent } from "./apply-concern-event";
import { concernIdSchema, reportRemediationSchema } from "./concern-schemas";

/** The colleague reports the post removed, edited, made private, or another action. */
export async function reportRemediation(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { action: string; note: string },
  now?: Date,
) {
  const { action, note } = reportRemediationSchema.parse(input);
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: { type: "report_remediation", action, note },
    now,
  });
}
