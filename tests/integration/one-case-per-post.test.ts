import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concernReporters, concerns } from "@/db/schema";
import { listCaseReporters } from "@/lib/queries/case-reporters";
import { listThread } from "@/lib/queries/case-thread";
import { findConcernFor, listTimeline } from "@/lib/queries/concerns";
import { advanceDueConcern } from "@/lib/services/concerns/advance-due-concerns";
import { answerInformationRequest } from "@/lib/services/concerns/answer-information-request";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import { exportCaseFile } from "@/lib/services/concerns/export-case-file";
import { fileConcern } from "@/lib/services/concerns/file-concern";
import { postMessage } from "@/lib/services/concerns/post-message";
import { reopenCase } from "@/lib/services/concerns/reopen-case";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import { requestInformation } from "@/lib/services/concerns/request-information";
import { sendDueReminder } from "@/lib/services/notifications/send-due-reminder";
import {
  auditFor,
  concernInput,
  concernRow,
  DAY_MS,
  insertEscalatedCase,
  insertOfficer,
  later,
  notificationsFor,
  refusalOf,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const NOW = new Date("2026-03-10T09:00:00.000Z");
const REMOVED = { action: "removed", note: "Deleted the post this morning." };

async function physicians(...names: string[]) {
  return Promise.all(
    names.map((name) => insertPerson(database.db, { roles: ["physician"], name })),
  );
}

/** Two colleagues raise one post: the first plainly, the second as people paste links. */
async function raisedTwice(
  first: { severity?: "appears_unprofessional" | "significantly_violates_norms" } = {},
) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const [reporter, joiner, subject] = await physicians(
    `Dr Quinn ${suffix}`,
    `Dr Rahman ${suffix}`,
    `Dr Subject ${suffix}`,
  );
  const post = `https://social.example/drsubject/posts/${suffix}`;
  const { concernId, joined } = await fileConcern(
    database.db,
    reporter!,
    concernInput(subject!.userId, {
      postUrl: post,
      severity: first.severity ?? "appears_unprofessional",
      disclosure: "confidential",
    }),
    NOW,
  );
  expect(joined).toBe(false);
  const second = await fileConcern(
    database.db,
    joiner!,
    concernInput(subject!.userId, {
      postUrl: `https://SOCIAL.Example./drsubject/posts/${suffix}/?utm_source=x&fbclid=1`,
      severity: "significantly_violates_norms",
      disclosure: "named",
      description: "The same post: it shows a patient's chart on screen.",
    }),
    later(NOW, 60_000),
  );
  return { reporter: reporter!, joiner: joiner!, subject: subject!, concernId, second };
}

/** The colleague answers, the joining reporter rejects it, and an officer holds the case. */
async function heldAfterJoinerRejects({
  joiner,
  subject,
  concernId,
}: Pick<Awaited<ReturnType<typeof raisedTwice>>, "joiner" | "subject" | "concernId">) {
  await reportRemediation(database.db, subject, concernId, REMOVED, later(NOW, DAY_MS));
  await answerResponse(
    database.db,
    joiner,
    concernId,
    "reject_remediation",
    { reason: "The same picture is still on the profile page." },
    later(NOW, 2 * DAY_MS),
  );
  const officer = await insertOfficer(database.db);
  await claimCase(database.db, officer, concernId, later(NOW, 3 * DAY_MS));
  return officer;
}

