import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { oidcEnabled, serverConfig } from "@/lib/config";
import { trustedClientAddress } from "./client-address";
import { recordSecurityEvent } from "./security-log";
import { createAuthSession, revokeAuthSession } from "./session-store";
import { verifyCredentialsThrottled } from "./sign-in-throttle";
import { findActiveUserIdByEmail } from "./verify-credentials";

class AccountDeactivated extends CredentialsSignin {
  code = "deactivated";
}

/** Too many recent failures for this account or address; says when to try again. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAt: Date) {
    super();
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});

function providers(): NextAuthConfig["providers"] {
  const config = serverConfig();
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(input, request) {
        const parsed = credentialsSchema.safeParse(input);
        if (!parsed.success) return null;
        const result = await verifyCredentialsThrottled(
          getDb(),
          { ...parsed.data, address: trustedClientAddress(request.headers) },
          new Date(),
        );
        if (result.ok) return result.user;
        if (result.reason === "deactivated") throw new AccountDeactivated();
        if (result.reason === "throttled") throw new SignInThrottled(result.retryAt);
        return null;
      },
    }),
  ];
  if (oidcEnabled(config)) {
    list.push({
      id: "sso",
      name: config.OIDC_NAME,
      type: "oidc",
      issuer: config.OIDC_ISSUER,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
    });
  }
  return list;
}

/**
 * The cookie is a signed JWT holding only the id of an auth_sessions row; whether that
 * session still counts is decided by the database on every request
 * (lib/authz/current-actor.ts), never by the cookie alone.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = serverConfig();
  const limits = { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS };
  return {
    trustHost: true,
    session: { strategy: "jwt", maxAge: limits.maxHours * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    logger: { error: logAuthError },
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
        return Boolean(user.email && (await findActiveUserIdByEmail(getDb(), user.email)));
      },
      async jwt({ token, user, account, trigger }) {
        if (trigger !== "signIn" || !user) return token;
        const userId =
          account?.provider === "credentials"
            ? user.id
            : await findActiveUserIdByEmail(getDb(), user.email ?? "");
        if (!userId) return token;
        // Password sign-ins are logged by the throttle, with their address.
        if (account?.provider !== "credentials") {
          await recordSecurityEvent(getDb(), { kind: "sign_in_succeeded", userId, address: null });
        }
        const sessionId = await createAuthSession(getDb(), userId, new Date(), limits);
        // Only the session id travels in the cookie: no name, email or roles.
        return { sid: sessionId };
      },
      session({ session, token }) {
        return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await revokeAuthSession(getDb(), sid, "signed_out");
      },
    },
  };
});

/**
 * A refused password is routine: one quiet line, without the email typed (it may be a
 * password pasted into the wrong field, and logs travel further than the database).
 * Anything else is a fault worth its stack.
 */
function logAuthError(error: Error): void {
  if (error instanceof CredentialsSignin) {
    console.warn(`[auth] password sign-in refused (${error.code})`);
    return;
  }
  const type = error instanceof AuthError ? error.type : error.name;
  const cause = (error.cause as { err?: unknown } | undefined)?.err;
  console.error(`[auth][error] ${type}: ${error.message}`);
  console.error(cause instanceof Error ? cause.stack : error.stack);
}
