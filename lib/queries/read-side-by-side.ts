import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

type Reads<T extends readonly unknown[]> = { [K in keyof T]: () => PromiseLike<T[K]> };

/**
 * Independent reads of one query: side by side on the pool, each on a connection of its
 * own; one after another inside a transaction, whose one connection runs one statement at a
 * time (pg warns on overlapping queries and will refuse them).
 */
export async function readSideBySide<const T extends readonly unknown[]>(
  db: Db,
  reads: Reads<T>,
): Promise<T> {
  if (!is(db, PgTransaction)) {
    return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  }
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
