"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { type ActionState, toActionState } from "@/lib/errors/to-action-state";
import { updateWorkflowSettings } from "@/lib/services/settings/update-workflow-settings";

export async function updateWorkflowSettingsAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("users:manage");
  try {
    await updateWorkflowSettings(getDb(), actor, {
      remediationWindowHours: String(form.get("remediationWindowHours") ?? ""),
      confirmationWindowHours: String(form.get("confirmationWindowHours") ?? ""),
      reminderLeadHours: String(form.get("reminderLeadHours") ?? ""),
      dailyFilingLimit: String(form.get("dailyFilingLimit") ?? ""),
      triageBusinessDays: String(form.get("triageBusinessDays") ?? ""),
      decisionWindowDays: String(form.get("decisionWindowDays") ?? ""),
    });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/admin/settings");
  return { status: "success", message: "Settings saved. They apply to deadlines set from now on." };
}
