import { DateTime } from "@/components/ui/date-time";
import type { CaseNote } from "@/lib/queries/case-file";
import { AddNoteForm, RetractNoteForm } from "./case-forms";

/** Officers' internal notes: append-only, retractable by their author with a reason. */
export function NotesSection({
  concernId,
  notes,
  viewerId,
  canAdd,
  timeZone,
}: {
  concernId: string;
  notes: CaseNote[];
  viewerId: string;
  canAdd: boolean;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="notes" className="space-y-3">
      <h2 id="notes" className="text-lg font-semibold">
        Internal notes (officers only)
      </h2>
      {notes.length === 0 ? <p className="text-sm">No notes yet.</p> : null}
      <ul className="space-y-3">
        {notes.map((note) => (
          <li key={note.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <p className="text-slate-600">
              {note.authorName} · <DateTime date={note.createdAt} timeZone={timeZone} />
            </p>
            <p
              className={`whitespace-pre-wrap break-words ${note.retractedAt ? "line-through" : ""}`}
            >
              {note.body}
            </p>
            {note.retractedAt ? (
              <p className="mt-1 font-medium">
                Retracted by {note.retractedByName} on{" "}
                <DateTime date={note.retractedAt} timeZone={timeZone} />: {note.retractionReason}
              </p>
            ) : note.authorId === viewerId ? (
              <RetractNoteForm concernId={concernId} noteId={note.id} />
            ) : null}
          </li>
        ))}
      </ul>
      {canAdd ? <AddNoteForm concernId={concernId} /> : null}
    </section>
  );
}
