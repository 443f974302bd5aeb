import type { Database } from "@/db/client";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { parseScreened } from "../screen-free-text";
import { applyConcernEvent } from "./apply-concern-event";
import { releaseCaseSchema } from "./compliance-schemas";
import { concernIdSchema } from "./concern-schemas";

/** The officer holding a case hands it back to the queue; its clocks keep running. */
export async function releaseCase(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { reason?: string; patientDetailsConfirmed?: string[] } = {},
  now?: Date,
) {
  assertCan(actor, "compliance:work");
  const { data, patientDetailsConfirmed } = parseScreened(releaseCaseSchema, input);
  const { reason } = data;
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: { type: "release", reason: reason || undefined },
    now,
    patientDetailsConfirmed,
  });
}
