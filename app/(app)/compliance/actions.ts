"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { type ActionState, toActionState } from "@/lib/errors/to-action-state";
import { closeCase } from "@/lib/services/concerns/close-case";

function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function closeCaseAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("compliance:work");
  const concernId = text(form, "concernId");
  try {
    await closeCase(getDb(), actor, concernId, {
      outcome: text(form, "outcome"),
      rationale: text(form, "rationale"),
      externalAuthority: text(form, "externalAuthority"),
    });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/compliance");
  redirect(`/compliance/cases/${concernId}?done=close_case`);
}
