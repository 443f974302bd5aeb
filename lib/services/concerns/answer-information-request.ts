import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { concerns, informationRequests } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { type ConcernView, concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { isTerminal } from "@/lib/domain/concern-workflow";
import { Refusal } from "@/lib/errors/refusal";
import { notifyCase } from "@/lib/notifications/notify-case";
import { parseScreened } from "../screen-free-text";
import { answerInformationSchema } from "./compliance-schemas";
import { concernIdSchema } from "./concern-schemas";

const REQUEST_NOT_FOUND = "We could not find that question.";

/**
 * A party answers an officer's question, once. The answer lands on the case's timeline
 * for officers, and the officer holding the case (or every officer, if nobody does) is
 * told. Only the party asked may answer; anyone else is told the question does not exist.
 */
export async function answerInformationRequest(
  db: Database,
  actor: Actor,
  requestId: string,
  input: { answer: string; patientDetailsConfirmed?: string[] },
  now = new Date(),
): Promise<{ concernId: string }> {
  const id = concernIdSchema.parse(requestId);
  const { data, patientDetailsConfirmed } = parseScreened(answerInformationSchema, input);
  const { answer } = data;
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ request: informationRequests, concern: concerns })
      .from(informationRequests)
      .innerJoin(concerns, eq(concerns.id, informationRequests.concernId))
      .where(eq(informationRequests.id, id))
      .for("update");
    const view: ConcernView | undefined = found?.request.recipient;
    if (!found || !view) throw new Refusal("not_found", REQUEST_NOT_FOUND);
    // The party asked, seen through that party's own scope.
    const [inScope] = await tx
      .select({ id: concerns.id })
      .from(concerns)
      .where(and(eq(concerns.id, found.concern.id), concernScope(actor, view)));
    // A question to the reporter is the reporter of record's to answer, not a joining one's.
    const addressee = view !== "reporter" || found.concern.reporterId === actor.userId;
    if (!inScope || !addressee) throw new Refusal("not_found", REQUEST_NOT_FOUND);
    if (isTerminal(found.concern.state)) {
      throw new Refusal(
        "conflict",
        "This case has been closed, so the question no longer needs an answer.",
      );
    }
    const [answered] = await tx
      .update(informationRequests)
      .set({ answer, answeredAt: now })
      .where(and(eq(informationRequests.id, id), isNull(informationRequests.answeredAt)))
      .returning({ id: informationRequests.id });
    if (!answered) throw new Refusal("conflict", "You have already answered this question.");
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "information_provided",
      entityType: "concern",
      entityId: found.concern.id,
      details: {
        requestId: id,
        recipient: view,
        answer,
        ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
      },
    });
    await notifyCase(
      tx,
      found.concern,
      [found.concern.assigneeId ? "assignee" : "officers"],
      "information_provided",
      now,
    );
    return { concernId: concernIdSchema.parse(found.concern.id) };
  });
}
