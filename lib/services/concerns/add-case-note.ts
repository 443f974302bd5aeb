import type { Database } from "@/db/client";
import { caseNotes } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";
import { parseScreened } from "../screen-free-text";
import { caseNoteSchema } from "./compliance-schemas";
import { concernIdSchema } from "./concern-schemas";
import { lockCaseHeldBy } from "./lock-held-case";

/**
 * The officer holding a case adds an internal note. Notes are for officers only: nobody
 * is notified and the parties never see them. The audit event names the note, not its
 * text, which stays in the append-only notes table.
 */
export async function addCaseNote(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { body: string; patientDetailsConfirmed?: string[] },
  now = new Date(),
): Promise<{ noteId: number }> {
  const id = concernIdSchema.parse(concernId);
  const { data, patientDetailsConfirmed } = parseScreened(caseNoteSchema, input);
  const { body } = data;
  return db.transaction(async (tx) => {
    await lockCaseHeldBy(tx, actor, id);
    const [note] = await tx
      .insert(caseNotes)
      .values({ concernId: id, authorId: actor.userId, body, createdAt: now })
      .returning({ id: caseNotes.id });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "note_added",
      entityType: "concern",
      entityId: id,
      details: { noteId: note!.id, ...(patientDetailsConfirmed && { patientDetailsConfirmed }) },
    });
    return { noteId: note!.id };
  });
}
