import type { Db } from "@/db/client";
import { securityEvents } from "@/db/schema";

/**
 * Account-security events: who, what, when and from which address, never case content.
 * The one place they are written, so they can be routed into the organisation's security
 * log without touching the callers.
 */
export type SecurityEventKind =
  | "two_factor_enrolled"
  | "two_factor_disabled"
  | "recovery_codes_regenerated"
  | "recovery_code_used"
  | "two_factor_code_refused";

export interface SecurityEvent {
  kind: SecurityEventKind;
  userId: string;
  /** The client's address as the launcher recorded it; null when unknown. */
  address: string | null;
}

/** Call inside the transaction of the change it records. */
export async function recordSecurityEvent(db: Db, event: SecurityEvent): Promise<void> {
  await db.insert(securityEvents).values(event);
}
