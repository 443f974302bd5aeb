import { sql } from "drizzle-orm";
import {
  check,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { concerns } from "./concerns";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

// The bytes of evidence files, for the PostgreSQL storage (lib/evidence/storage.ts). Only
// inserted and read: evidence outlives the post it shows, so nothing here is deleted.
export const evidenceBlobs = pgTable("evidence_blobs", {
  key: uuid().primaryKey().defaultRandom(),
  bytes: bytea().notNull(),
});

// What was filed with a concern. The id is random and is what a download names; the name
// is neutral (never the uploaded one) and the hash is of the stored, cleaned bytes.
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    concernId: uuid()
      .notNull()
      .references(() => concerns.id, { onDelete: "restrict" }),
    position: integer().notNull(),
    fileName: text().notNull(),
    mediaType: text().notNull(),
    byteSize: integer().notNull(),
    sha256: text().notNull(),
    // Where the storage keeps the bytes: an evidence_blobs key for the PostgreSQL storage.
    storageKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("evidence_files_concern_idx").on(t.concernId),
    uniqueIndex("evidence_files_position_key").on(t.concernId, t.position),
    check("evidence_files_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("evidence_files_positive_size", sql`${t.byteSize} > 0`),
  ],
);
