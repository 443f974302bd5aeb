import { followsAsReporter } from "@/lib/authz/concern-access";
import { type Actor, can } from "@/lib/authz/permissions";
import type { ThreadParty } from "@/lib/domain/case-thread";

/**
 * Which of the two colleagues the actor is on this case, holding the role that side needs
 * (as concernScope asks), or null: officers read the thread but do not write in it.
 */
export function threadPartyOf(
  actor: Actor,
  concern: { reporterId: string; recordedById: string | null; subjectId: string },
): ThreadParty | null {
  if (followsAsReporter(actor, concern)) return "reporter";
  if (concern.subjectId === actor.userId && can(actor, "notices:respond")) return "subject";
  return null;
}
