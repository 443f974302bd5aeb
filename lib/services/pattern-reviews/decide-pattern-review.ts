import { and, eq, inArray } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { patternReviews, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import { patternReviewOfficerScope } from "@/lib/authz/pattern-review-access";
import type { Actor } from "@/lib/authz/permissions";
import { formatDateTime, resolveTimeZone } from "@/lib/domain/date-words";
import { decisionOpensAt, mayDecideYet } from "@/lib/domain/pattern-review";
import { Refusal } from "@/lib/errors/refusal";
import { notify } from "@/lib/notifications/notify";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { parseScreened } from "../screen-free-text";
import { lockPatternReview, notHeldRefusal } from "./lock-pattern-review";
import { decidePatternReviewSchema, patternReviewIdSchema } from "./pattern-review-schemas";

/**
 * The officer holding a pattern review decides it with a case's outcomes: the rationale
 * stays with officers, the colleague is told the outcome and the summary written for them.
 * Not before the colleague has been heard: once they answered, or their answer window passed.
 */
export async function decidePatternReview(
  db: Database,
  actor: Actor,
  reviewId: string,
  input: {
    outcome: string;
    rationale: string;
    externalAuthority?: string;
    partySummary?: string;
    patientDetailsConfirmed?: string[];
  },
  now = new Date(),
): Promise<void> {
  assertCan(actor, "compliance:work");
  const id = patternReviewIdSchema.parse(reviewId);
  const { data, patientDetailsConfirmed } = parseScreened(decidePatternReviewSchema, input);
  const externalAuthority = data.externalAuthority?.trim() || undefined;
  if (data.outcome === "referred_external" && !externalAuthority) {
    throw new Refusal(
      "invalid_input",
      "Name the external authority the review was referred to.",
      "externalAuthority",
    );
  }
  const partySummary = data.partySummary?.trim() || undefined;
  await db.transaction(async (tx) => {
    const review = await lockPatternReview(tx, id, patternReviewOfficerScope(actor));
    if (review.state !== "in_review" || review.assigneeId !== actor.userId) {
      throw await notHeldRefusal(tx, review);
    }
    const { windows, timeZone } = await loadWorkflowSettings(tx);
    if (!mayDecideYet(review, windows.remediationWindowMs, now)) {
      throw await tooSoonRefusal(
        tx,
        actor,
        review,
        decisionOpensAt(review, windows.remediationWindowMs),
        timeZone,
      );
    }
    await tx
      .update(patternReviews)
      .set({
        state: "decided",
        outcome: data.outcome,
        outcomeRationale: data.rationale,
        outcomeSummary: partySummary ?? null,
        externalAuthority: data.outcome === "referred_external" ? externalAuthority : null,
        decidedById: actor.userId,
        decidedAt: now,
        updatedAt: now,
      })
      .where(and(eq(patternReviews.id, id), eq(patternReviews.state, "in_review")));
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "pattern_review_decided",
      entityType: "pattern_review",
      entityId: id,
      details: {
        outcome: data.outcome,
        rationale: data.rationale,
        ...(data.outcome === "referred_external" && { externalAuthority }),
        ...(partySummary && { partySummary }),
        ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
      },
    });
    await notify(tx, [
      {
        recipientId: review.subjectId,
        concernId: null,
        patternReviewId: id,
        recipientRelation: "subject",
        kind: "pattern_review_decided",
        createdAt: now,
      },
    ]);
  });
}

/** Names the colleague and, in the officer's own zone, when the review may be decided. */
async function tooSoonRefusal(
  tx: Transaction,
  actor: Actor,
  review: { subjectId: string },
  opensAt: Date,
  organisationTimeZone: string,
): Promise<Refusal> {
  const people = await tx
    .select({ id: users.id, name: users.name, timeZone: users.timeZone })
    .from(users)
    .where(inArray(users.id, [review.subjectId, actor.userId]));
  const colleague = people.find((p) => p.id === review.subjectId)?.name ?? "The colleague";
  const zone = resolveTimeZone(
    people.find((p) => p.id === actor.userId)?.timeZone,
    organisationTimeZone,
  );
  return new Refusal(
    "conflict",
    `${colleague} may answer until ${formatDateTime(opensAt, zone)}. You can decide once they answer or that time passes.`,
  );
}
