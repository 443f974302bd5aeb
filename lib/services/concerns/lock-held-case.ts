import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { concerns, users } from "@/db/schema";
import { assertCan } from "@/lib/authz/assert-can";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { CASE_NOT_FOUND } from "./apply-concern-event";

/**
 * Locks a case for work that only the officer holding it may do (notes, requests for
 * information), so the check and the write see the same holder. Anyone else is told who
 * holds it, or to claim it first.
 */
export async function lockCaseHeldBy(tx: Transaction, actor: Actor, concernId: string) {
  assertCan(actor, "compliance:work");
  const [concern] = await tx
    .select()
    .from(concerns)
    .where(and(eq(concerns.id, concernId), concernScope(actor, "officer")))
    .for("update");
  if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
  if (concern.state === "in_review" && concern.assigneeId === actor.userId) return concern;
  if (concern.state === "escalated") {
    throw new Refusal("conflict", "Claim this case first: it is not assigned to anyone.");
  }
  if (concern.state === "in_review" && concern.assigneeId) {
    const [holder] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, concern.assigneeId));
    throw new Refusal(
      "conflict",
      `This case is assigned to ${holder?.name ?? "another officer"}. Reassign it to yourself first to act on it.`,
    );
  }
  throw new Refusal("conflict", "This case is closed. Reopen it first to act on it.");
}
