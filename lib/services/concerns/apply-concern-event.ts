import { and, eq, isNull, ne } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { concerns, userRoles, users } from "@/db/schema";
import { type AuditEventInput, writeAuditEvent } from "@/lib/audit/write-audit-event";
import { relationToConcern } from "@/lib/authz/concern-access";
import { type Actor, can } from "@/lib/authz/permissions";
import {
  type ActorRelation,
  type ConcernEvent,
  type ConcernState,
  decideTransition,
  type Recipient,
  STATE_LABELS,
  type TransitionRefusal,
} from "@/lib/domain/concern-workflow";
import { Refusal } from "@/lib/errors/refusal";
import { scheduleDueCheck } from "@/lib/jobs/schedule-due-check";
import { scheduleOfficerReminders } from "@/lib/jobs/schedule-officer-reminders";
import { scheduleReminder } from "@/lib/jobs/schedule-reminder";
import type { NotificationKind } from "@/lib/notifications/notification-kinds";
import { type NotificationToSend, notify } from "@/lib/notifications/notify";
import { loadWorkflowSettings, type WorkflowSettings } from "@/lib/queries/workflow-settings";

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
  // A caller moving many cases in one transaction (the sweep) reads the settings once.
  settings?: WorkflowSettings,
): Promise<{ state: ConcernState }> {
  const relation = workflowRelation(by, concern, event);
  // A stranger learns nothing, not even that the case exists.
  if (!relation) throw new Refusal("not_found", CASE_NOT_FOUND);

  const { windows } = settings ?? (await loadWorkflowSettings(tx));
  const decision = decideTransition({
    concern: {
      state: concern.state,
      significant: concern.severity === "significantly_violates_norms",
      responseDueAt: concern.responseDueAt,
      confirmationDueAt: concern.confirmationDueAt,
      assigneeId: concern.assigneeId,
    },
    event,
    actor: relation,
    now,
    windows,
  });
  if (!decision.ok) throw await refusalFor(tx, decision, concern, relation);
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

  // The transition table pairs each audit action with the event whose payload this is,
  // which the type of a union of actions cannot follow.
  await writeAuditEvent(tx, {
    actorId: by === "system" ? null : by.userId,
    action: decision.auditAction,
    entityType: "concern",
    entityId: concern.id,
    details: { from: concern.state, to: nextState, ...auditDetails(event) },
  } as AuditEventInput);
  await notifyParties(
    tx,
    updated,
    decision.notify.map((n) => n.recipient),
    decision.auditAction,
    now,
  );
  if (decision.to !== decision.from) {
    await scheduleDueCheck(tx, concern.id, nextDeadline(updated));
    await scheduleReminder(tx, updated, now, windows.reminderLeadMs);
    await scheduleOfficerReminders(tx, updated);
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
    case "claim":
      return { assigneeId: by === "system" ? null : by.userId };
    case "reopen":
      // The earlier decision stays in the audit log; the case is undecided again.
      return {
        outcome: null,
        outcomeRationale: null,
        externalAuthority: null,
        closedById: null,
        triageRemindedAt: null,
        decisionRemindedAt: null,
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

/**
 * Who is told, as rows for the one notification writer. Every in-app notification about a
 * case (state changes, reminders, requests for information) is built here.
 */
export async function notifyParties(
  tx: Transaction,
  concern: ConcernRow,
  recipients: readonly Recipient[],
  kind: NotificationKind,
  now: Date,
): Promise<void> {
  const rows: NotificationToSend[] = [];
  for (const recipient of recipients) {
    if (recipient === "assignee") {
      if (concern.assigneeId) {
        rows.push({
          recipientId: concern.assigneeId,
          concernId: concern.id,
          recipientRelation: "officer",
          kind,
          createdAt: now,
        });
      }
    } else if (recipient === "reporter") {
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
/**
 * The officers an escalation goes to: the active compliance officers of the colleague's
 * department, or every active officer when that department has none. Never a party.
 * Routing by department keeps a large compliance team from each being told of every case.
 */
async function activeOfficersFor(tx: Transaction, concern: ConcernRow): Promise<string[]> {
  const activeOfficers = (inDepartment?: string) =>
    tx
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
          inDepartment ? eq(users.departmentId, inDepartment) : undefined,
        ),
      );
  const departmental = concern.subjectDepartmentId
    ? await activeOfficers(concern.subjectDepartmentId)
    : [];
  const officers = departmental.length > 0 ? departmental : await activeOfficers();
  return officers.map((o) => o.id);
}

const REFUSAL_CODES: Record<TransitionRefusal["code"], Refusal["code"]> = {
  actor_not_permitted: "forbidden",
  wrong_state: "conflict",
  not_significant: "conflict",
  not_due: "conflict",
  invalid_payload: "invalid_input",
};

/**
 * A refusal says where the case stands now; when an officer is refused because the case is
 * held by someone else, it says who holds it, so they know whom to ask or to take it from.
 */
async function refusalFor(
  tx: Transaction,
  decision: TransitionRefusal,
  concern: ConcernRow,
  relation: ActorRelation,
): Promise<Refusal> {
  // An administrator reaches a case by reference only and is told nothing more about it.
  if (relation === "admin" && decision.code === "actor_not_permitted") {
    return new Refusal("not_found", CASE_NOT_FOUND);
  }
  const officerFacing = relation === "officer" || relation === "assignee";
  if (officerFacing && concern.assigneeId && concern.state === "in_review") {
    const [holder] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, concern.assigneeId));
    const held = `This case is ${STATE_LABELS[concern.state]}: it is assigned to ${holder?.name ?? "another officer"}.`;
    if (decision.code === "wrong_state") return new Refusal("conflict", held);
    if (decision.code === "actor_not_permitted") {
      return new Refusal("conflict", `${held} Reassign it to yourself first to act on it.`);
    }
  }
  if (officerFacing && decision.code === "actor_not_permitted" && concern.state === "escalated") {
    return new Refusal("conflict", "Claim this case first: it is not assigned to anyone.");
  }
  return new Refusal(REFUSAL_CODES[decision.code], decision.message);
}

/**
 * How the actor stands to this case for the workflow: the party they are, the officer
 * holding it or another officer; an administrator only ever for reopening.
 */
function workflowRelation(
  by: EventSource,
  concern: ConcernRow,
  event: ConcernEvent,
): ActorRelation | null {
  if (by === "system") return "system";
  const view = relationToConcern(by, concern);
  if (view === "officer") return concern.assigneeId === by.userId ? "assignee" : "officer";
  if (view) return view;
  if (event.type === "reopen" && concern.escalatedAt && can(by, "cases:reopen")) return "admin";
  return null;
}
