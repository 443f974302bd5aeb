import type { Transaction } from "@/db/client";
import type { concerns } from "@/db/schema";
import type { Recipient } from "@/lib/domain/concern-workflow";
import { listFurtherReporterIds } from "@/lib/queries/case-reporters";
import { activeOfficers } from "@/lib/queries/officers";
import type { NotificationKind } from "./notification-kinds";
import { type NotificationToSend, notify } from "./notify";

type CaseParties = Pick<
  typeof concerns.$inferSelect,
  "id" | "reporterId" | "subjectId" | "assigneeId" | "subjectDepartmentId"
>;

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
  const rows: NotificationToSend[] = [];
  let further: string[] | undefined;
  const furtherReporters = async () => {
    further ??= await listFurtherReporterIds(tx, concern.id);
    return further;
  };
  const tell = (recipientId: string, recipientRelation: NotificationToSend["recipientRelation"]) =>
    rows.push({ recipientId, concernId: concern.id, recipientRelation, kind, createdAt: now });
  for (const recipient of recipients) {
    if (recipient === "reporter") {
      // Everyone who raised the case: the first reporter and those who joined it.
      for (const reporterId of [concern.reporterId, ...(await furtherReporters())]) {
        tell(reporterId, "reporter");
      }
    } else if (recipient === "subject") tell(concern.subjectId, "subject");
    else if (recipient === "assignee") {
      if (concern.assigneeId) tell(concern.assigneeId, "officer");
    } else {
      for (const officerId of await officersFor(tx, concern, await furtherReporters())) {
        tell(officerId, "officer");
      }
    }
  }
  await notify(tx, rows);
}

/**
 * The officers an escalation goes to: the active compliance officers of the colleague's
 * department, or every active officer when that department has none. Never a party.
 * Routing by department keeps a large compliance team from each being told of every case.
 */
async function officersFor(
  tx: Transaction,
  concern: CaseParties,
  furtherReporterIds: readonly string[],
): Promise<string[]> {
  const excluding = [concern.reporterId, concern.subjectId, ...furtherReporterIds];
  const forCase = concern.id;
  const departmental = concern.subjectDepartmentId
    ? await activeOfficers(tx, { excluding, forCase, departmentId: concern.subjectDepartmentId })
    : [];
  const officers =
    departmental.length > 0 ? departmental : await activeOfficers(tx, { excluding, forCase });
  return officers.map((officer) => officer.id);
}
