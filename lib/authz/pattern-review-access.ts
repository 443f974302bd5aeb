import { type SQL, sql } from "drizzle-orm";
import { patternReviews } from "@/db/schema";
import { type Actor, can } from "./permissions";

/**
 * Which pattern reviews an officer may see and work, as a query condition (a review they
 * may not see is simply not found). Officers whose scope covers the colleague's department:
 * the officers of that department, or every officer when it has none (as escalations are
 * routed). Never the colleague, nor anyone who raised one of the listed concerns.
 */
export function patternReviewOfficerScope(actor: Actor): SQL {
  if (!can(actor, "compliance:work")) return sql`false`;
  return sql`(${patternReviews.subjectId} <> ${actor.userId}
    and not exists (
      select 1 from pattern_review_concerns prc
        join concerns c on c.id = prc.concern_id
       where prc.review_id = ${patternReviews.id} and c.reporter_id = ${actor.userId})
    and (${patternReviews.subjectDepartmentId} is not distinct from ${actor.departmentId ?? null}::uuid
      or not exists (
        select 1 from users u
          join user_roles r on r.user_id = u.id and r.role = 'compliance_officer'
         where u.department_id = ${patternReviews.subjectDepartmentId}
           and u.deactivated_at is null
           and u.id <> ${patternReviews.subjectId}
           and not exists (
             select 1 from pattern_review_concerns prc2
               join concerns c2 on c2.id = prc2.concern_id
              where prc2.review_id = ${patternReviews.id} and c2.reporter_id = u.id))))`;
}

/** The colleague's own reviews, while they hold the physician's role. */
export function patternReviewSubjectScope(actor: Actor): SQL {
  return can(actor, "notices:respond")
    ? sql`${patternReviews.subjectId} = ${actor.userId}`
    : sql`false`;
}
