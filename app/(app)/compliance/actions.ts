"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { type ActionState, toActionState } from "@/lib/errors/to-action-state";
import { addCaseNote } from "@/lib/services/concerns/add-case-note";
import { assignCase } from "@/lib/services/concerns/assign-case";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import { releaseCase } from "@/lib/services/concerns/release-case";
import { reopenCase } from "@/lib/services/concerns/reopen-case";
import { requestInformation } from "@/lib/services/concerns/request-information";
import { retractCaseNote } from "@/lib/services/concerns/retract-case-note";

function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

/**
 * Runs one officer use case for the case named in the form; the service checks the actor,
 * the record and the input itself. On success the case page reloads with a confirmation.
 */
async function onCase(
  form: FormData,
  done: string,
  work: (
    actor: Awaited<ReturnType<typeof requirePermission>>,
    concernId: string,
  ) => Promise<unknown>,
): Promise<ActionState> {
  const actor = await requirePermission("compliance:work");
  const concernId = text(form, "concernId");
  try {
    await work(actor, concernId);
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/compliance");
  redirect(`/compliance/cases/${concernId}?done=${done}`);
}

export async function claimCaseAction(_p: ActionState, form: FormData): Promise<ActionState> {
  return onCase(form, "claim", (actor, id) => claimCase(getDb(), actor, id));
}

export async function assignCaseAction(_p: ActionState, form: FormData): Promise<ActionState> {
  return onCase(form, "assign", (actor, id) =>
    assignCase(getDb(), actor, id, { assigneeId: text(form, "assigneeId") }),
  );
}

export async function releaseCaseAction(_p: ActionState, form: FormData): Promise<ActionState> {
  return onCase(form, "release", (actor, id) =>
    releaseCase(getDb(), actor, id, { reason: text(form, "reason") }),
  );
}

export async function closeCaseAction(_p: ActionState, form: FormData): Promise<ActionState> {
  return onCase(form, "close_case", (actor, id) =>
    closeCase(getDb(), actor, id, {
      outcome: text(form, "outcome"),
      rationale: text(form, "rationale"),
      externalAuthority: text(form, "externalAuthority"),
    }),
  );
}

export async function reopenCaseAction(_p: ActionState, form: FormData): Promise<ActionState> {
  return onCase(form, "reopen", (actor, id) =>
    reopenCase(getDb(), actor, id, { reason: text(form, "reason") }),
  );
}

export async function addNoteAction(_p: ActionState, form: FormData): Promise<ActionState> {
  return onCase(form, "note", (actor, id) =>
    addCaseNote(getDb(), actor, id, { body: text(form, "body") }),
  );
}

export async function retractNoteAction(_p: ActionState, form: FormData): Promise<ActionState> {
  return onCase(form, "retract_note", (actor) =>
    retractCaseNote(getDb(), actor, Number(text(form, "noteId")), {
      reason: text(form, "reason"),
    }),
  );
}

export async function requestInformationAction(
  _p: ActionState,
  form: FormData,
): Promise<ActionState> {
  return onCase(form, "request_information", (actor, id) =>
    requestInformation(getDb(), actor, id, {
      recipient: text(form, "recipient"),
      question: text(form, "question"),
    }),
  );
}
