import { and, desc, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { caseAppeals, users } from "@/db/schema";
import type { AppealRefusal } from "@/lib/domain/appeal";
import { Refusal } from "@/lib/errors/refusal";

export type AppealRow = typeof caseAppeals.$inferSelect;

/**
 * The case's latest appeal, locked for the rest of the transaction. Callers lock the case
 * first, so two officers acting on one appeal wait for each other on the case's row.
 */
export async function lockLatestAppeal(
  tx: Transaction,
  concernId: string,
): Promise<AppealRow | undefined> {
  const [appeal] = await tx
    .select()
    .from(caseAppeals)
    .where(eq(caseAppeals.concernId, concernId))
    .orderBy(desc(caseAppeals.filedAt))
    .limit(1)
    .for("update");
  return appeal;
}

/** Whether this decision of the case (its closing at that instant) was already appealed. */
export async function decisionWasAppealed(
  tx: Transaction,
  concernId: string,
  closedAt: Date,
): Promise<boolean> {
  const [appeal] = await tx
    .select({ id: caseAppeals.id })
    .from(caseAppeals)
    .where(and(eq(caseAppeals.concernId, concernId), eq(caseAppeals.decisionClosedAt, closedAt)));
  return appeal !== undefined;
}

export const NO_APPEAL = "There is no appeal on this case.";

const REFUSAL_CODES: Readonly<Record<AppealRefusal["code"], Refusal["code"]>> = {
  not_decided: "conflict",
  window_closed: "conflict",
  already_appealed: "duplicate",
  party: "forbidden",
  decider: "forbidden",
  wrong_status: "conflict",
  not_taker: "conflict",
  same_outcome: "invalid_input",
};

/** The rule's refusal as the service throws it; an appeal another officer took names them. */
export async function appealRefusal(
  tx: Transaction,
  verdict: AppealRefusal,
  appeal?: AppealRow,
): Promise<Refusal> {
  const field = verdict.code === "same_outcome" ? "newOutcome" : undefined;
  if (appeal?.takenById && (verdict.code === "wrong_status" || verdict.code === "not_taker")) {
    const [taker] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, appeal.takenById));
    if (taker && appeal.status === "taken") {
      return new Refusal("conflict", `${verdict.message} ${taker.name} has taken it.`);
    }
  }
  return new Refusal(REFUSAL_CODES[verdict.code], verdict.message, field);
}
