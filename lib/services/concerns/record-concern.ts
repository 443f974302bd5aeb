import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { parseScreened } from "../screen-free-text";
import { type RecordConcernInput, recordConcernSchema } from "./concern-schemas";
import { openConcern } from "./file-concern";

/**
 * A compliance officer records a concern that reached them by telephone, letter, a
 * department chair or an external body; from the notice on it is a concern like any other.
 * A physician with an account who raised it becomes its reporter of record (and is told);
 * for an anonymous or outside source, the recording officer is, acting on the source's
 * behalf, and as a party can never work the case as an officer.
 */
export async function recordConcern(
  db: Database,
  actor: Actor,
  input: RecordConcernInput,
  now = new Date(),
): Promise<{ concernId: string; reporterOfRecord: boolean }> {
  assertCan(actor, "concerns:record");
  const { data, patientDetailsConfirmed } = parseScreened(recordConcernSchema, input);
  const reporter =
    data.source === "physician"
      ? await findActivePhysician(db, data.reporterEmail ?? "")
      : { id: actor.userId, name: actor.name, email: actor.email };
  if (reporter.id === actor.userId && data.source === "physician") {
    throw new Refusal(
      "invalid_input",
      "A concern you raise yourself is not recorded for you: choose Anonymous or Someone else, or raise it as a physician.",
      "reporterEmail",
    );
  }
  const { concernId } = await openConcern(
    db,
    actor,
    { data, patientDetailsConfirmed },
    {
      reporter,
      recording: {
        channel: data.channel,
        sourceName: data.source === "outside" ? (data.sourceName ?? null) : null,
      },
    },
    now,
  );
  return { concernId, reporterOfRecord: reporter.id === actor.userId };
}

async function findActivePhysician(db: Database, email: string) {
  const [physician] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "physician")))
    .where(and(eq(users.email, email), isNull(users.deactivatedAt)));
  if (!physician) {
    throw new Refusal(
      "invalid_input",
      "No active physician has that email. Check it, or record the source as someone else.",
      "reporterEmail",
    );
  }
  return physician;
}
