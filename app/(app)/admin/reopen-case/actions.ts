"use server";

import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { type ActionState, toActionState } from "@/lib/errors/to-action-state";
import { reopenCaseByReference } from "@/lib/services/concerns/reopen-case";

export async function reopenByReferenceAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("users:manage");
  try {
    const { reference } = await reopenCaseByReference(getDb(), actor, {
      reference: String(form.get("reference") ?? ""),
      reason: String(form.get("reason") ?? ""),
    });
    return {
      status: "success",
      message: `${reference} is reopened and back in the compliance queue. Both parties and the officers have been told.`,
    };
  } catch (error) {
    return toActionState(error);
  }
}
