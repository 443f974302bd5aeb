import type { Database } from "@/db/client";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { applyConcernEvent } from "./apply-concern-event";
import { closeCaseSchema, concernIdSchema } from "./concern-schemas";

/** A compliance officer decides an escalated case; both parties are told it is closed. */
export async function closeCase(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { outcome: string; rationale: string; externalAuthority?: string; partySummary?: string },
  now?: Date,
) {
  assertCan(actor, "compliance:work");
  const { outcome, rationale, externalAuthority, partySummary } = closeCaseSchema.parse(input);
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: { type: "close_case", outcome, rationale, externalAuthority, partySummary },
    now,
  });
}
