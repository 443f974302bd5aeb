import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "@/lib/auth/next-auth";
import { type LoadedSession, loadSession } from "@/lib/auth/session-store";
import { serverConfig } from "@/lib/config";
import { can, type Permission, type Reader } from "./permissions";

/** Where a session that still owes its second factor is sent: to enter a code, or to enrol. */
export const TWO_FACTOR_PATHS = {
  enter_code: "/sign-in/two-factor",
  enrol: "/sign-in/two-factor/set-up",
} as const;

/** This request's session, checked against the database, complete or not; once per request. */
export const getCurrentSession = cache(async (): Promise<LoadedSession | null> => {
  const session = (await auth()) as { sid?: string } | null;
  if (!session?.sid) return null;
  const config = serverConfig();
  return loadSession(getDb(), session.sid, new Date(), {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    maxHours: config.SESSION_MAX_HOURS,
  });
});

/**
 * The signed-in person for this request; null also while the session still owes its
 * second factor, so every page, route handler and action that asks refuses it.
 */
export async function getCurrentActor(): Promise<Reader | null> {
  const session = await getCurrentSession();
  return session?.step === "complete" ? session.reader : null;
}

/** For pages and server actions: the signed-out go to sign-in, the half-signed-in to its next step. */
export async function requireActor(): Promise<Reader> {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  if (session.step !== "complete") redirect(TWO_FACTOR_PATHS[session.step]);
  return session.reader;
}

/** For pages and server actions: signed in but without the permission gets 403. */
export async function requirePermission(permission: Permission): Promise<Reader> {
  const actor = await requireActor();
  if (!can(actor, permission)) forbidden();
  return actor;
}

/**
 * For the two-factor steps of signing in: a session whose password was right, whatever it
 * still owes. The signed-out go to sign-in.
 */
export async function requirePasswordSession(): Promise<LoadedSession> {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  return session;
}
