import { createHash } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditEvents, userRoles, users } from "@/db/schema";
import { type NotificationToSend, notify } from "@/lib/notifications/notify";
import type { AuditProblem } from "./audit-problems";
import { writeAuditEvent } from "./write-audit-event";

/** The trail's own chain of integrity alerts: each break the anchor job found, once. */
export const AUDIT_TRAIL_ENTITY = { entityType: "audit_trail", entityId: "integrity" } as const;
export const AUDIT_BREAK_DETECTED = "audit_break_detected";

/**
 * Records the problems the anchor job found that were not reported before, and tells
 * every active administrator and compliance officer, in the app and by email, through
 * the outbox in the caller's transaction. The alert says only that the trail failed its
 * check; the problems (chain and event ids, no case content) are in the audit event and
 * in `npm run audit:verify`. A break that stays is reported once, not every 15 minutes.
 * Returns the problems that were new.
 */
export async function alertAuditBreak(
  tx: Transaction,
  problems: readonly AuditProblem[],
  now: Date,
): Promise<AuditProblem[]> {
  if (problems.length === 0) return [];
  const reported = await tx
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, AUDIT_TRAIL_ENTITY.entityType),
        eq(auditEvents.entityId, AUDIT_TRAIL_ENTITY.entityId),
        eq(auditEvents.action, AUDIT_BREAK_DETECTED),
      ),
    );
  const known = new Set(
    reported.flatMap(({ details }) =>
      Array.isArray(details.problems) ? (details.problems as AuditProblem[]).map(keyOf) : [],
    ),
  );
  const fresh = problems.filter((problem) => !known.has(keyOf(problem)));
  if (fresh.length === 0) return [];

  await writeAuditEvent(tx, {
    actorId: null,
    action: AUDIT_BREAK_DETECTED,
    ...AUDIT_TRAIL_ENTITY,
    details: { problems: fresh },
  });
  const fingerprint = createHash("sha256")
    .update(JSON.stringify(fresh.map(keyOf)))
    .digest("hex")
    .slice(0, 32);
  const roles = await tx
    .select({ id: users.id, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(isNull(users.deactivatedAt), inArray(userRoles.role, ["admin", "compliance_officer"])),
    );
  // One alert per person; someone who is both reads it as the officer they also are.
  const officers = new Set(roles.filter((r) => r.role === "compliance_officer").map((r) => r.id));
  const rows = new Map<string, NotificationToSend>();
  for (const { id } of roles) {
    rows.set(id, {
      recipientId: id,
      concernId: null,
      recipientRelation: officers.has(id) ? "officer" : "admin",
      kind: "audit_trail_broken",
      createdAt: now,
      dedupeKey: `audit-break:${fingerprint}:${id}`,
    });
  }
  await notify(tx, [...rows.values()]);
  // No case content here either: counts and where to look.
  console.error(
    `[audit] integrity check failed: ${fresh.length} new problem(s); the affected chains are not anchored. Run \`npm run audit:verify\` for details.`,
  );
  return fresh;
}

function keyOf(problem: AuditProblem): string {
  return `${problem.chain}|${problem.id}|${problem.problem}`;
}
