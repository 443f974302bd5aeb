import { and, count, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { caseMessages, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";
import {
  MESSAGE_LIMIT_WINDOW_MS,
  messageLimitReached,
  messageLimitSentence,
  type ThreadParty,
  threadStatus,
} from "@/lib/domain/case-thread";
import { Refusal } from "@/lib/errors/refusal";
import { notifyCase } from "@/lib/notifications/notify-case";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { parseScreened } from "../screen-free-text";
import { CASE_NOT_FOUND } from "./case-refusals";
import { assertDoesNotNameReporter } from "./confidential-words";
import { lockConcern } from "./lock-concern";
import { threadPartyOf } from "./thread-party";
import { type PostMessageInput, postMessageSchema } from "./thread-schemas";

/**
 * One colleague writes to the other on their case's thread. The message is stored as
 * written (never changed afterwards), the audit event names it, and the other colleague is
 * told in the app and by email that there is a new message, never what it says. Refused
 * once the case is finished, and past the organisation's daily limit per sender and case.
 */
export async function postMessage(
  db: Database,
  actor: Actor,
  input: PostMessageInput,
  now = new Date(),
): Promise<{ messageId: number; party: ThreadParty; concernId: string }> {
  const { data, patientDetailsConfirmed } = parseScreened(postMessageSchema, input);
  const { concernId, body, identityConfirmed } = data;
  return db.transaction(async (tx) => {
    // The row lock also orders two messages sent at once against the daily limit.
    const concern = await lockConcern(tx, concernId);
    const party = concern ? threadPartyOf(actor, concern) : null;
    if (!concern || !party) throw new Refusal("not_found", CASE_NOT_FOUND);
    const status = threadStatus(concern.state);
    if (!status.open) throw new Refusal("conflict", status.why);

    const { dailyMessageLimit } = await loadWorkflowSettings(tx);
    const [sent] = await tx
      .select({ n: count() })
      .from(caseMessages)
      .where(
        and(
          eq(caseMessages.concernId, concernId),
          eq(caseMessages.senderId, actor.userId),
          gt(caseMessages.sentAt, new Date(now.getTime() - MESSAGE_LIMIT_WINDOW_MS)),
        ),
      );
    if (messageLimitReached(sent?.n ?? 0, dailyMessageLimit)) {
      throw new Refusal("rate_limited", messageLimitSentence(dailyMessageLimit), "body");
    }
    if (party === "reporter" && concern.disclosure === "confidential") {
      const [me] = await tx
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, actor.userId));
      if (me) assertDoesNotNameReporter([body], me, identityConfirmed);
    }

    const [message] = await tx
      .insert(caseMessages)
      .values({ concernId, senderId: actor.userId, body, sentAt: now })
      .returning({ id: caseMessages.id });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "message_posted",
      entityType: "concern",
      entityId: concernId,
      details: {
        messageId: message!.id,
        from: party,
        ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
      },
    });
    await notifyCase(
      tx,
      concern,
      [party === "reporter" ? "subject" : "reporter"],
      "message_posted",
      now,
    );
    return { messageId: message!.id, party, concernId };
  });
}
