"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { type ActionState, toActionState } from "@/lib/errors/to-action-state";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";

function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function reportRemediationAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("notices:respond");
  const concernId = text(form, "concernId");
  try {
    await reportRemediation(getDb(), actor, concernId, {
      action: text(form, "action"),
      note: text(form, "note"),
    });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/notices");
  redirect(`/notices/${concernId}?done=report_remediation`);
}

export async function disputeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePermission("notices:respond");
  const concernId = text(form, "concernId");
  try {
    await disputeConcern(getDb(), actor, concernId, { explanation: text(form, "explanation") });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/notices");
  redirect(`/notices/${concernId}?done=dispute`);
}
