import { MAIL_CAPTURE_FLAG, type MailMode } from "@/lib/notifications/mail-config";
import { ensureAuthSecret } from "./auth-secret";

/**
 * What the app reads from its environment, decided by the launcher before Next.js loads:
 * its database login, the key that signs session cookies, the address links in emails
 * point to, and whether mail is kept for the development mailbox.
 */
export async function prepareAppEnvironment(options: {
  appDatabaseUrl: string;
  production: boolean;
  publicUrl: string;
  mailMode: MailMode;
}): Promise<void> {
  process.env.DATABASE_URL = options.appDatabaseUrl;
  process.env.AUTH_SECRET = await ensureAuthSecret(options.production);
  // Links in emails point at this server unless a public address is configured.
  process.env.APP_URL ||= options.publicUrl;
  // Always set, so a value left in the environment cannot turn the mailbox on.
  process.env[MAIL_CAPTURE_FLAG] = options.mailMode === "capture" ? "on" : "off";
}
