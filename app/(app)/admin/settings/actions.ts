"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import {
  updateWorkflowSettings,
  workflowSettingsSchema,
} from "@/lib/services/settings/update-workflow-settings";

export const updateWorkflowSettingsAction = formAction({
  allow: "users:manage",
  input: workflowSettingsSchema,
  run: (actor, input) => updateWorkflowSettings(getDb(), actor, input),
  done: () => ({
    revalidate: "/admin/settings",
    message: "Settings saved. They apply to deadlines set from now on.",
  }),
});
