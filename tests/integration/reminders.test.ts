import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { concernReference } from "@/lib/domain/concern-fields";
import { formatDateTime } from "@/lib/domain/date-words";
import { HOUR_MS } from "@/lib/domain/deadlines";
import { SEND_REMINDER } from "@/lib/jobs/schedule-reminder";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import { sendDueReminder } from "@/lib/services/notifications/send-due-reminder";
import { updateEmailPreferences } from "@/lib/services/notifications/update-email-preferences";
import { updateWorkflowSettings } from "@/lib/services/settings/update-workflow-settings";
import {
  concernRow,
  DAY_MS,
  fileAbout,
  insertParties,
  later,
  SEVEN_DAYS_MS,
  setOrganisationSettings,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";
import { makeJobDue, queuedJobs } from "./support/job-queue";
import {
  deliveriesTo,
  expectNoCaseContent,
  mailingWorker,
  recipientsOf,
} from "./support/mail-test-kit";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink";

const database = withFreshDatabase();
let sink: SmtpSink;
let worker: ReturnType<typeof mailingWorker>;

// The clock of these tests: real time, so the worker's own clock agrees that each
// deadline is still ahead when a reminder job runs. The queue's clock is moved instead.
const NOW = new Date();
const DUE = later(NOW, SEVEN_DAYS_MS);
const REMIND_AT = later(DUE, -48 * HOUR_MS);
const DESCRIPTION = "A reel filmed in theatre 3 during a named patient's operation";

beforeAll(async () => {
  await setOrganisationSettings(database.db, { dailyFilingLimit: 1000 });
  sink = await startSmtpSink();
  worker = mailingWorker(database, sink);
});

afterAll(async () => {
  await sink?.stop();
});

beforeEach(async () => {
  await worker.run();
  sink.clear();
});

async function fileFresh() {
  const people = await insertParties(database.db, { reporterName: "Ottoline Brackenbury" });
  const id = await fileAbout(database.db, people.reporter, people.subject, NOW, {
    description: DESCRIPTION,
  });
  return { ...people, id };
}

async function referenceOf(concernId: string) {
  return concernReference((await concernRow(database.db, concernId)).number);
}

async function reminderJob(concernId: string) {
  const jobs = await queuedJobs(database.db, SEND_REMINDER);
  return jobs.filter((job) => job.key === `concern-reminder:${concernId}`);
}

function payloadFor(concernId: string, kind: string, dueAt: Date) {
  return { concernId, kind, dueAt: dueAt.toISOString() };
}

async function remindersOf(concernId: string) {
  return database.db
    .select()
    .from(notifications)
    .where(eq(notifications.concernId, concernId))
    .then((rows) => rows.filter((n) => n.kind.startsWith("reminder_")));
}

describe("the colleague's reminder before the response deadline", () => {
  it("is scheduled 48 hours before the deadline when the concern is filed", async () => {
    const c = await fileFresh();
    const [job] = await reminderJob(c.id);
    expect(new Date(job!.run_at).getTime()).toBe(REMIND_AT.getTime());
  });

  it("follows the lead time an administrator sets", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    await updateWorkflowSettings(database.db, admin, {
      remediationWindowHours: 7 * 24,
      confirmationWindowHours: 7 * 24,
      reminderLeadHours: 24,
      dailyFilingLimit: 100,
      dailyMessageLimit: 10,
      triageBusinessDays: 2,
      decisionWindowDays: 30,
      timeZone: "America/New_York",
    });
    const c = await fileFresh();
    await setOrganisationSettings(database.db, { reminderLeadSeconds: 48 * 3600 });
    const [job] = await reminderJob(c.id);
    expect(new Date(job!.run_at).getTime()).toBe(later(DUE, -DAY_MS).getTime());
  });

  it("is emailed to the colleague when its job runs before the deadline, once, with no case content", async () => {
    const c = await fileFresh();
    await worker.run();
    sink.clear();
    await makeJobDue(database.db, `concern-reminder:${c.id}`);
    await worker.run();
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual([c.subject.email]);
    const [email] = sink.received;
    expect(email!.subject).toBe(
      `Reminder: your response to a concern about your post is due (${await referenceOf(c.id)}) – respond by ${formatDateTime(DUE, "America/New_York")}`,
    );
    expect(email!.text).toContain("/preferences/email");
    expectNoCaseContent(email!, [DESCRIPTION, "theatre 3", "Ottoline", "Brackenbury"]);
    expect(await remindersOf(c.id)).toMatchObject([
      { kind: "reminder_response_due", recipientId: c.subject.userId },
    ]);

    // The same reminder job running again tells nobody twice.
    expect(
      await sendDueReminder(database.db, payloadFor(c.id, "reminder_response_due", DUE), REMIND_AT),
    ).toBe(false);
    await worker.run();
    expect(sink.received).toHaveLength(1);
    expect(await remindersOf(c.id)).toHaveLength(1);
  });

  it("is not sent once the colleague has responded, and the reporter's reminder replaces it", async () => {
    const c = await fileFresh();
    const respondedAt = later(NOW, DAY_MS);
    await disputeConcern(
      database.db,
      c.subject,
      c.id,
      { explanation: "Consent was given." },
      respondedAt,
    );
    expect(
      await sendDueReminder(database.db, payloadFor(c.id, "reminder_response_due", DUE), REMIND_AT),
    ).toBe(false);
    const { confirmationDueAt } = await concernRow(database.db, c.id);
    const [job] = await reminderJob(c.id);
    expect(new Date(job!.run_at).getTime()).toBe(
      later(confirmationDueAt!, -48 * HOUR_MS).getTime(),
    );
    await worker.run();
    expect(await remindersOf(c.id)).toEqual([]);
    expect(sink.received.filter((e) => e.subject.startsWith("Reminder"))).toEqual([]);
  });

  it("is not sent after the deadline has passed", async () => {
    const c = await fileFresh();
    expect(
      await sendDueReminder(database.db, payloadFor(c.id, "reminder_response_due", DUE), DUE),
    ).toBe(false);
    expect(await remindersOf(c.id)).toEqual([]);
  });

  it("is removed when the concern is withdrawn", async () => {
    const c = await fileFresh();
    await answerResponse(database.db, c.reporter, c.id, "withdraw", {}, later(NOW, 1000));
    expect(await reminderJob(c.id)).toEqual([]);
    await worker.run();
    expect(await remindersOf(c.id)).toEqual([]);
  });
});

