import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { concerns } from "@/db/schema";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { concernReference } from "@/lib/domain/concern-fields";
import { Refusal } from "@/lib/errors/refusal";
import { parseScreened } from "../screen-free-text";
import { applyConcernEvent } from "./apply-concern-event";
import { CASE_NOT_FOUND } from "./case-refusals";
import { reopenByReferenceSchema, reopenCaseSchema } from "./compliance-schemas";
import { concernIdSchema } from "./concern-schemas";

/** An officer reopens a closed case, with a reason; it returns to the queue unassigned. */
export async function reopenCase(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { reason: string; patientDetailsConfirmed?: string[] },
  now?: Date,
) {
  assertCan(actor, "cases:reopen");
  const { data, patientDetailsConfirmed } = parseScreened(reopenCaseSchema, input);
  const { reason } = data;
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: { type: "reopen", reason },
    now,
    patientDetailsConfirmed,
  });
}

/**
 * An administrator reopens a case by its reference without reading it: the answer is
 * only the reference, so no case content reaches someone who may not see it.
 */
export async function reopenCaseByReference(
  db: Database,
  actor: Actor,
  input: z.input<typeof reopenByReferenceSchema>,
  now?: Date,
): Promise<{ reference: string }> {
  assertCan(actor, "cases:reopen");
  const { data, patientDetailsConfirmed } = parseScreened(reopenByReferenceSchema, input);
  const { reference, reason } = data;
  const [concern] = await db
    .select({ id: concerns.id, number: concerns.number })
    .from(concerns)
    .where(eq(concerns.number, reference));
  if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND, "reference");
  await applyConcernEvent(db, {
    concernId: concern.id,
    by: actor,
    event: { type: "reopen", reason },
    now,
    patientDetailsConfirmed,
  });
  return { reference: concernReference(concern.number) };
}
