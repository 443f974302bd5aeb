import { and, eq, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { concerns } from "@/db/schema";

export type ConcernRow = typeof concerns.$inferSelect;

/**
 * Locks one concern's row for the rest of the transaction, so what is checked and what
 * is written see the same case; every change to a case starts here. With a scope, a case
 * outside it is not found; with skipLocked, a case another worker holds is passed over.
 */
export async function lockConcern(
  tx: Transaction,
  concernId: string,
  options: { scope?: SQL; skipLocked?: boolean } = {},
): Promise<ConcernRow | undefined> {
  const [concern] = await tx
    .select()
    .from(concerns)
    .where(and(eq(concerns.id, concernId), options.scope))
    .for("update", options.skipLocked ? { skipLocked: true } : undefined);
  return concern;
}