describe("the reporter's reminder while a remediation waits for confirmation", () => {
  it("is emailed to the reporter before the confirmation deadline, and stops once they answer", async () => {
    const c = await fileFresh();
    await reportRemediation(
      database.db,
      c.subject,
      c.id,
      { action: "removed", note: "Gone." },
      NOW,
    );
    const { confirmationDueAt } = await concernRow(database.db, c.id);
    const payload = payloadFor(c.id, "reminder_answer_due", confirmationDueAt!);
    expect(
      await sendDueReminder(database.db, payload, later(confirmationDueAt!, -48 * HOUR_MS)),
    ).toBe(true);
    await worker.run();
    // The notice of the remediation, then the reminder.
    const answerBy = `answer by ${formatDateTime(confirmationDueAt!, "America/New_York")}`;
    expect(sink.received.filter((e) => e.to === c.reporter.email).map((e) => e.subject)).toEqual([
      `A response to your concern (${await referenceOf(c.id)}) – ${answerBy}`,
      `Reminder: your answer to a response is due (${await referenceOf(c.id)}) – ${answerBy}`,
    ]);

    const second = await fileFresh();
    await reportRemediation(
      database.db,
      second.subject,
      second.id,
      { action: "removed", note: "Gone." },
      NOW,
    );
    const due = (await concernRow(database.db, second.id)).confirmationDueAt!;
    await answerResponse(
      database.db,
      second.reporter,
      second.id,
      "confirm_remediation",
      {},
      later(NOW, 1000),
    );
    expect(await reminderJob(second.id)).toEqual([]);
    expect(
      await sendDueReminder(
        database.db,
        payloadFor(second.id, "reminder_answer_due", due),
        later(due, -HOUR_MS),
      ),
    ).toBe(false);
  });

  it("is reminded halfway through a window shorter than the lead time", async () => {
    await setOrganisationSettings(database.db, { confirmationWindowSeconds: 24 * 3600 });
    const c = await fileFresh();
    await reportRemediation(
      database.db,
      c.subject,
      c.id,
      { action: "removed", note: "Gone." },
      NOW,
    );
    await setOrganisationSettings(database.db, { confirmationWindowSeconds: 7 * 24 * 3600 });
    const [job] = await reminderJob(c.id);
    expect(new Date(job!.run_at).getTime()).toBe(later(NOW, 12 * HOUR_MS).getTime());
  });
});

describe("email preferences", () => {
  it("keeps an opted-out reminder in the app but does not email it, while notices are still emailed", async () => {
    const c = await fileFresh();
    await updateEmailPreferences(database.db, c.subject, { remindersByEmail: false });
    expect(
      await sendDueReminder(database.db, payloadFor(c.id, "reminder_response_due", DUE), REMIND_AT),
    ).toBe(true);
    await worker.run();
    // The notice of filing was emailed; the reminder was not.
    expect(sink.received.filter((e) => e.to === c.subject.email).map((e) => e.subject)).toEqual([
      `A notice about one of your posts (${await referenceOf(c.id)}) – respond by ${formatDateTime(DUE, "America/New_York")}`,
    ]);
    expect(await remindersOf(c.id)).toHaveLength(1);
    const deliveries = await deliveriesTo(database.db, c.subject.userId);
    expect(deliveries.map((d) => [d.kind, d.status]).sort()).toEqual([
      ["concern_filed", "sent"],
      ["reminder_response_due", "skipped"],
    ]);

    // A notice is emailed whatever the preference.
    const other = await fileAbout(database.db, c.reporter, c.subject, later(NOW, 1000));
    await worker.run();
    expect(sink.received.filter((e) => e.to === c.subject.email)).toHaveLength(2);
    expect(other).toBeTruthy();

    // Turning reminders back on applies to the next reminder.
    await updateEmailPreferences(database.db, c.subject, { remindersByEmail: true });
    const audit = await database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'email_preferences_updated' and entity_id = ${c.subject.userId}`,
    );
    expect(audit.rows[0]).toEqual({ n: 2 });
  });
});
