import { desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { securityEvents, users } from "@/db/schema";

export const SECURITY_LOG_PAGE_SIZE = 50;

export interface SecurityLogEntry {
  id: number;
  occurredAt: Date;
  kind: string;
  personName: string | null;
  /** The account's email, or the email typed when no account has it. */
  email: string | null;
  address: string | null;
  actorName: string | null;
}

/**
 * One page of the security log, newest first, for administrators; optionally of one
 * person, by email (their account's, or the one typed at sign-in). Nothing here is case
 * content.
 */
export async function listSecurityEvents(
  db: Db,
  params: { email?: string; page: number },
): Promise<{ entries: SecurityLogEntry[]; hasMore: boolean }> {
  const person = alias(users, "person");
  const actor = alias(users, "actor");
  const email = params.email?.trim().toLowerCase();
  const rows = await db
    .select({
      id: securityEvents.id,
      occurredAt: securityEvents.occurredAt,
      kind: securityEvents.kind,
      personName: person.name,
      personEmail: person.email,
      account: securityEvents.account,
      address: securityEvents.address,
      actorName: actor.name,
    })
    .from(securityEvents)
    .leftJoin(person, eq(person.id, securityEvents.userId))
    .leftJoin(actor, eq(actor.id, securityEvents.actorId))
    .where(email ? or(eq(person.email, email), eq(securityEvents.account, email)) : undefined)
    .orderBy(desc(securityEvents.occurredAt), desc(securityEvents.id))
    .offset((params.page - 1) * SECURITY_LOG_PAGE_SIZE)
    .limit(SECURITY_LOG_PAGE_SIZE + 1);
  return {
    entries: rows.slice(0, SECURITY_LOG_PAGE_SIZE).map(({ personEmail, account, ...row }) => ({
      ...row,
      email: personEmail ?? account,
    })),
    hasMore: rows.length > SECURITY_LOG_PAGE_SIZE,
  };
}