describe("one case per post", () => {
  it("joins a second colleague's filing of the same post to the open case", async () => {
    const { joiner, subject, concernId, second } = await raisedTwice();
    expect(second).toEqual({ concernId, joined: true });

    const open = await database.db
      .select({ id: concerns.id })
      .from(concerns)
      .where(eq(concerns.subjectId, subject.userId));
    expect(open).toHaveLength(1);
    // The case is as serious as the most serious judgement given.
    expect((await concernRow(database.db, concernId)).severity).toBe(
      "significantly_violates_norms",
    );
    const [joined] = await database.db
      .select()
      .from(concernReporters)
      .where(eq(concernReporters.concernId, concernId));
    expect(joined).toMatchObject({ reporterId: joiner.userId, disclosure: "named" });

    const audit = await auditFor(database.db, concernId);
    expect(audit.map((event) => event.action)).toEqual(["concern_filed", "reporter_joined"]);
    expect(audit[1]!.actorId).toBe(joiner.userId);
    // The colleague is told; the first reporter is told nothing.
    const told = await notificationsFor(database.db, concernId);
    expect(told.map((n) => [n.recipientId, n.kind])).toEqual([
      [subject.userId, "concern_filed"],
      [subject.userId, "reporter_joined"],
    ]);
    // The joiner reads the case as a reporter.
    expect(await findConcernFor(database.db, joiner, "reporter", concernId)).not.toBeNull();
  });

  it("refuses a reporter who already raised the post, and the colleague about their own post", async () => {
    const { reporter, joiner, subject, concernId } = await raisedTwice();
    const post = (await concernRow(database.db, concernId)).postUrl;
    for (const person of [reporter, joiner]) {
      const refusal = await refusalOf(
        fileConcern(
          database.db,
          person,
          concernInput(subject.userId, { postUrl: post }),
          later(NOW, DAY_MS),
        ),
      );
      expect(refusal.code).toBe("duplicate");
      expect(refusal.link?.href).toBe(`/concerns/${concernId}`);
    }
    const own = await refusalOf(
      fileConcern(database.db, subject, concernInput(subject.userId, { postUrl: post }), NOW),
    );
    expect(own.message).toBe("You cannot raise a concern about your own post.");
  });

  it("opens one case when two colleagues file the same post at the same moment", async () => {
    const people = await physicians("Racer One", "Racer Two", "Racer Three", "Raced Subject");
    const subject = people.pop()!;
    const results = await Promise.all(
      people.map((reporter, i) =>
        fileConcern(
          database.db,
          reporter!,
          concernInput(subject.userId, {
            postUrl: i === 0 ? "https://race.example/p/1" : "https://RACE.example/p/1?utm_medium=a",
          }),
          NOW,
        ),
      ),
    );
    expect(new Set(results.map((result) => result.concernId)).size).toBe(1);
    expect(results.filter((result) => !result.joined)).toHaveLength(1);
    const further = await database.db
      .select()
      .from(concernReporters)
      .where(eq(concernReporters.concernId, results[0]!.concernId));
    expect(further).toHaveLength(2);
  });
});

