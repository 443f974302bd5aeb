import { createHash } from "node:crypto";

/** The previous hash of an entity's first event, and of the first anchor. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Each field as "<byte length>:<text>", joined by "|": no value can move a boundary.
 * The database computes the same string in audit_event_hash()
 * (db/migrations/*_audit_append_only.sql); this copy lets `npm run audit:verify`
 * recompute every hash outside the database.
 */
function canonical(fields: string[]): string {
  return fields.map((field) => `${Buffer.byteLength(field, "utf8")}:${field}`).join("|");
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The stored form of an event, as the database renders it (text, so nothing is rounded). */
export interface StoredAuditEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: string;
  prevHash: string | null;
  hash: string | null;
}

export function hashAuditEvent(event: StoredAuditEvent, prevHash: string): string {
  return sha256Hex(
    canonical([
      "peer-concerns-audit-v1",
      prevHash,
      event.id,
      event.occurredAt,
      event.actorId ?? "",
      event.action,
      event.entityType,
      event.entityId,
      event.details,
    ]),
  );
}

/** One chain's head as an anchor records it: [entityType, entityId, eventId, hash]. */
export type AnchoredHead = [string, string, number, string];

export function hashAnchor(prevHash: string, createdAt: Date, heads: AnchoredHead[]): string {
  return sha256Hex(
    canonical([
      "peer-concerns-anchor-v1",
      prevHash,
      createdAt.toISOString(),
      JSON.stringify(heads),
    ]),
  );
}

/** One head a version 2 anchor pins (a row of audit_anchor_heads). */
export interface PinnedHead {
  entityType: string;
  entityId: string;
  eventId: number;
  hash: string;
}

/**
 * The digest of a version 2 anchor's heads: SHA-256 over the SHA-256 of each head's
 * canonical form, heads in event id order. Fed one head at a time, so a million heads
 * never sit in memory; the database computes the same in one statement
 * (lib/audit/anchor-audit-chains.ts), hashing the per-head digests it aggregates.
 */
export class HeadsDigest {
  private readonly outer = createHash("sha256");
  count = 0;

  add(head: PinnedHead): void {
    const leaf = canonical([head.entityType, head.entityId, String(head.eventId), head.hash]);
    this.outer.update(createHash("sha256").update(leaf, "utf8").digest());
    this.count++;
  }

  hex(): string {
    return this.outer.digest("hex");
  }
}

/** What a version 2 anchor's hash covers, besides the previous anchor's hash. */
export interface AnchorV2Fields {
  prevHash: string;
  createdAt: Date;
  /** Every transaction below this id had ended when the anchor looked (xid8, as text). */
  xactHorizon: string;
  headCount: number;
  headsDigest: string;
}

export function hashAnchorV2(anchor: AnchorV2Fields): string {
  return sha256Hex(
    canonical([
      "peer-concerns-anchor-v2",
      anchor.prevHash,
      anchor.createdAt.toISOString(),
      anchor.xactHorizon,
      String(anchor.headCount),
      anchor.headsDigest,
    ]),
  );
}
