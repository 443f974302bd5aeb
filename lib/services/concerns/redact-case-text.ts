import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { auditEvents, concerns, informationRequests } from "@/db/schema";
import type { RedactableField } from "@/lib/audit/audit-actions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";
import { redactStoredText } from "@/lib/domain/patient-details";
import { Refusal } from "@/lib/errors/refusal";
import { concernIdSchema } from "./concern-schemas";
import { lockCaseHeldBy } from "./lock-held-case";
import { redactCaseTextSchema } from "./redaction-schemas";

const TEXT_NOT_FOUND = "That text is not on this case.";

/**
 * The officer holding a case removes patient details from text already stored in it: the
 * words found by the detector, the words they name, or the whole text, each replaced with
 * "[removed]". One transaction: the text is rewritten, and the audit event records who,
 * which field, how and the SHA-256 of the text as it was, never the text. Earlier audit
 * events that quote the same words are append-only, so the event lists them and every
 * timeline and export hides them.
 */
export async function redactCaseText(
  db: Database,
  actor: Actor,
  concernId: string,
  input: z.input<typeof redactCaseTextSchema>,
): Promise<void> {
  const id = concernIdSchema.parse(concernId);
  const data = redactCaseTextSchema.parse(input);
  await db.transaction(async (tx) => {
    await lockCaseHeldBy(tx, actor, id);
    const stored = await readText(tx, id, data.field);
    if (!stored) throw new Refusal("not_found", TEXT_NOT_FOUND, "field");
    const redacted = redactStoredText(
      stored,
      data.scope === "words" ? { scope: "words", words: data.words ?? "" } : { scope: data.scope },
    );
    if (redacted === stored) {
      throw new Refusal(
        "invalid_input",
        data.scope === "words"
          ? "Those words are not in that text, so nothing was removed. Copy them exactly as they appear."
          : "No patient details were found in that text, so nothing was removed. Name the words to remove, or remove the whole text.",
        data.scope === "words" ? "words" : "scope",
      );
    }
    await writeText(tx, id, data.field, redacted);
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "case_text_redacted",
      entityType: "concern",
      entityId: id,
      details: {
        field: data.field,
        scope: data.scope,
        removedSha256: createHash("sha256").update(stored, "utf8").digest("hex"),
        hiddenQuotes: await quotesOf(tx, id, stored),
      },
    });
  });
}

/** A request's question or answer is named "question:<id>" or "answer:<id>". */
function requestField(field: RedactableField) {
  const [column, requestId] = field.split(":") as ["question" | "answer", string];
  return { column, requestId };
}

async function readText(tx: Transaction, concernId: string, field: RedactableField) {
  if (field.includes(":")) {
    const { column, requestId } = requestField(field);
    const [row] = await tx
      .select({ text: informationRequests[column] })
      .from(informationRequests)
      .where(
        and(eq(informationRequests.id, requestId), eq(informationRequests.concernId, concernId)),
      );
    return row?.text ?? null;
  }
  const column = concerns[field as Exclude<RedactableField, `${string}:${string}`>];
  const [row] = await tx.select({ text: column }).from(concerns).where(eq(concerns.id, concernId));
  return row?.text ?? null;
}

async function writeText(tx: Transaction, concernId: string, field: RedactableField, text: string) {
  if (field.includes(":")) {
    const { column, requestId } = requestField(field);
    await tx
      .update(informationRequests)
      .set({ [column]: text })
      .where(
        and(eq(informationRequests.id, requestId), eq(informationRequests.concernId, concernId)),
      );
    return;
  }
  await tx
    .update(concerns)
    .set({ [field]: text })
    .where(eq(concerns.id, concernId));
}

/** The case's audit events that copied the removed text, and under which key. */
async function quotesOf(tx: Transaction, concernId: string, text: string) {
  const events = await tx
    .select({ id: auditEvents.id, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "concern"), eq(auditEvents.entityId, concernId)));
  return events.flatMap((event) =>
    Object.entries(event.details as Record<string, unknown>)
      .filter(([, value]) => typeof value === "string" && value.trim() === text.trim())
      .map(([key]) => ({ eventId: event.id, key })),
  );
}
