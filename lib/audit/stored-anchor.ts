import { sql } from "drizzle-orm";
import { type AnchoredHead, hashAnchor, hashAnchorV2 } from "./audit-chain";

/** An anchor as stored: what the worker chains the next one to and audit:verify checks. */
export interface StoredAnchor {
  id: number;
  createdAt: Date;
  version: number;
  heads: AnchoredHead[] | null;
  xactHorizon: string | null;
  headCount: number | null;
  headsDigest: string | null;
  prevHash: string;
  hash: string;
}

export type StoredAnchorRow = {
  id: string;
  created_at: Date;
  version: number;
  heads: AnchoredHead[] | null;
  xact_horizon: string | null;
  head_count: number | null;
  heads_digest: string | null;
  prev_hash: string;
  hash: string;
};

/** The columns of `audit_anchors` that make a StoredAnchorRow. */
export const STORED_ANCHOR_COLUMNS = sql.raw(
  "audit_anchors.id::text as id, created_at, version, heads, xact_horizon::text, head_count, heads_digest, prev_hash, hash",
);

export function storedAnchorFrom(row: StoredAnchorRow): StoredAnchor {
  return {
    id: Number(row.id),
    createdAt: new Date(row.created_at),
    version: row.version,
    heads: row.heads,
    xactHorizon: row.xact_horizon,
    headCount: row.head_count,
    headsDigest: row.heads_digest,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The anchor's hash recomputed from its stored fields, or null when they are incomplete. */
export function recomputeAnchorHash(anchor: StoredAnchor): string | null {
  if (anchor.version === 1 && anchor.heads) {
    return hashAnchor(anchor.prevHash, anchor.createdAt, anchor.heads);
  }
  if (
    anchor.version === 2 &&
    anchor.xactHorizon !== null &&
    anchor.headCount !== null &&
    anchor.headsDigest !== null
  ) {
    return hashAnchorV2({
      prevHash: anchor.prevHash,
      createdAt: anchor.createdAt,
      xactHorizon: anchor.xactHorizon,
      headCount: anchor.headCount,
      headsDigest: anchor.headsDigest,
    });
  }
  return null;
}
