import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { reporterVerdicts } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { ConcernEvent } from "@/lib/domain/concern-workflow";
import {
  decideReporterVerdict,
  isVerdictEvent,
  VERDICT_OF_EVENT,
} from "@/lib/domain/reporter-verdicts";
import { Refusal } from "@/lib/errors/refusal";
import type { ConcernRow } from "./lock-concern";

/**
 * A reporter's answer to the colleague's response on a case raised by several colleagues,
 * in the caller's transaction with the case locked. Returns "move" when the transition table
 * should now apply the event; "recorded" when the answer is only kept (an audit event, no
 * change of state) until the other reporters have answered. Withdrawing is the whole case's
 * end, which one of several reporters cannot choose alone.
 */
export async function settleReporterAnswer(
  tx: Transaction,
  concern: ConcernRow,
  furtherReporterIds: readonly string[],
  reporterId: string,
  event: ConcernEvent,
  now: Date,
): Promise<"move" | "recorded"> {
  if (furtherReporterIds.length === 0) return "move";
  if (event.type === "withdraw") {
    throw new Refusal(
      "conflict",
      "Other colleagues raised this post too, so the case continues for them and cannot be withdrawn. You can still confirm or reject your colleague's response when it comes.",
    );
  }
  if (!isVerdictEvent(event.type) || !concern.respondedAt) return "move";
  const respondedAt = concern.respondedAt;
  const given = await tx
    .select({ reporterId: reporterVerdicts.reporterId, verdict: reporterVerdicts.verdict })
    .from(reporterVerdicts)
    .where(
      and(
        eq(reporterVerdicts.concernId, concern.id),
        eq(reporterVerdicts.respondedAt, respondedAt),
      ),
    );
  const verdict = VERDICT_OF_EVENT[event.type];
  const decision = decideReporterVerdict(
    [concern.reporterId, ...furtherReporterIds].map((id) => ({
      reporterId: id,
      verdict: given.find((answer) => answer.reporterId === id)?.verdict ?? null,
    })),
    reporterId,
    verdict,
  );
  if (decision.kind === "refuse") throw new Refusal("conflict", decision.message);
  await tx
    .insert(reporterVerdicts)
    .values({ concernId: concern.id, reporterId, respondedAt, verdict, decidedAt: now });
  if (decision.kind === "move") return "move";
  await writeAuditEvent(tx, {
    actorId: reporterId,
    action: "reporter_answer_recorded",
    entityType: "concern",
    entityId: concern.id,
    details: { answer: event.type, stillToAnswer: decision.stillToAnswer },
  });
  return "recorded";
}
