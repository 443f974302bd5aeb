import type { Transaction } from "@/db/client";
import { assertCan } from "@/lib/authz/assert-can";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { CASE_NOT_FOUND, notHeldRefusal } from "./case-refusals";
import { lockConcern } from "./lock-concern";

/**
 * Locks a case for work that only the officer holding it may do (notes, requests for
 * information), so the check and the write see the same holder. Anyone else is told who
 * holds it, or to claim it first.
 */
export async function lockCaseHeldBy(tx: Transaction, actor: Actor, concernId: string) {
  assertCan(actor, "compliance:work");
  const concern = await lockConcern(tx, concernId, { scope: concernScope(actor, "officer") });
  if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
  if (concern.state === "in_review" && concern.assigneeId === actor.userId) return concern;
  throw await notHeldRefusal(tx, concern);
}
