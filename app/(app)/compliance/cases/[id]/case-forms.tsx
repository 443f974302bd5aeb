import { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, SelectField, TextareaField, TextField } from "@/components/ui/field";
import {
  assignCaseSchema,
  caseNoteSchema,
  releaseCaseSchema,
  reopenCaseSchema,
  requestInformationSchema,
  retractNoteSchema,
} from "@/lib/services/concerns/compliance-schemas";
import { onCase } from "@/lib/services/concerns/concern-schemas";
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

function CaseId({ concernId }: { concernId: string }) {
  return <input type="hidden" name="concernId" value={concernId} />;
}

export function ClaimCaseForm({ concernId, label }: { concernId: string; label: string }) {
  return (
    <ActionForm action={claimCaseAction} schema={onCase(z.object({}))} className="space-y-2">
      <CaseId concernId={concernId} />
      <SubmitButton pendingLabel="Claiming…">{label}</SubmitButton>
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
    <ActionForm
      action={assignCaseAction}
      schema={onCase(assignCaseSchema)}
      className="space-y-2"
      idPrefix="assign-"
    >
      <CaseId concernId={concernId} />
      <SelectField
        name="assigneeId"
        defaultValue=""
        options={[
          { value: "", label: "Choose an officer" },
          ...officers.map((officer) => ({ value: officer.id, label: officer.name })),
        ]}
      />
      <SubmitButton variant="secondary" pendingLabel="Assigning…">
        Assign
      </SubmitButton>
    </ActionForm>
  );
}

export function ReleaseCaseForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm
      action={releaseCaseAction}
      schema={onCase(releaseCaseSchema)}
      className="space-y-2"
      idPrefix="release-"
    >
      <CaseId concernId={concernId} />
      <TextField name="reason" />
      <SubmitButton variant="secondary" pendingLabel="Releasing…">
        Release to the queue
      </SubmitButton>
    </ActionForm>
  );
}

export function ReopenCaseForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm
      action={reopenCaseAction}
      schema={onCase(reopenCaseSchema)}
      className={BOX}
      idPrefix="reopen-"
    >
      <CaseId concernId={concernId} />
      <TextareaField name="reason" rows={3} />
      <SubmitButton variant="secondary" pendingLabel="Reopening…">
        Reopen case
      </SubmitButton>
    </ActionForm>
  );
}

export function AddNoteForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm
      action={addNoteAction}
      schema={onCase(caseNoteSchema)}
      className={BOX}
      idPrefix="note-"
    >
      <CaseId concernId={concernId} />
      <TextareaField
        name="body"
        hint="Seen by compliance officers only. Notes cannot be edited or deleted, only retracted with a reason."
        rows={3}
      />
      <SubmitButton pendingLabel="Adding…">Add note</SubmitButton>
    </ActionForm>
  );
}

export function RetractNoteForm({ concernId, noteId }: { concernId: string; noteId: number }) {
  return (
    <ActionForm
      action={retractNoteAction}
      schema={onCase(retractNoteSchema)}
      className="mt-2 space-y-2"
      idPrefix={`retract-${noteId}-`}
    >
      <CaseId concernId={concernId} />
      <input type="hidden" name="noteId" value={noteId} />
      <TextField name="reason" />
      <SubmitButton variant="secondary" pendingLabel="Retracting…">
        Retract note
      </SubmitButton>
    </ActionForm>
  );
}

export function RequestInformationForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm
      action={requestInformationAction}
      schema={onCase(requestInformationSchema)}
      className={BOX}
      idPrefix="question-"
    >
      <CaseId concernId={concernId} />
      <RadioGroup
        name="recipient"
        options={[
          { value: "subject", label: "The colleague concerned" },
          { value: "reporter", label: "The colleague who raised the concern" },
        ]}
      />
      <TextareaField
        name="question"
        hint="Only the person asked sees it. Do not name a confidential reporter to the colleague concerned."
        rows={3}
      />
      <SubmitButton pendingLabel="Sending…">Send question</SubmitButton>
    </ActionForm>
  );
}