describe("answering a response raised by several colleagues", () => {
  it("tells every reporter of the response and escalates a significant concern when any rejects", async () => {
    const { reporter, joiner, subject, concernId } = await raisedTwice();
    await reportRemediation(database.db, subject, concernId, REMOVED, later(NOW, DAY_MS));
    const toReporters = (await notificationsFor(database.db, concernId)).filter(
      (n) => n.kind === "remediation_reported",
    );
    expect(toReporters.map((n) => n.recipientId).sort()).toEqual(
      [reporter.userId, joiner.userId].sort(),
    );

    const confirmed = await answerResponse(
      database.db,
      reporter,
      concernId,
      "confirm_remediation",
      {},
      later(NOW, 2 * DAY_MS),
    );
    expect(confirmed).toEqual({ state: "remediation_reported", recorded: true });
    const again = await refusalOf(
      answerResponse(database.db, reporter, concernId, "confirm_remediation", {}),
    );
    expect(again.code).toBe("conflict");

    const rejected = await answerResponse(
      database.db,
      joiner,
      concernId,
      "reject_remediation",
      { reason: "The same picture is still on the profile page." },
      later(NOW, 2 * DAY_MS + 1000),
    );
    expect(rejected.state).toBe("escalated");

    // Officers see one case with both reporters, by name.
    const officer = await insertOfficer(database.db);
    const file = await findConcernFor(database.db, officer, "officer", concernId);
    const reporters = await listCaseReporters(database.db, file!, "officer", officer.userId);
    expect(reporters.map((r) => r.name)).toEqual([reporter.name, joiner.name]);
    expect(reporters.map((r) => r.verdict)).toEqual(["consent", "objection"]);
    const csv = (
      await exportCaseFile(database.db, officer, concernId, { format: "csv" })
    ).body.toString("utf8");
    expect(csv).toContain(reporter.name);
    expect(csv).toContain('"Also raised by"');
    expect(csv).toContain(`${joiner.name} (${joiner.email}), named to the colleague`);
  });

  it("tells the officer holding a case with compliance that a further reporter joined it, and only the colleague before then", async () => {
    const { reporter, joiner, subject, concernId } = await raisedTwice();
    const before = (await notificationsFor(database.db, concernId)).filter(
      (n) => n.kind === "reporter_joined",
    );
    expect(before.map((n) => n.recipientId)).toEqual([subject.userId]);

    const officer = await heldAfterJoinerRejects({ joiner, subject, concernId });

    const [third] = await physicians(`Dr Third ${reporter.name.split(" ").at(-1)}`);
    const post = (await findConcernFor(database.db, reporter, "reporter", concernId))!.postUrl;
    const joinedLate = await fileConcern(
      database.db,
      third!,
      concernInput(subject.userId, { postUrl: post, disclosure: "confidential" }),
      later(NOW, 4 * DAY_MS),
    );
    expect(joinedLate).toEqual({ concernId, joined: true });
    const told = (await notificationsFor(database.db, concernId)).filter(
      (n) => n.kind === "reporter_joined",
    );
    expect(told.map((n) => [n.recipientId, n.recipientRelation])).toEqual([
      [subject.userId, "subject"],
      [subject.userId, "subject"],
      [officer.userId, "officer"],
    ]);
  });

  it("asks compliance's questions of the reporter of record only: a joining colleague is not told and cannot answer", async () => {
    const { reporter, joiner, subject, concernId } = await raisedTwice();
    const officer = await heldAfterJoinerRejects({ joiner, subject, concernId });
    const { requestId } = await requestInformation(
      database.db,
      officer,
      concernId,
      { recipient: "reporter", question: "When did you first see the post?" },
      later(NOW, 3 * DAY_MS),
    );
    const asked = (await notificationsFor(database.db, concernId)).filter(
      (n) => n.kind === "information_requested",
    );
    expect(asked.map((n) => n.recipientId)).toEqual([reporter.userId]);
    const refused = await refusalOf(
      answerInformationRequest(database.db, joiner, requestId, {
        answer: "On the evening it was posted.",
      }),
    );
    expect(refused.code).toBe("not_found");
    await answerInformationRequest(database.db, reporter, requestId, {
      answer: "The morning after it was posted.",
    });
  });

  it("resolves only when every reporter has confirmed", async () => {
    const { reporter, joiner, subject, concernId } = await raisedTwice();
    await reportRemediation(database.db, subject, concernId, REMOVED, later(NOW, DAY_MS));
    await answerResponse(database.db, joiner, concernId, "confirm_remediation", {});
    expect((await concernRow(database.db, concernId)).state).toBe("remediation_reported");
    const last = await answerResponse(database.db, reporter, concernId, "confirm_remediation", {});
    expect(last.state).toBe("resolved");
  });

  it("takes a reporter who lets the window pass as consenting", async () => {
    const { reporter, subject, concernId } = await raisedTwice();
    await reportRemediation(database.db, subject, concernId, REMOVED, later(NOW, DAY_MS));
    await answerResponse(
      database.db,
      reporter,
      concernId,
      "confirm_remediation",
      {},
      later(NOW, DAY_MS + 1000),
    );
    const { confirmationDueAt } = await concernRow(database.db, concernId);
    expect(await advanceDueConcern(database.db, concernId, later(confirmationDueAt!, 1000))).toBe(
      true,
    );
    expect((await concernRow(database.db, concernId)).state).toBe("resolved");
  });

  it("reminds only the reporters who have yet to answer", async () => {
    const { reporter, joiner, subject, concernId } = await raisedTwice();
    await reportRemediation(database.db, subject, concernId, REMOVED, later(NOW, DAY_MS));
    await answerResponse(database.db, reporter, concernId, "confirm_remediation", {});
    const { confirmationDueAt } = await concernRow(database.db, concernId);
    const sent = await sendDueReminder(
      database.db,
      { concernId, kind: "reminder_answer_due", dueAt: confirmationDueAt!.toISOString() },
      later(confirmationDueAt!, -60_000),
    );
    expect(sent).toBe(true);
    const reminded = (await notificationsFor(database.db, concernId)).filter(
      (n) => n.kind === "reminder_answer_due",
    );
    expect(reminded.map((n) => n.recipientId)).toEqual([joiner.userId]);
  });

  it("does not let one of several reporters withdraw the whole case", async () => {
    const { joiner, concernId } = await raisedTwice();
    const refusal = await refusalOf(answerResponse(database.db, joiner, concernId, "withdraw", {}));
    expect(refusal.message).toMatch(/Other colleagues raised this post too/);
    expect((await concernRow(database.db, concernId)).state).toBe("awaiting_response");
  });
});

