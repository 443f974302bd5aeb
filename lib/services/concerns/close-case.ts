import type { Database } from "@/db/client";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { parseScreened } from "../screen-free-text";
import { applyConcernEvent } from "./apply-concern-event";
import { closeCaseSchema, concernIdSchema } from "./concern-schemas";

/** A compliance officer decides an escalated case; both parties are told it is closed. */
export async function closeCase(
  db: Database,
  actor: Actor,
  concernId: string,
  input: {
    outcome: string;
    rationale: string;
    externalAuthority?: string;
    partySummary?: string;
    patientDetailsConfirmed?: string[];
  },
  now?: Date,
) {
  assertCan(actor, "compliance:work");
  const { data, patientDetailsConfirmed } = parseScreened(closeCaseSchema, input);
  const { outcome, rationale, externalAuthority, partySummary } = data;
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: { type: "close_case", outcome, rationale, externalAuthority, partySummary },
    now,
    patientDetailsConfirmed,
  });
}
