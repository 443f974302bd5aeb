import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseMessageReports, caseMessages, emailDeliveries, notifications } from "@/db/schema";
import { listReportedMessages, listThread } from "@/lib/queries/case-thread";
import { findConcernFor, listTimeline } from "@/lib/queries/concerns";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import { exportCaseFile } from "@/lib/services/concerns/export-case-file";
import { postMessage } from "@/lib/services/concerns/post-message";
import { reportMessage } from "@/lib/services/concerns/report-message";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import {
  auditFor,
  DAY_MS,
  fileAbout,
  insertEscalatedCase,
  insertOfficer,
  insertParties,
  later,
  notificationsFor,
  refusalOf,
  setOrganisationSettings,
} from "./support/concern-factories";
import { insertDepartment, insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const FILED = new Date("2026-03-02T09:00:00.000Z");
const REPORTER_NAME = "Dr Imelda Quarshie-Voss";

async function confidentialCase(overrides: { disclosure?: "named" | "confidential" } = {}) {
  const parties = await insertParties(database.db, { reporterName: REPORTER_NAME });
  const id = await fileAbout(database.db, parties.reporter, parties.subject, FILED, {
    seenOn: "2026-03-01",
    ...overrides,
  });
  return { id, ...parties };
}

async function threadAs(
  actor: { userId: string } & Parameters<typeof findConcernFor>[1],
  view: "reporter" | "subject" | "officer",
  id: string,
) {
  const concern = await findConcernFor(database.db, actor, view, id);
  const timeline = await listTimeline(database.db, concern!, view, actor.userId);
  return listThread(database.db, concern!, view, actor.userId, timeline, "whole");
}

describe("posting a message", () => {
  it("stores it, audits it and tells the other party in the app and by email, without its words", async () => {
    const { id, reporter, subject } = await confidentialCase();
    const at = later(FILED, 3600_000);
    const { messageId, party } = await postMessage(
      database.db,
      reporter,
      { concernId: id, body: "Could you take the photo down today?" },
      at,
    );
    expect(party).toBe("reporter");
    const [stored] = await database.db
      .select()
      .from(caseMessages)
      .where(eq(caseMessages.id, messageId));
    expect(stored).toMatchObject({
      senderId: reporter.userId,
      body: "Could you take the photo down today?",
    });

    const audit = (await auditFor(database.db, id)).filter((e) => e.action === "message_posted");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ messageId, from: "reporter" });
    expect(audit[0]!.actorId).toBe(reporter.userId);

    const told = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "message_posted",
    );
    expect(told.map((n) => [n.recipientId, n.recipientRelation])).toEqual([
      [subject.userId, "subject"],
    ]);
    const emails = await database.db
      .select()
      .from(emailDeliveries)
      .where(eq(emailDeliveries.notificationId, told[0]!.id));
    expect(emails).toHaveLength(1);

    await postMessage(
      database.db,
      subject,
      { concernId: id, body: "Done, it is gone." },
      later(at, 60_000),
    );
    const back = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "message_posted",
    );
    expect(back.at(-1)).toMatchObject({
      recipientId: reporter.userId,
      recipientRelation: "reporter",
    });
  });

  it("is refused to anyone but the two colleagues, who learn nothing, and nothing is written", async () => {
    const { id, stranger } = await confidentialCase();
    const officer = await insertOfficer(database.db);
    for (const actor of [stranger, officer]) {
      const refusal = await refusalOf(
        postMessage(database.db, actor, { concernId: id, body: "Hello" }, FILED),
      );
      expect(refusal).toMatchObject({ code: "not_found", message: "We could not find that case." });
    }
    expect(
      await database.db.select().from(caseMessages).where(eq(caseMessages.concernId, id)),
    ).toEqual([]);
  });

  it("stops a sender at the daily limit, with a message on the field, and lets them write again a day later", async () => {
    await setOrganisationSettings(database.db, { dailyMessageLimit: 2 });
    try {
      const { id, reporter, subject } = await confidentialCase();
      const send = (actor: typeof reporter, at: Date) =>
        postMessage(database.db, actor, { concernId: id, body: "Another message." }, at);
      await send(reporter, later(FILED, 1000));
      await send(reporter, later(FILED, 2000));
      const refusal = await refusalOf(send(reporter, later(FILED, 3000)));
      expect(refusal).toMatchObject({ code: "rate_limited", field: "body" });
      expect(refusal.message).toMatch(
        /^You have sent 2 messages on this case in the last 24 hours/,
      );
      // Per sender: the colleague may still answer.
      await send(subject, later(FILED, 4000));
      await send(reporter, later(FILED, DAY_MS + 1500));
      const sent = await database.db
        .select()
        .from(caseMessages)
        .where(eq(caseMessages.concernId, id));
      expect(sent).toHaveLength(4);
    } finally {
      await setOrganisationSettings(database.db, { dailyMessageLimit: 10 });
    }
  });

  it("is refused once the case is finished, saying why", async () => {
    const { id, reporter, subject } = await confidentialCase();
    await answerResponse(database.db, reporter, id, "withdraw", {}, later(FILED, 1000));
    for (const actor of [reporter, subject]) {
      const refusal = await refusalOf(
        postMessage(
          database.db,
          actor,
          { concernId: id, body: "One more thing." },
          later(FILED, 2000),
        ),
      );
      expect(refusal.code).toBe("conflict");
      expect(refusal.message).toMatch(
        /^This concern was withdrawn, so its conversation is closed\./,
      );
    }
  });

  it("cannot be changed or deleted by the application's role", async () => {
    const { id, reporter } = await confidentialCase();
    const { messageId } = await postMessage(
      database.db,
      reporter,
      { concernId: id, body: "Original." },
      FILED,
    );
    await expect(
      database.db
        .update(caseMessages)
        .set({ body: "Rewritten." })
        .where(eq(caseMessages.id, messageId)),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
    await expect(
      database.db.delete(caseMessages).where(eq(caseMessages.id, messageId)),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "42501" }) });
  });
});

