import { type SQL, sql } from "drizzle-orm";
import { patternReviews } from "@/db/schema";
import { type Actor, can } from "./permissions";

/**
 * Which pattern reviews an officer may see and work, as a query condition (a review they
 * may not see is simply not found). Officers whose scope covers the colleague's department:
 * the officers of that department, or every officer when it has none (as escalations are
 * routed). Never the colleague, nor anyone who raised one of the listed concerns (first or
 * joining reporter) or stepped aside from one of them.
 */
export function patternReviewOfficerScope(actor: Actor): SQL {
  if (!can(actor, "compliance:work")) return sql`false`;
  return sql`(${patternReviews.subjectId} <> ${actor.userId}
    and not ${partyToListedConcern(sql`${actor.userId}::uuid`)}
    and (${patternReviews.subjectDepartmentId} is not distinct from ${actor.departmentId ?? null}::uuid
      or not exists (
        select 1 from users u
          join user_roles r on r.user_id = u.id and r.role = 'compliance_officer'
         where u.department_id = ${patternReviews.subjectDepartmentId}
           and u.deactivated_at is null
           and u.id <> ${patternReviews.subjectId}
           and not ${partyToListedConcern(sql`u.id`)})))`;
}

/**
 * This person raised one of the review's concerns (first or joining reporter) or recused
 * from one: the same people `conflictedWithReview` leaves out of its notifications. Each
 * part starts from the person's own few rows (what they filed, joined, recused from) and
 * asks whether the review lists it, rather than walking the review's concerns: the queue
 * asks this for every officer of every listed review's department.
 */
function partyToListedConcern(userId: SQL): SQL {
  const listed = (concernId: SQL) => sql`exists (select 1 from pattern_review_concerns prc
      where prc.review_id = ${patternReviews.id} and prc.concern_id = ${concernId})`;
  return sql`(exists (select 1 from concerns c
        where c.reporter_id = ${userId} and ${listed(sql`c.id`)})
      or exists (select 1 from concern_reporters cr
        where cr.reporter_id = ${userId} and ${listed(sql`cr.concern_id`)})
      or exists (select 1 from case_recusals rc
        where rc.officer_id = ${userId} and ${listed(sql`rc.concern_id`)}))`;
}

/** The colleague's own reviews, while they hold the physician's role. */
export function patternReviewSubjectScope(actor: Actor): SQL {
  return can(actor, "notices:respond")
    ? sql`${patternReviews.subjectId} = ${actor.userId}`
    : sql`false`;
}
