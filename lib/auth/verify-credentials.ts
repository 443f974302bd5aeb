import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "./password";

export type CredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "wrong_credentials" | "deactivated" };

export async function verifyCredentials(
  db: Db,
  email: string,
  password: string,
): Promise<CredentialCheck> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordMatches) return { ok: false, reason: "wrong_credentials" };
  // Said only to someone who knows the password, so it reveals nothing to a guesser.
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** An SSO sign-in maps to an existing, active account by email; it never creates one. */
export async function findActiveUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const [user] = await db
    .select({ id: users.id, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return user && !user.deactivatedAt ? user.id : null;
}
