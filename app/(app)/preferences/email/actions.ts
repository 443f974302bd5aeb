"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import {
  emailPreferencesSchema,
  updateEmailPreferences,
} from "@/lib/services/notifications/update-email-preferences";
import { ownTimeZoneSchema, updateOwnTimeZone } from "@/lib/services/users/update-own-time-zone";

export const updateEmailPreferencesAction = formAction({
  allow: "signed-in",
  input: emailPreferencesSchema,
  run: (actor, input) => updateEmailPreferences(getDb(), actor, input),
  done: () => ({ revalidate: "/preferences/email", message: "Email preferences saved." }),
});

export const updateOwnTimeZoneAction = formAction({
  allow: "signed-in",
  input: ownTimeZoneSchema,
  run: (actor, input) => updateOwnTimeZone(getDb(), actor, input),
  done: (_result, input) => ({
    revalidate: "/preferences/email",
    message: input.timeZone
      ? "Time zone saved. Dates are now shown in it."
      : "Time zone saved. Dates are now shown in the organisation's.",
  }),
});
