import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailDeliveries, notifications } from "@/db/schema";
import type { Actor } from "@/lib/authz/permissions";
import { concernReference } from "@/lib/domain/concern-fields";
import { formatDateTime } from "@/lib/domain/date-words";
import { smtpMailer } from "@/lib/notifications/mailer";
import { notify, SEND_EMAIL } from "@/lib/notifications/notify";
import { EMAIL_MAX_ATTEMPTS } from "@/lib/notifications/retry-schedule";
import { listFailedDeliveries } from "@/lib/queries/email";
import { advanceDueConcern } from "@/lib/services/concerns/advance-due-concerns";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import { deliverEmail } from "@/lib/services/notifications/deliver-email";
import { retryEmailDelivery } from "@/lib/services/notifications/retry-email-delivery";
import { updateOwnTimeZone } from "@/lib/services/users/update-own-time-zone";
import {
  concernInput,
  concernRow,
  fileAbout,
  insertOfficer,
  insertParties,
  later,
  refusalOf,
  SEVEN_DAYS_MS,
  setOrganisationSettings,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";
import { queuedJobs } from "./support/job-queue";
import {
  deliveriesTo,
  expectNoCaseContent,
  expectNoNameButTheRecipients,
  MAIL,
  mailingWorker,
  recipientsOf,
} from "./support/mail-test-kit";
import { type ReceivedEmail, type SmtpSink, startSmtpSink } from "./support/smtp-sink";

const database = withFreshDatabase();
let sink: SmtpSink;
let worker: ReturnType<typeof mailingWorker>;
let officer: Actor;
let admin: Actor;

// Real time, so the jobs the worker runs find deadlines still ahead of them.
const NOW = new Date();
const DESCRIPTION = "Posted a photo of ward 7B's whiteboard with Mrs Example's diagnosis";
const REMEDIATION_NOTE = "Took the whiteboard photo down within the hour";
const DISPUTE_TEXT = "The whiteboard photo was staged with consenting actors";
const REJECTION = "The post is still visible in the archive of the group";
const RATIONALE = "Coaching session agreed with the head of department";

beforeAll(async () => {
  await setOrganisationSettings(database.db, { dailyFilingLimit: 1000 });
  sink = await startSmtpSink();
  worker = mailingWorker(database, sink);
  officer = await insertOfficer(database.db);
  admin = await insertPerson(database.db, { roles: ["admin"] });
});

afterAll(async () => {
  await sink?.stop();
});

beforeEach(async () => {
  await sink.start().catch(() => {});
  await worker.run();
  sink.clear();
});

/** A confidential concern by a reporter with an unmistakable name, with every distinctive text. */
async function fileConfidential(options: { significant?: boolean } = {}) {
  const people = await insertParties(database.db, { reporterName: "Zebulon Quillfeather" });
  const input = concernInput(people.subject.userId, {
    description: DESCRIPTION,
    // It names a patient on purpose, to prove no email carries it: confirmed, so it is stored.
    patientDetailsConfirmed: ["description"],
    severity:
      options.significant === false ? "appears_unprofessional" : "significantly_violates_norms",
  });
  const id = await fileAbout(database.db, people.reporter, people.subject, NOW, input);
  return { ...people, id, postUrl: input.postUrl };
}

/** No case text in any email; no name but the recipient's own, so never the reporter's. */
function expectPrivate(
  email: ReceivedEmail,
  c: { reporter: Actor; subject: Actor; postUrl: string },
) {
  expectNoCaseContent(email, caseTexts(c.postUrl));
  expectNoNameButTheRecipients(email, [c.reporter, c.subject, officer]);
  if (email.to !== c.reporter.email) {
    expect(email.raw).not.toMatch(/Zebulon|Quillfeather/);
  }
}

function caseTexts(postUrl: string) {
  return [DESCRIPTION, "ward 7B", postUrl, REMEDIATION_NOTE, DISPUTE_TEXT, REJECTION, RATIONALE];
}

describe("who is emailed for each step, and what the email says", () => {
  it("emails the colleague a notice on filing, the reporter on a remediation, both parties and the officers on escalation, and both on closure, with no case content or other names", async () => {
    const c = await fileConfidential();
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual([c.subject.email]);
    const notice = sink.received[0]!;
    const { number, responseDueAt } = await concernRow(database.db, c.id);
    const reference = concernReference(number);
    // The reference, what needs attention and by when, in the organisation's zone.
    expect(notice.subject).toBe(
      `A notice about one of your posts (${reference}) – respond by ${formatDateTime(responseDueAt, "America/New_York")}`,
    );
    expect(notice.text).toContain(`A notice about one of your posts: case ${reference}.`);
    expect(notice.text).toContain(`Dear ${c.subject.name},`);
    expect(notice.text).toContain(`${MAIL.appUrl}/notices/${c.id}`);
    expect(notice.html).toContain(`href="${MAIL.appUrl}/notices/${c.id}"`);
    expect(notice.html).not.toMatch(/<img/i);
    expect(notice.messageId).toMatch(/^<notification-\d+@hospital\.example>$/);
    const all = [notice];

    sink.clear();
    await reportRemediation(
      database.db,
      c.subject,
      c.id,
      { action: "other", note: REMEDIATION_NOTE },
      later(NOW, 1000),
    );
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual([c.reporter.email]);
    expect(sink.received[0]!.text).toContain(`${MAIL.appUrl}/concerns/${c.id}`);
    all.push(...sink.received);

    sink.clear();
    await answerResponse(
      database.db,
      c.reporter,
      c.id,
      "reject_remediation",
      { reason: REJECTION },
      later(NOW, 2000),
    );
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual([c.subject.email, officer.email].sort());
    const toOfficer = sink.received.find((e) => e.to === officer.email)!;
    expect(toOfficer.text).toContain(`${MAIL.appUrl}/compliance/cases/${c.id}`);
    const { triageDueAt } = await concernRow(database.db, c.id);
    expect(toOfficer.subject).toBe(
      `A case was escalated (${reference}) – claim by ${formatDateTime(triageDueAt!, "America/New_York")}`,
    );
    // The colleague is told where it went; nothing is asked of them, so no deadline.
    expect(sink.received.find((e) => e.to === c.subject.email)!.subject).toBe(
      `A concern about your post was referred to the compliance team (${reference})`,
    );
    all.push(...sink.received);

    // Claiming tells nobody, so it sends no email.
    sink.clear();
    await claimCase(database.db, officer, c.id, later(NOW, 2500));
    await worker.run();
    expect(sink.received).toEqual([]);
    await closeCase(
      database.db,
      officer,
      c.id,
      { outcome: "coaching", rationale: RATIONALE },
      later(NOW, 3000),
    );
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual([c.reporter.email, c.subject.email].sort());
    all.push(...sink.received);

    for (const email of all) expectPrivate(email, c);
  });

  it("writes the deadline in the recipient's own time zone when they chose one", async () => {
    const c = await fileConfidential();
    await worker.run();
    const toOrganisationZone = sink.received.find((e) => e.to === c.subject.email)!;
    expect(toOrganisationZone.subject).toMatch(/respond by .* (EST|EDT)$/);
    sink.clear();

    await updateOwnTimeZone(database.db, c.subject, { timeZone: "Asia/Tokyo" });
    const second = await fileAbout(database.db, c.reporter, c.subject, later(NOW, 1000));
    await worker.run();
    const { responseDueAt } = await concernRow(database.db, second);
    expect(sink.received.find((e) => e.to === c.subject.email)!.subject).toMatch(
      new RegExp(`respond by ${formatDateTime(responseDueAt, "Asia/Tokyo").replace("+", "\\+")}$`),
    );
  });

  it("emails the reporter about a dispute and the colleague when it is accepted", async () => {
    const c = await fileConfidential();
    await worker.run();
    sink.clear();
    await disputeConcern(
      database.db,
      c.subject,
      c.id,
      { explanation: DISPUTE_TEXT },
      later(NOW, 1000),
    );
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual([c.reporter.email]);
    const dispute = sink.received[0]!;
    sink.clear();
    await answerResponse(database.db, c.reporter, c.id, "accept_dispute", {}, later(NOW, 2000));
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual([c.subject.email]);
    for (const email of [dispute, ...sink.received]) expectPrivate(email, c);
  });

  it("emails the colleague, the reporter and the officers when the deadline escalates a case", async () => {
    const c = await fileConfidential();
    await worker.run();
    sink.clear();
    await advanceDueConcern(database.db, c.id, later(NOW, SEVEN_DAYS_MS));
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual(
      [c.subject.email, c.reporter.email, officer.email].sort(),
    );
    for (const email of sink.received) expectPrivate(email, c);
  });

  it("tells nobody about a withdrawn concern's refused second withdrawal", async () => {
    const c = await fileConfidential();
    await answerResponse(database.db, c.reporter, c.id, "withdraw", {}, later(NOW, 1000));
    await worker.run();
    sink.clear();
    await refusalOf(
      answerResponse(database.db, c.reporter, c.id, "withdraw", {}, later(NOW, 2000)),
    );
    await worker.run();
    expect(sink.received).toEqual([]);
  });
});

describe("the outbox is the transaction", () => {
  it("sends nothing when the transaction that notified rolls back", async () => {
    const c = await fileConfidential();
    await worker.run();
    sink.clear();
    const before = await deliveriesTo(database.db, c.reporter.userId);
    await database.db
      .transaction(async (tx) => {
        await notify(tx, [
          {
            recipientId: c.reporter.userId,
            concernId: c.id,
            recipientRelation: "reporter",
            kind: "disputed",
          },
        ]);
        throw new Error("the rest of the change failed");
      })
      .catch(() => {});
    await worker.run();
    expect(sink.received).toEqual([]);
    expect(await deliveriesTo(database.db, c.reporter.userId)).toEqual(before);
  });

  it("writes the delivery and its job in the same transaction as the notification", async () => {
    const c = await fileConfidential();
    const [delivery] = await deliveriesTo(database.db, c.subject.userId);
    expect(delivery).toMatchObject({ kind: "concern_filed", status: "pending", attempts: 0 });
    const jobs = await queuedJobs(database.db, SEND_EMAIL);
    expect(jobs.map((j) => j.key)).toContain(`email-delivery:${delivery!.id}`);
    await worker.run();
  });
});

describe("delivery guarantees", () => {
  it("delivers every message exactly once when the mail server was down for a while", async () => {
    await sink.stop();
    const cases = [await fileConfidential(), await fileConfidential(), await fileConfidential()];
    await worker.run();
    for (const c of cases) {
      expect(await deliveriesTo(database.db, c.subject.userId)).toMatchObject([
        { status: "retrying", attempts: 1 },
      ]);
    }
    // The next try is minutes away, not hours: a server back soon gets its mail soon.
    const retries = await queuedJobs(database.db, SEND_EMAIL);
    expect(retries).toHaveLength(3);
    for (const job of retries) {
      expect(new Date(job.run_at).getTime() - Date.now()).toBeLessThanOrEqual(10_000);
    }
    await worker.runRetries();
    await sink.start();
    await worker.runRetries();
    await worker.runRetries();
    expect(recipientsOf(sink.received)).toEqual(cases.map((c) => c.subject.email).sort());
    for (const c of cases) {
      expect(await deliveriesTo(database.db, c.subject.userId)).toMatchObject([
        { status: "sent", attempts: 3 },
      ]);
    }
    expect(await queuedJobs(database.db, SEND_EMAIL)).toEqual([]);
  });

  it("tries again later when the mail server refuses a message, and sends it once", async () => {
    sink.refuse(1);
    const c = await fileConfidential();
    await worker.run();
    expect(sink.received).toEqual([]);
    const [refused] = await deliveriesTo(database.db, c.subject.userId);
    expect(refused).toMatchObject({ status: "retrying", attempts: 1 });
    expect(refused!.lastError).toMatch(/451/);
    await worker.runRetries();
    expect(recipientsOf(sink.received)).toEqual([c.subject.email]);
  });

  it("sends one email when the same job runs twice, or is queued twice", async () => {
    const c = await fileConfidential();
    const [delivery] = await deliveriesTo(database.db, c.subject.userId);
    // A duplicate of the job, as a restored queue or a second enqueue would make.
    await database.db.execute(
      sql`select graphile_worker.add_job(${SEND_EMAIL}, json_build_object('deliveryId', ${delivery!.id}::bigint))`,
    );
    await worker.run();
    const mailer = smtpMailer(sink.url);
    const again = await deliverEmail(database.db, delivery!.id, mailer, MAIL);
    expect(again).toBe("nothing_to_do");
    expect(recipientsOf(sink.received)).toEqual([c.subject.email]);
  });

  it("sends one email when two workers take the same delivery at the same moment", async () => {
    const c = await fileConfidential();
    const [delivery] = await deliveriesTo(database.db, c.subject.userId);
    const mailer = smtpMailer(sink.url);
    const outcomes = await Promise.all([
      deliverEmail(database.db, delivery!.id, mailer, MAIL),
      deliverEmail(database.db, delivery!.id, mailer, MAIL),
    ]);
    expect(outcomes.sort()).toEqual(["nothing_to_do", "sent"]);
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual([c.subject.email]);
  });

  it("after the last attempt shows the failure to administrators, without case content, and sends it once on retry", async () => {
    await sink.stop();
    const c = await fileConfidential();
    // All but the last two attempts were spent during an earlier outage.
    const [queued] = await deliveriesTo(database.db, c.subject.userId);
    await database.db
      .update(emailDeliveries)
      .set({ attempts: EMAIL_MAX_ATTEMPTS - 2 })
      .where(eq(emailDeliveries.id, queued!.id));
    await worker.run();
    await worker.runRetries();
    const [delivery] = await deliveriesTo(database.db, c.subject.userId);
    expect(delivery).toMatchObject({ status: "failed", attempts: EMAIL_MAX_ATTEMPTS });
    expect(await queuedJobs(database.db, SEND_EMAIL)).toEqual([]);

    const failed = await listFailedDeliveries(database.db);
    const listed = failed.find((f) => f.id === delivery!.id)!;
    expect(listed).toMatchObject({ recipientEmail: c.subject.email });
    expect(listed.lastError).toMatch(/ECONNREFUSED/);
    // Recipient, error and time only: not the kind, which would pair a reporter's email with
    // their colleague's.
    expect(Object.keys(listed).sort()).toEqual(
      ["failedAt", "id", "lastError", "recipientEmail", "recipientName"].sort(),
    );
    expect(JSON.stringify(listed)).not.toContain(DESCRIPTION);

    await sink.start();
    await retryEmailDelivery(database.db, admin, delivery!.id);
    // A second click finds nothing left to retry.
    await refusalOf(retryEmailDelivery(database.db, admin, delivery!.id));
    await worker.run();
    expect(recipientsOf(sink.received)).toEqual([c.subject.email]);
    expect((await deliveriesTo(database.db, c.subject.userId))[0]).toMatchObject({
      status: "sent",
    });
    const audit = await database.db.execute(
      sql`select action, actor_id from audit_events where entity_type = 'email_delivery' and entity_id = ${String(delivery!.id)}`,
    );
    expect(audit.rows).toEqual([{ action: "email_delivery_retried", actor_id: admin.userId }]);
  });

  it("lets only administrators retry a delivery", async () => {
    const c = await fileConfidential();
    const [delivery] = await deliveriesTo(database.db, c.subject.userId);
    expect((await refusalOf(retryEmailDelivery(database.db, c.reporter, delivery!.id))).code).toBe(
      "forbidden",
    );
    await worker.run();
  });

  it("does not email a deactivated person, and keeps the in-app notification", async () => {
    const c = await fileConfidential();
    await database.db.execute(
      sql`update users set deactivated_at = now() where id = ${c.subject.userId}`,
    );
    await worker.run();
    expect(sink.received).toEqual([]);
    expect(await deliveriesTo(database.db, c.subject.userId)).toMatchObject([
      { status: "skipped" },
    ]);
    const inApp = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.concernId, c.id));
    expect(inApp).toHaveLength(1);
  });
});

describe("a delivery row per emailed notification", () => {
  it("keys each delivery by its notification", async () => {
    const c = await fileConfidential();
    const [n] = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.concernId, c.id));
    const [d] = await database.db
      .select()
      .from(emailDeliveries)
      .where(eq(emailDeliveries.notificationId, n!.id));
    expect(d!.idempotencyKey).toBe(`notification:${n!.id}`);
    await worker.run();
  });
});
