import type { Transaction } from "@/db/client";
import type { concerns } from "@/db/schema";
import type { Recipient } from "@/lib/domain/concern-workflow";
import { listFurtherReporterIdsByCase } from "@/lib/queries/case-reporters";
import { activeOfficersForCases } from "@/lib/queries/officers";
import type { NotificationKind } from "./notification-kinds";
import { type NotificationToSend, notify } from "./notify";

type CaseParties = Pick<
  typeof concerns.$inferSelect,
  "id" | "reporterId" | "subjectId" | "assigneeId" | "subjectDepartmentId"
>;

/** One case event to tell its people about. */
export interface CaseNotice {
  concern: CaseParties;
  recipients: readonly Recipient[];
  kind: NotificationKind;
}

/**
 * Tells the people a case event concerns, in the caller's transaction: each recipient
 * the rule names becomes a person. Every in-app notification about a case (state changes,
 * reminders, requests for information) is routed here.
 */
export async function notifyCase(
  tx: Transaction,
  concern: CaseParties,
  recipients: readonly Recipient[],
  kind: NotificationKind,
  now: Date,
): Promise<void> {
  await notifyCases(tx, [{ concern, recipients, kind }], now);
}

/**
 * The same for many cases at once (the deadline sweep), in a fixed number of statements:
 * the cases' further reporters and the officers are read once for all of them.
 */
export async function notifyCases(
  tx: Transaction,
  notices: readonly CaseNotice[],
  now: Date,
): Promise<void> {
  const needsReporters = (n: CaseNotice) =>
    n.recipients.includes("reporter") || n.recipients.includes("officers");
  const further = await listFurtherReporterIdsByCase(
    tx,
    notices.filter(needsReporters).map((n) => n.concern.id),
  );
  const toOfficers = notices.filter((n) => n.recipients.includes("officers"));
  const officers =
    toOfficers.length > 0
      ? await activeOfficersForCases(
          tx,
          toOfficers.map((n) => n.concern.id),
        )
      : [];

  const rows: NotificationToSend[] = [];
  for (const { concern, recipients, kind } of notices) {
    const furtherReporters = further.get(concern.id) ?? [];
    const tell = (
      recipientId: string,
      recipientRelation: NotificationToSend["recipientRelation"],
    ) => rows.push({ recipientId, concernId: concern.id, recipientRelation, kind, createdAt: now });
    for (const recipient of recipients) {
      if (recipient === "reporter") {
        // Everyone who raised the case: the first reporter and those who joined it.
        for (const reporterId of [concern.reporterId, ...furtherReporters]) {
          tell(reporterId, "reporter");
        }
      } else if (recipient === "subject") tell(concern.subjectId, "subject");
      else if (recipient === "assignee") {
        if (concern.assigneeId) tell(concern.assigneeId, "officer");
      } else {
        for (const officerId of officersFor(concern, furtherReporters, officers)) {
          tell(officerId, "officer");
        }
      }
    }
  }
  await notify(tx, rows);
}

/**
 * The officers an escalation goes to: the active compliance officers of the colleague's
 * department, or every active officer when that department has none. Never a party, nor an
 * officer who recused from the case. Routing by department keeps a large compliance team
 * from each being told of every case.
 */
function officersFor(
  concern: CaseParties,
  furtherReporterIds: readonly string[],
  officers: Awaited<ReturnType<typeof activeOfficersForCases>>,
): string[] {
  const excluded = new Set([concern.reporterId, concern.subjectId, ...furtherReporterIds]);
  const eligible = officers.filter(
    (officer) => !excluded.has(officer.id) && !officer.recusedFrom.includes(concern.id),
  );
  const departmental = concern.subjectDepartmentId
    ? eligible.filter((officer) => officer.departmentId === concern.subjectDepartmentId)
    : [];
  return (departmental.length > 0 ? departmental : eligible).map((officer) => officer.id);
}
