import { and, count, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { concerns, userRoles, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { concernReference, normalisePostUrl } from "@/lib/domain/concern-fields";
import { addWindow } from "@/lib/domain/deadlines";
import { Refusal } from "@/lib/errors/refusal";
import { prepareEvidence } from "@/lib/evidence/prepare-evidence";
import { storeEvidence } from "@/lib/evidence/store-evidence";
import { scheduleDueCheck } from "@/lib/jobs/schedule-due-check";
import { scheduleReminder } from "@/lib/jobs/schedule-reminder";
import { notify } from "@/lib/notifications/notify";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { openPatternReviewIfDue } from "../pattern-reviews/open-pattern-review";
import { parseScreened } from "../screen-free-text";
import { type FileConcernInput, fileConcernSchema } from "./concern-schemas";
import { assertDoesNotNameReporter } from "./confidential-words";

const OPEN_STATES = [
  "awaiting_response",
  "remediation_reported",
  "disputed",
  "escalated",
  "in_review",
] as const;

/**
 * Files a concern and sends its notice: the concern, its evidence files, the audit event
 * (with each file's SHA-256), the subject's notification with its email job, the deadline
 * job and the reminder job are one transaction.
 */
export async function fileConcern(
  db: Database,
  actor: Actor,
  input: FileConcernInput,
  now = new Date(),
): Promise<{ concernId: string }> {
  assertCan(actor, "concerns:file");
  const { data, patientDetailsConfirmed } = parseScreened(fileConcernSchema, input);
  if (data.subjectId === actor.userId) {
    throw new Refusal(
      "invalid_input",
      "You cannot raise a concern about your own post.",
      "subjectId",
    );
  }
  const today = now.toISOString().slice(0, 10);
  // A day of slack for reporters ahead of UTC.
  if (
    data.seenOn >
    addWindow(now, 24 * 3600 * 1000)
      .toISOString()
      .slice(0, 10)
  ) {
    throw new Refusal(
      "invalid_input",
      "The date you saw the post cannot be in the future.",
      "seenOn",
    );
  }
  if (data.seenOn < `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`) {
    throw new Refusal("invalid_input", "Enter a date within the last five years.", "seenOn");
  }
  if (data.disclosure === "confidential") {
    assertDoesNotNameReporter(
      [data.description, data.otherConsideration],
      actor,
      data.identityConfirmed,
    );
  }
  const postUrlNormalised = normalisePostUrl(data.postUrl);
  // Read and cleaned before the transaction opens, so no lock waits on image work.
  const evidence = await prepareEvidence(data.evidence, (await loadWorkflowSettings(db)).evidence);

  try {
    return await db.transaction(async (tx) => {
      // One filing at a time per reporter, so the daily limit and the duplicate check
      // cannot be outrun by submitting many forms at once.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext('file-concern'), hashtext(${actor.userId}))`,
      );

      const [subject] = await tx
        .select({ id: users.id, departmentId: users.departmentId })
        .from(users)
        .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "physician")))
        .where(and(eq(users.id, data.subjectId), isNull(users.deactivatedAt)));
      if (!subject) {
        throw new Refusal(
          "invalid_input",
          "Choose an active colleague from the directory.",
          "subjectId",
        );
      }

      const duplicate = await findOpenConcern(tx, actor.userId, postUrlNormalised);
      if (duplicate) throw duplicateRefusal(duplicate.id);

      const settings = await loadWorkflowSettings(tx);
      const [{ filedToday }] = (await tx
        .select({ filedToday: count() })
        .from(concerns)
        .where(
          and(
            eq(concerns.reporterId, actor.userId),
            gte(concerns.createdAt, addWindow(now, -24 * 3600 * 1000)),
          ),
        )) as [{ filedToday: number }];
      if (filedToday >= settings.dailyFilingLimit) {
        throw new Refusal(
          "rate_limited",
          `You have raised ${filedToday} concerns in the last 24 hours, the most allowed. Please try again tomorrow, or contact compliance directly if this is urgent.`,
        );
      }

      const responseDueAt = addWindow(now, settings.windows.remediationWindowMs);
      const [concern] = await tx
        .insert(concerns)
        .values({
          reporterId: actor.userId,
          subjectId: subject.id,
          subjectDepartmentId: subject.departmentId,
          postUrl: data.postUrl,
          postUrlNormalised,
          platform: data.platform,
          seenOn: data.seenOn,
          description: data.description,
          categories: data.categories,
          otherConsideration: data.categories.includes("other")
            ? data.otherConsideration || null
            : null,
          severity: data.severity,
          disclosure: data.disclosure,
          responseDueAt,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: concerns.id, number: concerns.number });
      const concernId = concern!.id;
      const stored = await storeEvidence(
        tx,
        { id: concernId, reference: concernReference(concern!.number) },
        evidence,
      );

      await writeAuditEvent(tx, {
        actorId: actor.userId,
        action: "concern_filed",
        entityType: "concern",
        entityId: concernId,
        details: {
          to: "awaiting_response",
          // Who the case is about, so audit:verify can replay it against the stored row.
          subjectId: subject.id,
          severity: data.severity,
          categories: data.categories,
          disclosure: data.disclosure,
          platform: data.platform,
          evidence: stored,
          ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
        },
      });
      await notify(tx, [
        {
          recipientId: subject.id,
          concernId,
          recipientRelation: "subject",
          kind: "concern_filed",
          createdAt: now,
        },
      ]);
      // A filing that completes a pattern of concerns about the colleague opens its review.
      await openPatternReviewIfDue(tx, subject.id, now);
      await scheduleDueCheck(tx, concernId, responseDueAt);
      await scheduleReminder(
        tx,
        { id: concernId, state: "awaiting_response", responseDueAt, confirmationDueAt: null },
        now,
        settings.windows.reminderLeadMs,
      );
      return { concernId };
    });
  } catch (error) {
    // The unique index is the last word when two identical filings race past the check.
    if (isUniqueViolation(error, "concerns_open_duplicate_key")) {
      throw duplicateRefusal((await findOpenConcern(db, actor.userId, postUrlNormalised))?.id);
    }
    throw error;
  }
}

/** This reporter's open concern about this post, if any. */
async function findOpenConcern(db: Db, reporterId: string, postUrlNormalised: string) {
  const [open] = await db
    .select({ id: concerns.id })
    .from(concerns)
    .where(
      and(
        eq(concerns.reporterId, reporterId),
        eq(concerns.postUrlNormalised, postUrlNormalised),
        inArray(concerns.state, [...OPEN_STATES]),
      ),
    );
  return open;
}

function duplicateRefusal(existingId: string | undefined): Refusal {
  return new Refusal(
    "duplicate",
    "You already have an open concern about this post.",
    "postUrl",
    existingId
      ? { href: `/concerns/${existingId}`, label: "Open your existing concern" }
      : undefined,
  );
}
