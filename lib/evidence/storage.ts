import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { evidenceBlobs } from "@/db/schema";

/**
 * Where evidence bytes live. Put and get only: evidence is kept as filed, so there is no
 * delete. `put` takes the caller's transaction, so a file is stored with its filing or not
 * at all; another implementation (object storage) must keep that promise, for instance by
 * writing content-addressed objects before the transaction and never removing them.
 */
export interface EvidenceStorage {
  /** Stores the bytes; the key it returns is what the evidence row records. */
  put(db: Db, bytes: Uint8Array): Promise<string>;
  /** The bytes stored under the key, or null when there are none. */
  get(db: Db, key: string): Promise<Uint8Array | null>;
}

/** The default: a bytea row per file, in the application's own database. */
export const postgresEvidenceStorage: EvidenceStorage = {
  async put(db, bytes) {
    const [row] = await db
      .insert(evidenceBlobs)
      .values({ bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
      .returning({ key: evidenceBlobs.key });
    return row!.key;
  },
  async get(db, key) {
    const [row] = await db
      .select({ bytes: evidenceBlobs.bytes })
      .from(evidenceBlobs)
      .where(eq(evidenceBlobs.key, key));
    return row ? new Uint8Array(row.bytes) : null;
  },
};

export const evidenceStorage: EvidenceStorage = postgresEvidenceStorage;
