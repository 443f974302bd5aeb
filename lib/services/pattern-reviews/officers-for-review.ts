import type { Transaction } from "@/db/client";
import { activeOfficers } from "@/lib/queries/officers";

/**
 * The officers a pattern review goes to: the active compliance officers of the colleague's
 * department, or every active officer when it has none; never the colleague nor anyone who
 * raised one of its concerns (patternReviewOfficerScope is the same rule for reading).
 */
export async function officersForReview(
  tx: Transaction,
  review: { subjectId: string; subjectDepartmentId: string | null },
  reporterIds: readonly string[],
): Promise<string[]> {
  const excluding = [review.subjectId, ...reporterIds];
  const departmental = review.subjectDepartmentId
    ? await activeOfficers(tx, { excluding, departmentId: review.subjectDepartmentId })
    : [];
  const officers = departmental.length > 0 ? departmental : await activeOfficers(tx, { excluding });
  return officers.map((officer) => officer.id);
}
