import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { emailPreferences } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";
import { flag } from "../field-schemas";

export const emailPreferencesSchema = z.object({
  remindersByEmail: flag().describe("Email me reminders before deadlines"),
});

/**
 * A person's own email choices. Only reminders can be turned off; notices, responses,
 * escalations and closures are always emailed, and every notification stays in the app.
 * Applies to reminders already queued, since delivery checks the preference when sending.
 */
export async function updateEmailPreferences(
  db: Database,
  actor: Actor,
  input: z.input<typeof emailPreferencesSchema>,
): Promise<void> {
  const data = emailPreferencesSchema.parse(input);
  await db.transaction(async (tx) => {
    await tx
      .insert(emailPreferences)
      .values({ userId: actor.userId, remindersByEmail: data.remindersByEmail })
      .onConflictDoUpdate({
        target: emailPreferences.userId,
        set: { remindersByEmail: data.remindersByEmail, updatedAt: sql`now()` },
      });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "email_preferences_updated",
      entityType: "user",
      entityId: actor.userId,
      details: data,
    });
  });
}
