import { and, eq, isNull, ne } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { concerns, userRoles, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { relationToConcern } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import {
  type ActorRelation,
  type ConcernEvent,
  type ConcernState,
  decideTransition,
  type NotificationIntent,
  type TransitionRefusal,
} from "@/lib/domain/concern-workflow";
import { Refusal } from "@/lib/errors/refusal";
import { scheduleDueCheck } from "@/lib/jobs/schedule-due-check";
import { scheduleReminder } from "@/lib/jobs/schedule-reminder";
import { type NotificationToSend, notify } from "@/lib/notifications/notify";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";

type ConcernRow = typeof concerns.$inferSelect;
export type EventSource = Actor | "system";

export const CASE_NOT_FOUND = "We could not find that case.";

/**
 * The one way a concern changes state: lock the row, establish the actor's relation to
 * it, let the pure rule decide, write the change conditionally on the state we read,
 * record the audit event, the notifications (in-app, with their email jobs), the next
 * durable deadline and reminder jobs, and commit them together. A concurrent change
 * makes the later one a clear conflict.
 */
export async function applyConcernEvent(
  db: Database,
  params: { concernId: string; by: EventSource; event: ConcernEvent; now?: Date },
): Promise<{ state: ConcernState }> {
  return db.transaction(async (tx) => {
    const [concern] = await tx
      .select()
      .from(concerns)
      .where(eq(concerns.id, params.concernId))
      .for("update");
    if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
    return applyToLockedConcern(tx, concern, params.by, params.event, params.now ?? new Date());
  });
}

/** For callers that already hold the row lock in their own transaction (the timed steps). */
export async function applyToLockedConcern(
  tx: Transaction,
  concern: ConcernRow,
  by: EventSource,
  event: ConcernEvent,
  now: Date,
): Promise<{ state: ConcernState }> {
  const relation: ActorRelation | null =
    by === "system" ? "system" : relationToConcern(by, concern);
  // A stranger learns nothing, not even that the case exists.
  if (!relation) throw new Refusal("not_found", CASE_NOT_FOUND);

  const { windows } = await loadWorkflowSettings(tx);
  const decision = decideTransition({
    concern: {
      state: concern.state,
      significant: concern.severity === "significantly_violates_norms",
      responseDueAt: concern.responseDueAt,
      confirmationDueAt: concern.confirmationDueAt,
    },
    event,
    actor: relation,
    now,
    windows,
  });
  if (!decision.ok) throw refusalFor(decision);
  // Opening a notice is recorded the first time only; the rule above still decides who may.
  if (event.type === "open_notice" && concern.noticeOpenedAt) return { state: concern.state };

  const nextState = decision.to;
  const [updated] = await tx
    .update(concerns)
    .set({
      ...decision.changes,
      ...recordedFields(event, by, now),
      state: nextState,
      updatedAt: now,
    })
    .where(and(eq(concerns.id, concern.id), eq(concerns.state, concern.state)))
    .returning();
  if (!updated) {
    throw new Refusal(
      "conflict",
      "This case was changed by someone else a moment ago. Reload to see it.",
    );
  }

  await writeAuditEvent(tx, {
    actorId: by === "system" ? null : by.userId,
    action: decision.auditAction,
    entityType: "concern",
    entityId: concern.id,
    details: { from: concern.state, to: nextState, ...auditDetails(event) },
  });
  await notifyParties(tx, updated, decision.notify, now);
  if (decision.to !== decision.from) {
    await scheduleDueCheck(tx, concern.id, nextDeadline(updated));
    await scheduleReminder(tx, updated, now, windows.reminderLeadMs);
  }
  return { state: nextState };
}

/** What the event itself says, kept on the row so pages need not replay the timeline. */
function recordedFields(event: ConcernEvent, by: EventSource, now: Date): Partial<ConcernRow> {
  switch (event.type) {
    case "open_notice":
      return { noticeOpenedAt: now };
    case "report_remediation":
      return { remediationAction: event.action, responseNote: event.note.trim(), respondedAt: now };
    case "dispute":
      return { remediationAction: null, responseNote: event.explanation.trim(), respondedAt: now };
    case "close_case":
      return {
        outcome: event.outcome,
        outcomeRationale: event.rationale.trim(),
        externalAuthority: event.externalAuthority?.trim() || null,
        closedById: by === "system" ? null : by.userId,
      };
    default:
      return {};
  }
}

/** The parties' own words travel with the audit event, so the timeline shows them. */
function auditDetails(event: ConcernEvent): Record<string, unknown> {
  const { type: _type, ...payload } = event;
  return payload;
}

export function nextDeadline(
  concern: Pick<ConcernRow, "state" | "responseDueAt" | "confirmationDueAt">,
): Date | null {
  if (concern.state === "awaiting_response") return concern.responseDueAt;
  if (concern.state === "remediation_reported" || concern.state === "disputed") {
    return concern.confirmationDueAt;
  }
  return null;
}

async function notifyParties(
  tx: Transaction,
  concern: ConcernRow,
  intents: readonly NotificationIntent[],
  now: Date,
): Promise<void> {
  const rows: NotificationToSend[] = [];
  for (const { recipient, kind } of intents) {
    if (recipient === "reporter") {
      rows.push({
        recipientId: concern.reporterId,
        concernId: concern.id,
        recipientRelation: "reporter",
        kind,
        createdAt: now,
      });
    } else if (recipient === "subject") {
      rows.push({
        recipientId: concern.subjectId,
        concernId: concern.id,
        recipientRelation: "subject",
        kind,
        createdAt: now,
      });
    } else {
      for (const officerId of await activeOfficersFor(tx, concern)) {
        rows.push({
          recipientId: officerId,
          concernId: concern.id,
          recipientRelation: "officer",
          kind,
          createdAt: now,
        });
      }
    }
  }
  await notify(tx, rows);
}

/** Every active compliance officer who is not a party to the case. */
async function activeOfficersFor(tx: Transaction, concern: ConcernRow): Promise<string[]> {
  const officers = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(
      userRoles,
      and(eq(userRoles.userId, users.id), eq(userRoles.role, "compliance_officer")),
    )
    .where(
      and(
        isNull(users.deactivatedAt),
        ne(users.id, concern.reporterId),
        ne(users.id, concern.subjectId),
      ),
    );
  return officers.map((o) => o.id);
}

const REFUSAL_CODES: Record<TransitionRefusal["code"], Refusal["code"]> = {
  actor_not_permitted: "forbidden",
  wrong_state: "conflict",
  not_significant: "conflict",
  not_due: "conflict",
  invalid_payload: "invalid_input",
};

function refusalFor(decision: TransitionRefusal): Refusal {
  return new Refusal(REFUSAL_CODES[decision.code], decision.message);
}
