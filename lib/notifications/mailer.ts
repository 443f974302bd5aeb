import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { capturedEmails } from "@/db/schema";
import type { MailMode } from "./mail-config";

export interface OutgoingEmail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** Hands one message on, or throws; the caller records the attempt and retries later. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}

export function smtpMailer(url: string): Mailer {
  // Short timeouts: a hung server should become a retry, not a stuck worker slot.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email) {
      await transport.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
      });
    },
  };
}

/** Development without SMTP: messages are kept for the development mailbox page. */
export function captureMailer(db: Db): Mailer {
  return {
    async send(email) {
      await db.insert(capturedEmails).values({
        messageId: email.messageId,
        toAddress: email.to,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
      });
    },
  };
}

/** Production with no SMTP_URL: every delivery fails, visibly, on the admin page. */
const unconfiguredMailer: Mailer = {
  async send() {
    throw new Error("No mail server is configured (set SMTP_URL).");
  },
};

export function mailerFor(mode: MailMode, db: Db, env = process.env): Mailer {
  if (mode === "smtp") return smtpMailer(env.SMTP_URL ?? "");
  if (mode === "capture") return captureMailer(db);
  return unconfiguredMailer;
}
