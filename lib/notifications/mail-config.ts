/**
 * How mail leaves this deployment. Decided from the environment at start, by the launcher
 * or the stand-alone worker, never from NODE_ENV inside the built app: Next.js inlines
 * NODE_ENV as "production" into every production build, and `npm start` serves such a
 * build for development too.
 */

/** smtp: sent to SMTP_URL. capture: kept in the database for the development mailbox.
 * unconfigured: production without SMTP_URL; deliveries fail and show on the admin page. */
export type MailMode = "smtp" | "capture" | "unconfigured";

export function decideMailMode(env: { SMTP_URL?: string; NODE_ENV?: string }): MailMode {
  if (env.SMTP_URL) return "smtp";
  return env.NODE_ENV === "production" ? "unconfigured" : "capture";
}

/** Set by the launcher for the web server in the same process; anything else means off. */
export const MAIL_CAPTURE_FLAG = "PEER_CONCERNS_MAIL_CAPTURE";

export function isMailCaptureOn(env: Record<string, string | undefined> = process.env): boolean {
  return env[MAIL_CAPTURE_FLAG] === "on";
}

export interface MailSettings {
  /** The From header, e.g. `Peer Concerns <no-reply@hospital.org>`. */
  from: string;
  /** Base of every link in an email, without a trailing slash. */
  appUrl: string;
}

export function mailSettings(env: Record<string, string | undefined> = process.env): MailSettings {
  return {
    from: env.MAIL_FROM || "Peer Concerns <peer-concerns@localhost>",
    appUrl: (env.APP_URL || "http://localhost:3000").replace(/\/+$/, ""),
  };
}

/** A Message-ID derived from the idempotency key: a resent message is recognisably the same one. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  return `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, "-")}@${domain}>`;
}
