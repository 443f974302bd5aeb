import type { Database } from "@/db/client";
import type { Actor } from "@/lib/authz/permissions";
import { applyConcernEvent } from "./apply-concern-event";
import { concernIdSchema } from "./concern-schemas";

/** Records, once, that the colleague opened the notice about their post. */
export async function openNotice(db: Database, actor: Actor, concernId: string, now?: Date) {
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: { type: "open_notice" },
    now,
  });
}
