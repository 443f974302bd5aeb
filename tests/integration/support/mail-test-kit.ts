import { eq } from "drizzle-orm";
import type { Pool } from "pg";
import { expect } from "vitest";
import type { Database } from "@/db/client";
import { emailDeliveries } from "@/db/schema";
import { createTaskList } from "@/lib/jobs/task-list";
import type { MailSettings } from "@/lib/notifications/mail-config";
import { smtpMailer } from "@/lib/notifications/mailer";
import { SEND_EMAIL } from "@/lib/notifications/notify";
import { makeWaitingJobsDue, runDueJobs } from "./job-queue";
import type { ReceivedEmail, SmtpSink } from "./smtp-sink";

export const MAIL: MailSettings = {
  from: "Peer Concerns <peer-concerns@hospital.example>",
  appUrl: "https://concerns.hospital.example",
};

/** The worker's own task list, sending through nodemailer to the test's SMTP server. */
export function mailingWorker(database: { db: Database; pool: Pool }, sink: SmtpSink) {
  const taskList = createTaskList(database.db, smtpMailer(sink.url), MAIL);
  return {
    taskList,
    /** Runs the jobs due now, as a worker would. */
    run: () => runDueJobs(database.pool, taskList),
    /** Lets the backoff of failed sends elapse, then runs them. */
    runRetries: async () => {
      await makeWaitingJobsDue(database.db, [SEND_EMAIL]);
      await runDueJobs(database.pool, taskList);
    },
  };
}

export async function deliveriesTo(db: Database, recipientId: string) {
  return db.select().from(emailDeliveries).where(eq(emailDeliveries.recipientId, recipientId));
}

/** Nothing of the case, and no name but the recipient's own, in what a person receives. */
export function expectNoCaseContent(email: ReceivedEmail, forbidden: readonly string[]): void {
  const everything = `${email.subject}\n${email.text}\n${email.html}\n${email.raw}`;
  for (const text of forbidden) expect(everything).not.toContain(text);
}

/** The confidential reporter's name, or any other party's, reaches nobody but themselves. */
export function expectNoNameButTheRecipients(
  email: ReceivedEmail,
  people: readonly { email: string; name: string }[],
): void {
  for (const person of people) {
    if (person.email === email.to) continue;
    expect(`${email.subject}\n${email.text}\n${email.html}`).not.toContain(person.name);
  }
}

export function recipientsOf(received: readonly ReceivedEmail[]): string[] {
  return received.map((email) => email.to).sort();
}
