"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/authz/current-actor";
import { type ActionState, toActionState } from "@/lib/errors/to-action-state";
import { updateEmailPreferences } from "@/lib/services/notifications/update-email-preferences";

export async function updateEmailPreferencesAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requireActor();
  try {
    await updateEmailPreferences(getDb(), actor, {
      remindersByEmail: form.get("remindersByEmail") === "on",
    });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/preferences/email");
  return { status: "success", message: "Email preferences saved." };
}
