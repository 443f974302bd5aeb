"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import {
  emailPreferencesSchema,
  updateEmailPreferences,
} from "@/lib/services/notifications/update-email-preferences";

export const updateEmailPreferencesAction = formAction({
  allow: "signed-in",
  input: emailPreferencesSchema,
  run: (actor, input) => updateEmailPreferences(getDb(), actor, input),
  done: () => ({ revalidate: "/preferences/email", message: "Email preferences saved." }),
});