describe("what the colleague learns of who raised the post", () => {
  it("names only the reporters who chose to be named, anywhere in the colleague's view", async () => {
    const { reporter, joiner, subject, concernId } = await raisedTwice();
    const notice = await findConcernFor(database.db, subject, "subject", concernId);
    const reporters = await listCaseReporters(database.db, notice!, "subject", subject.userId);
    const timeline = await listTimeline(database.db, notice!, "subject", subject.userId);
    const everything = JSON.stringify({ notice, reporters, timeline });
    expect(reporters.map((r) => r.name)).toEqual([null, joiner.name]);
    expect(everything).toContain(joiner.name);
    expect(everything).not.toContain(reporter.name);
    expect(everything).not.toContain(reporter.email);
  });

  it("tells a reporter nothing that identifies the other reporters", async () => {
    const { reporter, joiner, concernId } = await raisedTwice();
    await postMessage(database.db, reporter, {
      concernId,
      body: "Thank you for looking at this quickly.",
    });
    const view = await findConcernFor(database.db, joiner, "reporter", concernId);
    const reporters = await listCaseReporters(database.db, view!, "reporter", joiner.userId);
    const timeline = await listTimeline(database.db, view!, "reporter", joiner.userId);
    const thread = await listThread(
      database.db,
      view!,
      "reporter",
      joiner.userId,
      timeline,
      "whole",
    );
    const everything = JSON.stringify({ view, reporters, timeline, thread });
    expect(everything).toContain("Thank you for looking at this quickly.");
    expect(everything).not.toContain(reporter.name);
    expect(everything).not.toContain(reporter.email);
  });
});

describe("a closed case and a new one about the same post", () => {
  it("opens a new case once the first is closed, and refuses to reopen the first while the new one is open", async () => {
    const officer = await insertOfficer(database.db);
    const post = `https://social.example/p/${Math.random().toString(36).slice(2, 8)}`;
    const first = await insertEscalatedCase(database.db, NOW, { overrides: { postUrl: post } });
    await claimCase(database.db, officer, first.id);
    await closeCase(database.db, officer, first.id, {
      outcome: "coaching",
      rationale: "Discussed professional boundaries with the colleague.",
    });
    const [another] = await physicians("Dr Later");
    const again = await fileConcern(
      database.db,
      another!,
      concernInput(first.subject.userId, { postUrl: post }),
      later(NOW, 10 * DAY_MS),
    );
    expect(again).toMatchObject({ joined: false });
    expect(again.concernId).not.toBe(first.id);

    const refusal = await refusalOf(
      reopenCase(database.db, officer, first.id, { reason: "New information came to light." }),
    );
    expect(refusal.code).toBe("conflict");
    expect((await concernRow(database.db, first.id)).state).toBe("closed");
  });
});
