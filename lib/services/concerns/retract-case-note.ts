import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { caseNotes, concerns } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { parseScreened } from "../screen-free-text";
import { retractNoteSchema } from "./compliance-schemas";

const NOTE_NOT_FOUND = "We could not find that note.";

export const noteIdSchema = z.coerce
  .number(NOTE_NOT_FOUND)
  .int(NOTE_NOT_FOUND)
  .positive(NOTE_NOT_FOUND);

/**
 * Its author retracts a note, with a reason. The note stays on record, marked retracted:
 * notes are never edited or deleted.
 */
export async function retractCaseNote(
  db: Database,
  actor: Actor,
  noteId: number,
  input: { reason: string; patientDetailsConfirmed?: string[] },
  now = new Date(),
): Promise<void> {
  assertCan(actor, "compliance:work");
  const id = noteIdSchema.parse(noteId);
  const { data, patientDetailsConfirmed } = parseScreened(retractNoteSchema, input);
  const { reason } = data;
  await db.transaction(async (tx) => {
    const [note] = await tx
      .select({ id: caseNotes.id, authorId: caseNotes.authorId, concernId: caseNotes.concernId })
      .from(caseNotes)
      .innerJoin(concerns, eq(concerns.id, caseNotes.concernId))
      .where(and(eq(caseNotes.id, id), concernScope(actor, "officer")));
    if (!note) throw new Refusal("not_found", NOTE_NOT_FOUND);
    if (note.authorId !== actor.userId) {
      throw new Refusal("forbidden", "Only the officer who wrote a note can retract it.");
    }
    const [retracted] = await tx
      .update(caseNotes)
      .set({ retractedAt: now, retractedById: actor.userId, retractionReason: reason })
      .where(and(eq(caseNotes.id, id), isNull(caseNotes.retractedAt)))
      .returning({ id: caseNotes.id });
    if (!retracted) throw new Refusal("conflict", "This note has already been retracted.");
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "note_retracted",
      entityType: "concern",
      entityId: note.concernId,
      details: { noteId: id, reason, ...(patientDetailsConfirmed && { patientDetailsConfirmed }) },
    });
  });
}