describe("the thread as each reader sees it", () => {
  it("never holds a confidential reporter's name or email in what the colleague's query returns", async () => {
    const { id, reporter, subject } = await confidentialCase();
    await postMessage(
      database.db,
      reporter,
      { concernId: id, body: "Please look at the post." },
      later(FILED, 1000),
    );
    await postMessage(
      database.db,
      subject,
      { concernId: id, body: "Which one?" },
      later(FILED, 2000),
    );
    const concern = await findConcernFor(database.db, subject, "subject", id);
    const thread = await threadAs(subject, "subject", id);
    const seen = JSON.stringify({ concern, thread });
    expect(seen).not.toContain(REPORTER_NAME);
    expect(seen).not.toContain(reporter.email);
    expect(thread.items.filter((i) => i.message).map((i) => i.who)).toEqual([
      "The colleague who raised this",
      "You",
    ]);
    // The reporter reads the colleague by name, and themself as "you".
    const mine = await threadAs(reporter, "reporter", id);
    expect(mine.items.filter((i) => i.message).map((i) => i.who)).toEqual(["You", subject.name]);
  });

  it("names a reporter who chose to be named", async () => {
    const { id, reporter, subject } = await confidentialCase({ disclosure: "named" });
    await postMessage(
      database.db,
      reporter,
      { concernId: id, body: "It is me." },
      later(FILED, 1000),
    );
    const thread = await threadAs(subject, "subject", id);
    expect(thread.items.find((i) => i.message)?.who).toBe(REPORTER_NAME);
  });

  it("reads as one conversation: the colleague's remediation note among the messages, in time order", async () => {
    // Audit events carry the database's clock, so the messages are sent at the real time too.
    const { id, reporter, subject } = await confidentialCase();
    await postMessage(database.db, reporter, { concernId: id, body: "Before." });
    await reportRemediation(
      database.db,
      subject,
      id,
      { action: "removed", note: "Deleted it this morning." },
      later(FILED, 2000),
    );
    await postMessage(database.db, reporter, { concernId: id, body: "After." });
    const thread = await threadAs(reporter, "reporter", id);
    expect(thread.items.map((i) => i.texts.map((t) => t.text).join(" "))).toEqual([
      "",
      "Before.",
      "Deleted it this morning.",
      "After.",
    ]);
    expect(thread.items[2]!.label).toMatch(/^Action on the post reported/);
  });

  it("shows officers the whole thread and its reports once the case reaches them, and in the export", async () => {
    const { id, reporter, subject } = await insertEscalatedCase(database.db, FILED);
    const message = await postMessage(
      database.db,
      subject,
      { concernId: id, body: "Leave me alone." },
      later(FILED, 8 * DAY_MS),
    );
    await reportMessage(
      database.db,
      reporter,
      { messageId: message.messageId, reason: "Hostile." },
      later(FILED, 8 * DAY_MS + 1000),
    );
    const officer = await insertOfficer(database.db);
    const thread = await threadAs(officer, "officer", id);
    const item = thread.items.find((i) => i.message)!;
    expect(item.who).toBe(subject.name);
    expect(item.message!.reports).toEqual([{ by: reporter.name, reason: "Hostile." }]);

    const csv = (await exportCaseFile(database.db, officer, id, { format: "csv" })).body.toString(
      "utf8",
    );
    expect(csv).toContain("conversation");
    expect(csv).toContain("Leave me alone.");
    expect(csv).toContain(`Reported as abusive by ${reporter.name}: Hostile.`);
  });
});

