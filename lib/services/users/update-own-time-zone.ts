import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";
import { ownTimeZone } from "../field-schemas";

export const ownTimeZoneSchema = z.object({
  timeZone: ownTimeZone().describe("Your time zone"),
});

/**
 * The zone a person reads dates in, in the app and in their emails; none means the
 * organisation's, which then follows it when an administrator changes it. Their own
 * choice, recorded like their email preferences.
 */
export async function updateOwnTimeZone(
  db: Database,
  actor: Actor,
  input: z.input<typeof ownTimeZoneSchema>,
): Promise<void> {
  const { timeZone } = ownTimeZoneSchema.parse(input);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for("update");
    await tx.update(users).set({ timeZone }).where(eq(users.id, actor.userId));
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "time_zone_updated",
      entityType: "user",
      entityId: actor.userId,
      details: { before: before?.timeZone ?? null, after: timeZone },
    });
  });
}
