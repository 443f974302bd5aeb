/**
 * Separation of duties, as pure rules: an officer steps aside from a case, nobody gives
 * themselves a role, and the role that opens every escalated case (the compliance
 * officer's) needs a second person's approval.
 */
import type { Role } from "@/lib/authz/roles";

/**
 * Roles an administrator's say-so is not enough for: a second person must approve. The
 * officer's opens every escalated case; the administrator's too, or one administrator could
 * invent a second one to approve her own request.
 */
export const ROLES_NEEDING_APPROVAL: readonly Role[] = ["compliance_officer", "admin"];

/** Recusing from a case one holds hands it back to the queue; otherwise nothing moves. */
export function recusalReleasesCase(
  concern: { state: string; assigneeId: string | null },
  officerId: string,
): boolean {
  return concern.state === "in_review" && concern.assigneeId === officerId;
}

export type RoleChangeDecision =
  | { ok: false; reason: "self_grant" }
  | {
      ok: true;
      /** Added at once. */
      grant: Role[];
      /** Asked for: added only when a second person approves. */
      request: Role[];
      /** Taken away at once (removing power never needs a second person). */
      remove: Role[];
    };

/**
 * What becomes of an administrator's change to someone's roles. Nobody adds a role to
 * their own account; a role needing approval becomes a request instead of a grant.
 */
export function decideRoleChange(params: {
  actorId: string;
  userId: string;
  before: readonly Role[];
  after: readonly Role[];
}): RoleChangeDecision {
  const added = params.after.filter((role) => !params.before.includes(role));
  if (params.actorId === params.userId && added.length > 0)
    return { ok: false, reason: "self_grant" };
  return {
    ok: true,
    grant: added.filter((role) => !ROLES_NEEDING_APPROVAL.includes(role)),
    request: added.filter((role) => ROLES_NEEDING_APPROVAL.includes(role)),
    remove: params.before.filter((role) => !params.after.includes(role)),
  };
}

export type RoleGrantRefusal = "own_request" | "own_role" | "already_decided";

/**
 * Whether this person may decide a pending role request: never the one who asked, never
 * the one it is for, and only once.
 */
export function roleGrantDecisionRefusal(
  request: { requestedById: string; userId: string; decidedAt: Date | null },
  deciderId: string,
): RoleGrantRefusal | null {
  if (request.decidedAt) return "already_decided";
  if (request.requestedById === deciderId) return "own_request";
  if (request.userId === deciderId) return "own_role";
  return null;
}
