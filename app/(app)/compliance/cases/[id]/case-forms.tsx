"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import {
  addNoteAction,
  assignCaseAction,
  claimCaseAction,
  releaseCaseAction,
  reopenCaseAction,
  requestInformationAction,
  retractNoteAction,
} from "../../actions";

const BOX = "space-y-3 rounded-lg border border-slate-200 bg-white p-4";
const CONTROL = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

function FieldError({ errors }: { errors?: string[] }) {
  return errors?.length ? (
    <span className="block text-sm font-medium text-red-700">{errors.join(" ")}</span>
  ) : null;
}

export function ClaimCaseForm({ concernId, label }: { concernId: string; label: string }) {
  return (
    <ActionForm action={claimCaseAction} className="space-y-2">
      {() => (
        <>
          <input type="hidden" name="concernId" value={concernId} />
          <SubmitButton pendingLabel="Claiming…">{label}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AssignCaseForm({
  concernId,
  officers,
}: {
  concernId: string;
  officers: { id: string; name: string }[];
}) {
  return (
    <ActionForm action={assignCaseAction} className="space-y-2">
      {(state) => (
        <>
          <input type="hidden" name="concernId" value={concernId} />
          <label className="block text-sm">
            <span className="font-medium">Assign to</span>
            <select name="assigneeId" className={CONTROL} defaultValue="">
              <option value="" disabled>
                Choose an officer
              </option>
              {officers.map((officer) => (
                <option key={officer.id} value={officer.id}>
                  {officer.name}
                </option>
              ))}
            </select>
            <FieldError errors={state.fieldErrors?.assigneeId} />
          </label>
          <SubmitButton variant="secondary" pendingLabel="Assigning…">
            Assign
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ReleaseCaseForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm action={releaseCaseAction} className="space-y-2">
      {(state) => (
        <>
          <input type="hidden" name="concernId" value={concernId} />
          <label className="block text-sm">
            <span className="font-medium">Reason for releasing (optional)</span>
            <input name="reason" maxLength={4000} className={CONTROL} />
            <FieldError errors={state.fieldErrors?.reason} />
          </label>
          <SubmitButton variant="secondary" pendingLabel="Releasing…">
            Release to the queue
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ReopenCaseForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm action={reopenCaseAction} className={BOX}>
      {(state) => (
        <>
          <input type="hidden" name="concernId" value={concernId} />
          <label className="block text-sm">
            <span className="font-medium">Reason for reopening</span>
            <textarea name="reason" rows={3} maxLength={4000} className={CONTROL} />
            <FieldError errors={state.fieldErrors?.reason} />
          </label>
          <SubmitButton variant="secondary" pendingLabel="Reopening…">
            Reopen case
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AddNoteForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm action={addNoteAction} className={BOX}>
      {(state) => (
        <>
          <input type="hidden" name="concernId" value={concernId} />
          <label className="block text-sm">
            <span className="font-medium">New internal note</span>
            <span className="block text-slate-600">
              Seen by compliance officers only. Notes cannot be edited or deleted, only retracted
              with a reason.
            </span>
            <textarea name="body" rows={3} maxLength={4000} className={CONTROL} />
            <FieldError errors={state.fieldErrors?.body} />
          </label>
          <SubmitButton pendingLabel="Adding…">Add note</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RetractNoteForm({ concernId, noteId }: { concernId: string; noteId: number }) {
  return (
    <ActionForm action={retractNoteAction} className="mt-2 space-y-2">
      {(state) => (
        <>
          <input type="hidden" name="concernId" value={concernId} />
          <input type="hidden" name="noteId" value={noteId} />
          <label className="block text-sm">
            <span className="font-medium">Reason for retracting</span>
            <input name="reason" maxLength={4000} className={CONTROL} />
            <FieldError errors={state.fieldErrors?.reason} />
          </label>
          <SubmitButton variant="secondary" pendingLabel="Retracting…">
            Retract note
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RequestInformationForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm action={requestInformationAction} className={BOX}>
      {(state) => (
        <>
          <input type="hidden" name="concernId" value={concernId} />
          <fieldset>
            <legend className="text-sm font-medium">Ask</legend>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="recipient" value="subject" className="size-4" />
              The colleague concerned
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="recipient" value="reporter" className="size-4" />
              The colleague who raised the concern
            </label>
            <FieldError errors={state.fieldErrors?.recipient} />
          </fieldset>
          <label className="block text-sm">
            <span className="font-medium">Question</span>
            <span className="block text-slate-600">
              Only the person asked sees it. Do not name a confidential reporter to the colleague
              concerned.
            </span>
            <textarea name="question" rows={3} maxLength={4000} className={CONTROL} />
            <FieldError errors={state.fieldErrors?.question} />
          </label>
          <SubmitButton pendingLabel="Sending…">Send question</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
