import type { Database } from "@/db/client";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { applyConcernEvent } from "./apply-concern-event";
import { concernIdSchema } from "./concern-schemas";

/**
 * An officer takes an escalated case. Of several officers claiming at once, the row lock
 * lets exactly one through; the others are told who holds it now.
 */
export async function claimCase(db: Database, actor: Actor, concernId: string, now?: Date) {
  assertCan(actor, "compliance:work");
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: { type: "claim" },
    now,
  });
}
