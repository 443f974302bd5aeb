import type { Database, Transaction } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { recusedFrom, relationToConcern } from "@/lib/authz/concern-access";
import { type Actor, can } from "@/lib/authz/permissions";
import {
  type ActorRelation,
  type ConcernEvent,
  type ConcernState,
  decideTransition,
} from "@/lib/domain/concern-workflow";
import type { PatientDetailsConfirmation } from "@/lib/domain/patient-details";
import { Refusal } from "@/lib/errors/refusal";
import { listFurtherReporterIds } from "@/lib/queries/case-reporters";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { CASE_NOT_FOUND, transitionRefusal } from "./case-refusals";
import { type ConcernRow, lockConcern } from "./lock-concern";
import { planConcernChange, snapshotForRule } from "./plan-concern-change";
import { settleReporterAnswer } from "./settle-reporter-answer";
import { writeConcernChanges } from "./write-concern-changes";

export type EventSource = Actor | "system";

/**
 * Where the case is now; `recorded` when one of several reporters' answer was kept without
 * moving the case (it waits for the others).
 */
export interface AppliedEvent {
  state: ConcernState;
  recorded?: true;
}

/**
 * The one way a concern changes state: lock the row, establish the actor's relation to
 * it, let the pure rule decide, write the change conditionally on the state we read,
 * record the audit event, the notifications (in-app, with their email jobs), the next
 * durable deadline and reminder jobs, and commit them together. A concurrent change
 * makes the later one a clear conflict.
 */
export async function applyConcernEvent(
  db: Database,
  params: {
    concernId: string;
    by: EventSource;
    event: ConcernEvent;
    now?: Date;
    /** The writer's confirmations that the event's words hold no patient details. */
    patientDetailsConfirmed?: PatientDetailsConfirmation;
  },
): Promise<AppliedEvent> {
  return db.transaction(async (tx) => {
    const concern = await lockConcern(tx, params.concernId);
    if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
    return applyToLockedConcern(
      tx,
      concern,
      params.by,
      params.event,
      params.now ?? new Date(),
      params.patientDetailsConfirmed,
    );
  });
}

/** For callers that already hold the row lock in their own transaction. */
export async function applyToLockedConcern(
  tx: Transaction,
  concern: ConcernRow,
  by: EventSource,
  event: ConcernEvent,
  now: Date,
  patientDetailsConfirmed?: PatientDetailsConfirmation,
): Promise<AppliedEvent> {
  // Colleagues who joined the case are its reporters too (the timed steps need not ask).
  const furtherReporterIds = by === "system" ? [] : await listFurtherReporterIds(tx, concern.id);
  const relation = await workflowRelation(tx, by, { ...concern, furtherReporterIds }, event);
  // A stranger learns nothing, not even that the case exists.
  if (!relation) throw new Refusal("not_found", CASE_NOT_FOUND);

  const { windows } = await loadWorkflowSettings(tx);
  const decision = decideTransition({
    concern: snapshotForRule(concern),
    event,
    actor: relation,
    now,
    windows,
  });
  if (!decision.ok) throw await transitionRefusal(tx, decision, concern, relation);
  if (relation === "reporter" && by !== "system") {
    const settled = await settleReporterAnswer(
      tx,
      concern,
      furtherReporterIds,
      by.userId,
      event,
      now,
    );
    if (settled === "recorded") return { state: concern.state, recorded: true };
  }
  // Opening a notice is recorded the first time only; the rule above still decides who may.
  if (event.type === "open_notice" && concern.noticeOpenedAt) return { state: concern.state };

  const change = planConcernChange({
    concern,
    by,
    event,
    decision,
    now,
    reminderLeadMs: windows.reminderLeadMs,
    patientDetailsConfirmed,
  });
  const applied = await writeConcernChanges(tx, [change], now).catch((error: unknown) => {
    // Reopening a case whose post has since been raised again in a new open case.
    if (isUniqueViolation(error, "concerns_open_post_key")) {
      throw new Refusal(
        "conflict",
        "Another open case is about the same post and colleague, so this one cannot be reopened while it is open. Work on that case instead.",
      );
    }
    throw error;
  });
  if (applied.length === 0) {
    throw new Refusal(
      "conflict",
      "This case was changed by someone else a moment ago. Reload to see it.",
    );
  }
  return { state: decision.to };
}

/**
 * How the actor stands to this case for the workflow: the party they are, the officer
 * holding it or another officer (never one who recused); an administrator only ever for
 * reopening.
 */
async function workflowRelation(
  tx: Transaction,
  by: EventSource,
  concern: ConcernRow & { furtherReporterIds: readonly string[] },
  event: ConcernEvent,
): Promise<ActorRelation | null> {
  if (by === "system") return "system";
  const recused = can(by, "compliance:work") && (await recusedFrom(tx, by, concern.id));
  const view = relationToConcern(by, concern, recused);
  if (view === "officer") return concern.assigneeId === by.userId ? "assignee" : "officer";
  if (view) return view;
  // An officer who stepped aside cannot come back to the case as the one who reopens it.
  if (event.type === "reopen" && concern.escalatedAt && can(by, "cases:reopen") && !recused) {
    return "admin";
  }
  return null;
}
