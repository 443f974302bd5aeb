import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import type { ActorRelation, TransitionRefusal } from "@/lib/domain/concern-workflow";
import { stateInSentence } from "@/lib/domain/reader-words";
import { Refusal } from "@/lib/errors/refusal";
import type { ConcernRow } from "./lock-concern";

// How a case's refusals are worded: what a person is told, and no more than they may know.

export const CASE_NOT_FOUND = "We could not find that case.";
const CLAIM_FIRST = "Claim this case first: it is not assigned to anyone.";
const TAKE_IT_OVER = "Reassign it to yourself first to act on it.";

const REFUSAL_CODES: Readonly<Record<TransitionRefusal["code"], Refusal["code"]>> = {
  actor_not_permitted: "forbidden",
  wrong_state: "conflict",
  not_significant: "conflict",
  not_due: "conflict",
  invalid_payload: "invalid_input",
};

/**
 * The rule's refusal, worded for the actor. It says where the case stands now; an officer
 * refused because someone else holds the case is told who, so they know whom to ask or
 * to take it from; an administrator, who reaches a case by reference only, nothing more.
 */
export async function transitionRefusal(
  tx: Transaction,
  decision: TransitionRefusal,
  concern: ConcernRow,
  relation: ActorRelation,
): Promise<Refusal> {
  if (relation === "admin") {
    return decision.code === "wrong_state"
      ? new Refusal("conflict", "That case is not closed, so there is nothing to reopen.")
      : new Refusal("not_found", CASE_NOT_FOUND);
  }
  const officerFacing = relation === "officer" || relation === "assignee";
  if (officerFacing && concern.assigneeId && concern.state === "in_review") {
    if (decision.code === "wrong_state") return heldBy(tx, concern);
    if (decision.code === "actor_not_permitted") return heldBy(tx, concern, TAKE_IT_OVER);
  }
  if (officerFacing && decision.code === "actor_not_permitted" && concern.state === "escalated") {
    return new Refusal("conflict", CLAIM_FIRST);
  }
  const field = decision.code === "invalid_payload" ? decision.field : undefined;
  return new Refusal(REFUSAL_CODES[decision.code], decision.message, field);
}

/**
 * Work only the officer holding a case may do (notes, questions), refused to anyone else:
 * who holds it, or that someone must claim or reopen it first.
 */
export async function notHeldRefusal(tx: Transaction, concern: ConcernRow): Promise<Refusal> {
  if (concern.state === "escalated") return new Refusal("conflict", CLAIM_FIRST);
  if (concern.state === "in_review" && concern.assigneeId) {
    return heldBy(tx, concern, TAKE_IT_OVER);
  }
  return new Refusal("conflict", "This case is closed. Reopen it first to act on it.");
}

async function heldBy(tx: Transaction, concern: ConcernRow, then?: string): Promise<Refusal> {
  const [holder] = await tx
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, concern.assigneeId!));
  const held = `This case is ${stateInSentence(concern.state, "officer")}: it is assigned to ${holder?.name ?? "another officer"}.`;
  return new Refusal("conflict", then ? `${held} ${then}` : held);
}
