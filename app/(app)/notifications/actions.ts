"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import {
  markAllNotificationsRead,
  markAllReadSchema,
} from "@/lib/services/notifications/mark-notifications-read";

export const markAllNotificationsReadAction = formAction({
  allow: "signed-in",
  input: markAllReadSchema,
  run: (actor, input) => markAllNotificationsRead(getDb(), actor, input),
  done: (marked) => ({
    revalidate: "/notifications",
    message:
      marked === 0
        ? "There was nothing unread."
        : `${marked} notification${marked === 1 ? "" : "s"} marked as read.`,
  }),
});
