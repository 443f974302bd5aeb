import type { Database } from "@/db/client";
import type { Actor } from "@/lib/authz/permissions";
import { parseScreened } from "../screen-free-text";
import { applyConcernEvent } from "./apply-concern-event";
import { concernIdSchema, disputeSchema } from "./concern-schemas";

/** The colleague disagrees with the concern and explains why. */
export async function disputeConcern(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { explanation: string; patientDetailsConfirmed?: string[] },
  now?: Date,
) {
  const { data, patientDetailsConfirmed } = parseScreened(disputeSchema, input);
  const { explanation } = data;
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: { type: "dispute", explanation },
    now,
    patientDetailsConfirmed,
  });
}
