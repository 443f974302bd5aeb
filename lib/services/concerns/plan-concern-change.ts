import type { AuditEventInput } from "@/lib/audit/write-audit-event";
import type {
  ConcernEvent,
  ConcernSnapshot,
  ConcernState,
  TransitionAccepted,
} from "@/lib/domain/concern-workflow";
import type { PatientDetailsConfirmation } from "@/lib/domain/patient-details";
import { waitingOn } from "@/lib/domain/waiting-on";
import type { JobChange } from "@/lib/jobs/job-changes";
import { dueCheckJob } from "@/lib/jobs/schedule-due-check";
import { officerReminderJobs } from "@/lib/jobs/schedule-officer-reminders";
import { reminderJob } from "@/lib/jobs/schedule-reminder";
import type { CaseNotice } from "@/lib/notifications/notify-case";
import type { EventSource } from "./apply-concern-event";
import type { ConcernRow } from "./lock-concern";

/**
 * Everything one accepted transition writes, decided before anything is written: the
 * columns, the audit event, who is told and the case's next durable jobs. One case (a
 * person's action) and a batch of cases (the deadline sweep) are both written from these
 * by writeConcernChanges, so they cannot drift apart.
 */
export interface ConcernChange {
  /** The row as read under its lock: the change applies only while its state is still this. */
  concern: ConcernRow;
  /** The columns written, the new state and updated_at among them. */
  set: Partial<ConcernRow> & { state: ConcernState; updatedAt: Date };
  audit: AuditEventInput;
  notice: CaseNotice;
  jobs: JobChange[];
}

/** What the transition rule (decideTransition) reads of a row. */
export function snapshotForRule(concern: ConcernRow): ConcernSnapshot {
  return {
    state: concern.state,
    significant: concern.severity === "significantly_violates_norms",
    responseDueAt: concern.responseDueAt,
    confirmationDueAt: concern.confirmationDueAt,
    assigneeId: concern.assigneeId,
  };
}

/** Pure: the change the rule's accepted decision makes to this locked row. */
export function planConcernChange({
  concern,
  by,
  event,
  decision,
  now,
  reminderLeadMs,
  patientDetailsConfirmed,
}: {
  concern: ConcernRow;
  by: EventSource;
  event: ConcernEvent;
  decision: TransitionAccepted;
  now: Date;
  reminderLeadMs: number;
  patientDetailsConfirmed?: PatientDetailsConfirmation;
}): ConcernChange {
  const set = {
    ...decision.changes,
    ...recordedFields(event, by, now),
    state: decision.to,
    updatedAt: now,
  };
  const updated: ConcernRow = { ...concern, ...set };
  return {
    concern,
    set,
    // The transition table pairs each audit action with the event whose payload this is,
    // which the type of a union of actions cannot follow.
    audit: {
      actorId: by === "system" ? null : by.userId,
      action: decision.auditAction,
      entityType: "concern",
      entityId: concern.id,
      details: {
        from: concern.state,
        to: decision.to,
        ...auditDetails(event),
        ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
      },
    } as AuditEventInput,
    notice: {
      concern: updated,
      recipients: decision.notify.map((n) => n.recipient),
      kind: decision.auditAction,
    },
    jobs:
      decision.to === decision.from
        ? []
        : [
            dueCheckJob(concern.id, waitingOn(updated)?.dueAt ?? null),
            reminderJob(updated, now, reminderLeadMs),
            ...officerReminderJobs(updated),
          ],
  };
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
        outcomeSummary: event.partySummary?.trim() || null,
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
        outcomeSummary: null,
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
