import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "@/lib/auth/next-auth";
import { loadSessionActor } from "@/lib/auth/session-store";
import { serverConfig } from "@/lib/config";
import { can, type Permission, type Reader } from "./permissions";

/** The signed-in person for this request, checked against the database; once per request. */
export const getCurrentActor = cache(async (): Promise<Reader | null> => {
  const session = (await auth()) as { sid?: string } | null;
  if (!session?.sid) return null;
  const config = serverConfig();
  return loadSessionActor(getDb(), session.sid, new Date(), {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    maxHours: config.SESSION_MAX_HOURS,
  });
});

/** For pages and server actions: the signed-out go to sign-in. */
export async function requireActor(): Promise<Reader> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** For pages and server actions: signed in but without the permission gets 403. */
export async function requirePermission(permission: Permission): Promise<Reader> {
  const actor = await requireActor();
  if (!can(actor, permission)) forbidden();
  return actor;
}