describe("reporting a message as abusive", () => {
  it("puts it before the officers of the colleague's department, audited, once", async () => {
    const department = await insertDepartment(database.db);
    const reporter = await insertPerson(database.db, { roles: ["physician"], name: REPORTER_NAME });
    const subject = await insertPerson(database.db, {
      roles: ["physician"],
      departmentId: department.id,
    });
    const ours = await insertPerson(database.db, {
      roles: ["compliance_officer"],
      departmentId: department.id,
    });
    const id = await fileAbout(database.db, reporter, subject, FILED, { seenOn: "2026-03-01" });
    const { messageId } = await postMessage(
      database.db,
      reporter,
      { concernId: id, body: "You are a disgrace." },
      later(FILED, 1000),
    );

    const result = await reportMessage(
      database.db,
      subject,
      { messageId, reason: "Insulting." },
      later(FILED, 2000),
    );
    expect(result).toEqual({ concernId: id, party: "subject", alreadyReported: false });
    const audit = (await auditFor(database.db, id)).filter((e) => e.action === "message_reported");
    expect(audit.map((e) => [e.actorId, e.details])).toEqual([
      [subject.userId, { messageId, by: "subject", reason: "Insulting." }],
    ]);
    const told = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "message_reported"));
    expect(
      told.filter((n) => n.concernId === id).map((n) => [n.recipientId, n.recipientRelation]),
    ).toEqual([[ours.userId, "officer"]]);
    const queue = await listReportedMessages(database.db, ours.userId);
    expect(queue.find((r) => r.concernId === id)).toMatchObject({
      body: "You are a disgrace.",
      reason: "Insulting.",
      escalated: false,
    });

    const again = await reportMessage(database.db, subject, { messageId }, later(FILED, 3000));
    expect(again.alreadyReported).toBe(true);
    expect(
      await database.db
        .select()
        .from(caseMessageReports)
        .where(eq(caseMessageReports.messageId, messageId)),
    ).toHaveLength(1);
  });

  it("is refused for one's own message and to anyone outside the case", async () => {
    const { id, reporter, stranger } = await confidentialCase();
    const officer = await insertOfficer(database.db);
    const { messageId } = await postMessage(
      database.db,
      reporter,
      { concernId: id, body: "Mine." },
      FILED,
    );
    expect(await refusalOf(reportMessage(database.db, reporter, { messageId }))).toMatchObject({
      code: "conflict",
      message: "You can report only a message your colleague sent you.",
    });
    for (const actor of [stranger, officer]) {
      expect(await refusalOf(reportMessage(database.db, actor, { messageId }))).toMatchObject({
        code: "not_found",
        message: "We could not find that message.",
      });
    }
    expect(
      await database.db
        .select()
        .from(caseMessageReports)
        .where(eq(caseMessageReports.messageId, messageId)),
    ).toEqual([]);
  });
});

describe("the export's thread", () => {
  it("holds every message of a long thread, oldest first, however many there are", async () => {
    const { id, reporter, subject } = await confidentialCase();
    // Six hundred messages over sixty days: the default daily limit allows it.
    await database.pool.query(
      `insert into case_messages (concern_id, sender_id, body, sent_at)
       select $1, case when n % 2 = 0 then $2::uuid else $3::uuid end, 'Message ' || n,
              $4::timestamptz + n * interval '2 hours'
       from generate_series(1, 600) as n`,
      [id, reporter.userId, subject.userId, FILED],
    );
    const thread = await threadAs(reporter, "reporter", id);
    const bodies = thread.items.filter((item) => item.message).map((item) => item.texts[0]!.text);
    expect(bodies).toHaveLength(600);
    expect(bodies[0]).toBe("Message 1");
    expect(bodies.at(-1)).toBe("Message 600");
  });
});
