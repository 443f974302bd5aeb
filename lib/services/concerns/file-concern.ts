import { and, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Database, Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { concernReporters, concerns, userRoles, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import type { RecordedChannel } from "@/lib/domain/concern-channels";
import { concernReference } from "@/lib/domain/concern-fields";
import { addWindow } from "@/lib/domain/deadlines";
import type { PatientDetailsConfirmation } from "@/lib/domain/patient-details";
import { canonicalPostUrl } from "@/lib/domain/post-link";
import { Refusal } from "@/lib/errors/refusal";
import { prepareEvidence } from "@/lib/evidence/prepare-evidence";
import { storeEvidence } from "@/lib/evidence/store-evidence";
import { writeJobChanges } from "@/lib/jobs/job-changes";
import { dueCheckJob } from "@/lib/jobs/schedule-due-check";
import { reminderJob } from "@/lib/jobs/schedule-reminder";
import { notify } from "@/lib/notifications/notify";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { openPatternReviewIfDue } from "../pattern-reviews/open-pattern-review";
import { parseScreened } from "../screen-free-text";
import { type ConcernData, type FileConcernInput, fileConcernSchema } from "./concern-schemas";
import { assertDoesNotNameReporter } from "./confidential-words";
import { joinCase } from "./join-case";

const OPEN_STATES = [
  "awaiting_response",
  "remediation_reported",
  "disputed",
  "escalated",
  "in_review",
] as const;

/** Who a concern is raised by: the web form's physician, or an officer recording it. */
export interface Filing {
  /** The reporter of record, who takes the reporter's steps. */
  reporter: { id: string; name: string; email: string };
  /** Set when an officer records a concern that arrived by another channel. */
  recording?: { channel: RecordedChannel; sourceName: string | null };
}

/**
 * Files a concern and sends its notice: the concern, its evidence files, the audit event
 * (with each file's SHA-256), the subject's notification with its email job, the deadline
 * job and the reminder job are one transaction. A post that already has an open case about
 * the same colleague is not opened again: the filing joins that case (join-case.ts).
 */
export async function fileConcern(
  db: Database,
  actor: Actor,
  input: FileConcernInput,
  now = new Date(),
): Promise<{ concernId: string; joined: boolean }> {
  assertCan(actor, "concerns:file");
  const screened = parseScreened(fileConcernSchema, input);
  const reporter = { id: actor.userId, name: actor.name, email: actor.email };
  return openConcern(db, actor, screened, { reporter }, now);
}

/**
 * The one path every concern opens by, whoever raises it: the checks, the row, its
 * evidence, the audit event (with how it arrived and who recorded it), the notices and the
 * timed jobs, in one transaction. `actor` is whoever is at the keyboard: the reporter, or
 * the officer recording a concern for a reporter of record.
 */
export async function openConcern(
  db: Database,
  actor: Actor,
  {
    data,
    patientDetailsConfirmed,
  }: { data: ConcernData; patientDetailsConfirmed?: PatientDetailsConfirmation },
  { reporter, recording }: Filing,
  now: Date,
): Promise<{ concernId: string; joined: boolean }> {
  if (data.subjectId === actor.userId) {
    throw new Refusal(
      "invalid_input",
      recording
        ? "You cannot record a concern about yourself."
        : "You cannot raise a concern about your own post.",
      "subjectId",
    );
  }
  if (data.subjectId === reporter.id) {
    throw new Refusal(
      "invalid_input",
      "The physician who raised it cannot be the colleague it is about.",
      "reporterEmail",
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
  const texts = [data.description, data.otherConsideration];
  // The colleague never learns which officer recorded a concern, nor a confidential reporter.
  if (recording) assertDoesNotNameReporter(texts, actor, data.identityConfirmed, "recorder");
  if (data.disclosure === "confidential" && reporter.id !== actor.userId) {
    assertDoesNotNameReporter(texts, reporter, data.identityConfirmed, "reporter");
  } else if (data.disclosure === "confidential" && !recording) {
    assertDoesNotNameReporter(texts, actor, data.identityConfirmed);
  }
  const postUrlNormalised = canonicalPostUrl(data.postUrl);
  // Read once, before the transaction: a change an administrator makes meanwhile applies
  // from the next filing.
  const settings = await loadWorkflowSettings(db);
  // Read and cleaned before the transaction opens, so no lock waits on image work.
  const evidence = await prepareEvidence(data.evidence, settings.evidence);

  const fileOrJoin = () =>
    db.transaction(async (tx): Promise<{ concernId: string; joined: boolean }> => {
      // One filing at a time per reporter, so the daily limit and the duplicate check
      // cannot be outrun by submitting many forms at once. Then one case per post and
      // colleague: filings of the same post about the same colleague take turns, so the
      // second finds the first's case and joins it. Taken in this order in one statement
      // (the colleague's id as the form gave it, lower-cased by its schema).
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext('file-concern'), hashtext(${reporter.id})),
                   pg_advisory_xact_lock(hashtext('case-per-post'), hashtext(${`${data.subjectId} ${postUrlNormalised}`}))`,
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

      const duplicate = await findOpenConcern(tx, reporter.id, postUrlNormalised);
      if (duplicate) throw duplicateRefusal(duplicate.id, Boolean(recording));

      // The daily limit guards against a physician flooding colleagues; an officer recording
      // what reached them by other channels is not that.
      const filedToday = recording
        ? 0
        : await countFiledSince(tx, reporter.id, addWindow(now, -24 * 3600 * 1000));
      if (filedToday >= settings.dailyFilingLimit) {
        throw new Refusal(
          "rate_limited",
          `You have raised ${filedToday} concerns in the last 24 hours, the most allowed. Please try again tomorrow, or contact compliance directly if this is urgent.`,
        );
      }

      const [openCase] = await tx
        .select()
        .from(concerns)
        .where(
          and(
            eq(concerns.subjectId, subject.id),
            eq(concerns.postUrlNormalised, postUrlNormalised),
            isNull(concerns.closedAt),
          ),
        )
        .for("update");
      if (openCase && recording) {
        // Joining is for colleagues raising what they saw themselves; a concern that reached
        // compliance by another channel about a post already in hand is added to that case.
        throw new Refusal(
          "duplicate",
          // No reference: the case may be one this officer may not see (still between the
          // colleagues, or one they stepped aside from).
          "A case about this post and this colleague is already open, and the colleague has been asked to respond. Record it again once that case has ended, or tell the officer holding it if it reaches compliance.",
          "postUrl",
        );
      }
      if (openCase) {
        return joinCase(tx, openCase, actor, data, evidence, patientDetailsConfirmed, now);
      }

      const responseDueAt = addWindow(now, settings.windows.remediationWindowMs);
      const [concern] = await tx
        .insert(concerns)
        .values({
          reporterId: reporter.id,
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
          ...(recording && {
            channel: recording.channel,
            recordedById: actor.userId,
            sourceName: recording.sourceName,
          }),
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
          ...(recording && {
            channel: recording.channel,
            sourceNamed: recording.sourceName !== null,
          }),
          ...(reporter.id !== actor.userId && { reporterId: reporter.id }),
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
        // A physician whose concern an officer recorded now follows it as its reporter.
        ...(reporter.id === actor.userId
          ? []
          : [
              {
                recipientId: reporter.id,
                concernId,
                recipientRelation: "reporter" as const,
                kind: "concern_recorded" as const,
                createdAt: now,
              },
            ]),
      ]);
      // A filing that completes a pattern of concerns about the colleague opens its review.
      await openPatternReviewIfDue(tx, subject.id, now);
      await writeJobChanges(tx, [
        dueCheckJob(concernId, responseDueAt),
        reminderJob(
          { id: concernId, state: "awaiting_response", responseDueAt, confirmationDueAt: null },
          now,
          settings.windows.reminderLeadMs,
        ),
      ]);
      return { concernId, joined: false };
    });

  try {
    return await fileOrJoin();
  } catch (error) {
    // The unique indexes are the last word when filings race past the checks.
    if (isUniqueViolation(error, "concerns_open_duplicate_key")) {
      throw duplicateRefusal(
        (await findOpenConcern(db, reporter.id, postUrlNormalised))?.id,
        Boolean(recording),
      );
    }
    // Another reporter's filing opened the case first: this one now joins it.
    if (isUniqueViolation(error, "concerns_open_post_key")) return fileOrJoin();
    throw error;
  }
}

/** Filings and joinings by this reporter since then, for the daily limit. */
async function countFiledSince(db: Db, reporterId: string, since: Date): Promise<number> {
  const { rows } = await db.execute<{ filed: number }>(sql`select
    (select count(*) from ${concerns}
      where ${and(eq(concerns.reporterId, reporterId), gte(concerns.createdAt, since))})::int
    + (select count(*) from ${concernReporters}
      where ${and(eq(concernReporters.reporterId, reporterId), gte(concernReporters.joinedAt, since))})::int
    as filed`);
  return rows[0]!.filed;
}

/** An open case about this post that this person raised or joined, if any. */
async function findOpenConcern(db: Db, reporterId: string, postUrlNormalised: string) {
  const [open] = await openConcernsOfReporter(db, reporterId, postUrlNormalised);
  return open;
}

/**
 * The query of findOpenConcern: the cases the person raised, through the index of open
 * cases by reporter and post, then those they joined, through their own joinings. One
 * condition with an OR across the two read every open case about any post instead:
 * two seconds a filing at a million concerns.
 */
export function openConcernsOfReporter(db: Db, reporterId: string, postUrlNormalised: string) {
  const openAbout = and(
    eq(concerns.postUrlNormalised, postUrlNormalised),
    // closed_at as the index's own condition says it, so that the index serves.
    isNull(concerns.closedAt),
    inArray(concerns.state, [...OPEN_STATES]),
  );
  return unionAll(
    db
      .select({ id: concerns.id })
      .from(concerns)
      .where(and(eq(concerns.reporterId, reporterId), openAbout)),
    db
      .select({ id: concerns.id })
      .from(concernReporters)
      .innerJoin(concerns, eq(concerns.id, concernReporters.concernId))
      .where(and(eq(concernReporters.reporterId, reporterId), openAbout)),
  ).limit(1);
}

function duplicateRefusal(existingId: string | undefined, recorded: boolean): Refusal {
  if (recorded) {
    return new Refusal(
      "duplicate",
      "This reporter already has an open concern about this post.",
      "postUrl",
    );
  }
  return new Refusal(
    "duplicate",
    "You already have an open concern about this post.",
    "postUrl",
    existingId
      ? { href: `/concerns/${existingId}`, label: "Open your existing concern" }
      : undefined,
  );
}
