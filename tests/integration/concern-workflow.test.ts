import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditEvents, concerns, departments, notifications, userRoles, users } from "@/db/schema";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { fileConcern } from "@/lib/services/concerns/file-concern";
import { openNotice } from "@/lib/services/concerns/open-notice";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import {
  auditFor,
  clearOrganisationSettings,
  concernInput,
  concernRow,
  DAY_MS,
  dueJobFor,
  fileAbout,
  insertOfficer,
  insertParties,
  invalidFieldsOf,
  later,
  notificationsFor,
  refusalOf,
  SEVEN_DAYS_MS,
  setOrganisationSettings,
  traceOf,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const NOW = new Date("2026-03-10T09:00:00.000Z");
const REMOVED = { action: "removed", note: "Deleted the post this morning." };
const DISPUTE = { explanation: "The photo was taken with the patient's written consent." };
const CLOSE = {
  outcome: "coaching",
  rationale: "Discussed professional boundaries with the colleague.",
};

// Some tests change the organisation's settings; every other test expects the defaults.
afterEach(async () => {
  await clearOrganisationSettings(database.url);
});

/** Totals that a refused filing must leave unchanged. */
async function storedTotals() {
  const [[c], [a], [n], jobs] = await Promise.all([
    database.db.select({ n: count() }).from(concerns),
    database.db.select({ n: count() }).from(auditEvents),
    database.db.select({ n: count() }).from(notifications),
    database.db.execute(sql`select count(*)::int as n from graphile_worker.jobs`),
  ]);
  return { concerns: c!.n, audit: a!.n, notifications: n!.n, jobs: jobs.rows[0]!.n };
}

/** A concern filed at NOW, then moved along by the parties to the requested state. */
async function concernIn(
  state: "awaiting_response" | "remediation_reported" | "disputed" | "escalated",
  options: { significant?: boolean; reporterName?: string } = {},
) {
  const people = await insertParties(database.db, { reporterName: options.reporterName });
  const significant = options.significant ?? true;
  const id = await fileAbout(database.db, people.reporter, people.subject, NOW, {
    severity: significant ? "significantly_violates_norms" : "appears_unprofessional",
  });
  const step = later(NOW, DAY_MS);
  if (state === "remediation_reported" || state === "escalated") {
    await reportRemediation(database.db, people.subject, id, REMOVED, step);
  }
  if (state === "disputed") await disputeConcern(database.db, people.subject, id, DISPUTE, step);
  if (state === "escalated") {
    await answerResponse(
      database.db,
      people.reporter,
      id,
      "reject_remediation",
      { reason: "The post is still visible in a cached copy." },
      later(step, DAY_MS),
    );
  }
  return { ...people, id, at: later(NOW, 3 * DAY_MS) };
}

/** Active compliance officers who are not parties, as the database has them now. */
async function activeOfficerIdsExcept(...partyIds: string[]) {
  const rows = await database.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(
      userRoles,
      and(eq(userRoles.userId, users.id), eq(userRoles.role, "compliance_officer")),
    )
    .where(isNull(users.deactivatedAt));
  return rows.map((r) => r.id).filter((id) => !partyIds.includes(id));
}

describe("filing a concern", () => {
  it("stores it awaiting the colleague's response for 7 days, audits it, notifies the colleague and schedules the deadline job", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const { concernId } = await fileConcern(
      database.db,
      reporter,
      concernInput(subject.userId, {
        postUrl: "https://www.instagram.com/p/abc123/",
        platform: "instagram",
        categories: ["privacy", "patient_boundaries", "privacy"],
      }),
      NOW,
    );

    const stored = await concernRow(database.db, concernId);
    expect(stored).toMatchObject({
      reporterId: reporter.userId,
      subjectId: subject.userId,
      state: "awaiting_response",
      postUrl: "https://www.instagram.com/p/abc123/",
      postUrlNormalised: "https://instagram.com/p/abc123",
      categories: ["privacy", "patient_boundaries"],
      disclosure: "confidential",
      confirmationDueAt: null,
      escalatedAt: null,
      closedAt: null,
      noticeOpenedAt: null,
    });
    expect(stored.responseDueAt.toISOString()).toBe(later(NOW, SEVEN_DAYS_MS).toISOString());

    const audit = await auditFor(database.db, concernId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "concern_filed",
      actorId: reporter.userId,
      entityType: "concern",
    });

    const sent = await notificationsFor(database.db, concernId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      recipientId: subject.userId,
      recipientRelation: "subject",
      kind: "concern_filed",
    });

    const jobs = await dueJobFor(database.db, concernId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.key).toBe(`concern-due:${concernId}`);
    expect(new Date(jobs[0]!.run_at).toISOString()).toBe(stored.responseDueAt.toISOString());
  });

  it("gives the colleague the remediation window the organisation has set", async () => {
    await setOrganisationSettings(database.db, { remediationWindowSeconds: 3 * 24 * 3600 });
    const { reporter, subject } = await insertParties(database.db);
    const id = await fileAbout(database.db, reporter, subject, NOW);
    const stored = await concernRow(database.db, id);
    expect(stored.responseDueAt.toISOString()).toBe(later(NOW, 3 * DAY_MS).toISOString());
    const [job] = await dueJobFor(database.db, id);
    expect(new Date(job!.run_at).toISOString()).toBe(stored.responseDueAt.toISOString());
  });

  it("refuses a concern about one's own post, naming the colleague field, and stores nothing", async () => {
    const { reporter } = await insertParties(database.db);
    const before = await storedTotals();
    const refusal = await refusalOf(
      fileConcern(database.db, reporter, concernInput(reporter.userId), NOW),
    );
    expect(refusal.code).toBe("invalid_input");
    expect(refusal.field).toBe("subjectId");
    expect(await storedTotals()).toEqual(before);
  });

  it("refuses one's own id written in upper case as the colleague, with the same named refusal, not the database's constraint", async () => {
    const { reporter } = await insertParties(database.db);
    const before = await storedTotals();
    const refusal = await refusalOf(
      fileConcern(database.db, reporter, concernInput(` ${reporter.userId.toUpperCase()} `), NOW),
    );
    expect(refusal.code).toBe("invalid_input");
    expect(refusal.field).toBe("subjectId");
    expect(await storedTotals()).toEqual(before);
  });

  it("refuses a deactivated colleague, a colleague who is not a physician, or an unknown one, naming the colleague field", async () => {
    const { reporter, subject } = await insertParties(database.db);
    await database.db.update(users).set({ deactivatedAt: NOW }).where(eq(users.id, subject.userId));
    const officer = await insertOfficer(database.db);
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const before = await storedTotals();

    for (const subjectId of [
      subject.userId,
      officer.userId,
      admin.userId,
      "00000000-0000-4000-8000-000000000000",
    ]) {
      const refusal = await refusalOf(
        fileConcern(database.db, reporter, concernInput(subjectId), NOW),
      );
      expect(refusal.code).toBe("invalid_input");
      expect(refusal.field).toBe("subjectId");
    }
    expect(await storedTotals()).toEqual(before);
  });

  it("refuses a link that is not an http(s) web address, naming the link field", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const before = await storedTotals();
    for (const postUrl of [
      "javascript:alert(1)",
      "ftp://files.example.org/post.txt",
      "data:text/html,<script>alert(1)</script>",
      "not a link",
    ]) {
      const fields = await invalidFieldsOf(
        fileConcern(database.db, reporter, concernInput(subject.userId, { postUrl }), NOW),
      );
      expect(fields).toEqual(["postUrl"]);
    }
    expect(await storedTotals()).toEqual(before);
  });

  it("refuses a date seen in the future, naming the date field", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const before = await storedTotals();
    const refusal = await refusalOf(
      fileConcern(
        database.db,
        reporter,
        concernInput(subject.userId, { seenOn: "2026-03-12" }),
        NOW,
      ),
    );
    expect(refusal.code).toBe("invalid_input");
    expect(refusal.field).toBe("seenOn");
    expect(await storedTotals()).toEqual(before);
  });

  it("refuses a concern that names no policy consideration, naming the categories field", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const before = await storedTotals();
    const fields = await invalidFieldsOf(
      fileConcern(database.db, reporter, concernInput(subject.userId, { categories: [] }), NOW),
    );
    expect(fields).toEqual(["categories"]);
    expect(await storedTotals()).toEqual(before);
  });

  it("refuses compliance officers and administrators, who do not file concerns", async () => {
    const { subject } = await insertParties(database.db);
    const before = await storedTotals();
    for (const roles of [["compliance_officer"], ["admin"]] as const) {
      const person = await insertPerson(database.db, { roles: [...roles] });
      const refusal = await refusalOf(
        fileConcern(database.db, person, concernInput(subject.userId), NOW),
      );
      expect(refusal.code).toBe("forbidden");
    }
    expect(await storedTotals()).toEqual(before);
  });

  it("refuses a second open concern about the same post however the link is written, linking to the first", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const firstId = await fileAbout(database.db, reporter, subject, NOW, {
      postUrl: "https://x.com/drsmith/status/123",
    });
    const before = await storedTotals();

    for (const postUrl of [
      "https://x.com/drsmith/status/123",
      "https://www.x.com/drsmith/status/123",
      "https://X.com/drsmith/status/123/",
      "https://x.com/drsmith/status/123#reply-7",
      "https://x.com/drsmith/status/123?utm_source=feed&utm_medium=share",
      "  https://WWW.X.COM/drsmith/status/123/?utm_campaign=a#top  ",
    ]) {
      const refusal = await refusalOf(
        fileConcern(database.db, reporter, concernInput(subject.userId, { postUrl }), NOW),
      );
      expect(refusal.code, postUrl).toBe("duplicate");
      expect(refusal.field).toBe("postUrl");
      expect(refusal.link?.href).toBe(`/concerns/${firstId}`);
    }
    expect(await storedTotals()).toEqual(before);
  });

  it("allows filing about the same post again once the first concern is withdrawn", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const postUrl = "https://facebook.com/drsmith/posts/42";
    const firstId = await fileAbout(database.db, reporter, subject, NOW, { postUrl });
    await answerResponse(database.db, reporter, firstId, "withdraw", {}, later(NOW, 1000));

    const secondId = await fileAbout(database.db, reporter, subject, later(NOW, 2000), {
      postUrl: `${postUrl}/`,
    });
    expect(secondId).not.toBe(firstId);
    expect((await concernRow(database.db, secondId)).state).toBe("awaiting_response");
  });

  it("joins a different colleague's concern about the same post to the open case", async () => {
    const { reporter, subject, stranger: secondReporter } = await insertParties(database.db);
    const postUrl = "https://tiktok.com/@drsmith/video/99";
    const firstId = await fileAbout(database.db, reporter, subject, NOW, { postUrl });
    const secondId = await fileAbout(database.db, secondReporter, subject, NOW, { postUrl });
    expect(secondId).toBe(firstId);
  });

  it("stops a reporter at the organisation's daily limit and lets them file again a day later", async () => {
    await setOrganisationSettings(database.db, { dailyFilingLimit: 2 });
    const { reporter, subject, stranger } = await insertParties(database.db);
    await fileAbout(database.db, reporter, subject, NOW);
    await fileAbout(database.db, reporter, stranger, later(NOW, 60_000));
    const before = await storedTotals();

    const refusal = await refusalOf(
      fileConcern(database.db, reporter, concernInput(subject.userId), later(NOW, 120_000)),
    );
    expect(refusal.code).toBe("rate_limited");
    expect(await storedTotals()).toEqual(before);

    // Another reporter is not held back by the first one's filings.
    await fileAbout(database.db, stranger, subject, later(NOW, 120_000));
    // Once the first filing is more than 24 hours old, there is room for one more.
    await fileAbout(database.db, reporter, subject, later(NOW, DAY_MS + 1));
  });

  it("cannot be outrun by submitting several different filings at once past the daily limit", async () => {
    await setOrganisationSettings(database.db, { dailyFilingLimit: 2 });
    const { reporter, subject } = await insertParties(database.db);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        fileConcern(database.db, reporter, concernInput(subject.userId), NOW),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "rate_limited" });
    }
    const stored = await database.db
      .select({ id: concerns.id })
      .from(concerns)
      .where(eq(concerns.reporterId, reporter.userId));
    expect(stored).toHaveLength(2);
  });

  it("turns 20 identical simultaneous filings into one concern and 19 duplicate refusals", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const input = concernInput(subject.userId, { postUrl: "https://reddit.com/r/medicine/p/1" });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => fileConcern(database.db, reporter, input, NOW)),
    );

    const filed = results.filter((r) => r.status === "fulfilled");
    expect(filed).toHaveLength(1);
    const firstId = (filed[0] as PromiseFulfilledResult<{ concernId: string }>).value.concernId;
    for (const result of results.filter((r) => r.status === "rejected")) {
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(Refusal);
      expect(reason).toMatchObject({ code: "duplicate", link: { href: `/concerns/${firstId}` } });
    }
    const stored = await database.db
      .select({ id: concerns.id })
      .from(concerns)
      .where(eq(concerns.reporterId, reporter.userId));
    expect(stored).toEqual([{ id: firstId }]);
    expect(await auditFor(database.db, firstId)).toHaveLength(1);
    expect(await notificationsFor(database.db, firstId)).toHaveLength(1);
  });
});

describe("opening the notice", () => {
  it("is recorded the first time the colleague opens it, and only the first", async () => {
    const { subject, id } = await concernIn("awaiting_response");
    await openNotice(database.db, subject, id, later(NOW, 1000));
    const second = await openNotice(database.db, subject, id, later(NOW, 2000));

    expect(second).toEqual({ state: "awaiting_response" });
    const row = await concernRow(database.db, id);
    expect(row.noticeOpenedAt?.toISOString()).toBe(later(NOW, 1000).toISOString());
    expect(row.state).toBe("awaiting_response");
    const opened = (await auditFor(database.db, id)).filter((e) => e.action === "notice_opened");
    expect(opened).toHaveLength(1);
    expect(opened[0]!.actorId).toBe(subject.userId);
    // Opening moves nothing: the deadline job is untouched.
    const [job] = await dueJobFor(database.db, id);
    expect(new Date(job!.run_at).toISOString()).toBe(later(NOW, SEVEN_DAYS_MS).toISOString());
  });

  it("is refused to the reporter (forbidden) and to a stranger (not found), and stores nothing", async () => {
    const { reporter, stranger, id } = await concernIn("awaiting_response");
    const before = await traceOf(database.db, id);
    expect((await refusalOf(openNotice(database.db, reporter, id, NOW))).code).toBe("forbidden");
    expect((await refusalOf(openNotice(database.db, stranger, id, NOW))).code).toBe("not_found");
    expect(await traceOf(database.db, id)).toEqual(before);
  });

  it("is still refused to the reporter after the colleague has opened it", async () => {
    const { reporter, subject, id } = await concernIn("awaiting_response");
    await openNotice(database.db, subject, id, later(NOW, 1000));
    const before = await traceOf(database.db, id);
    expect((await refusalOf(openNotice(database.db, reporter, id, later(NOW, 2000)))).code).toBe(
      "forbidden",
    );
    expect(await traceOf(database.db, id)).toEqual(before);
  });
});

describe("the colleague reports a remediation", () => {
  it("waits for the reporter's confirmation, tells the reporter, and moves the deadline job to the confirmation window", async () => {
    const { reporter, subject, id } = await concernIn("awaiting_response");
    const at = later(NOW, DAY_MS);
    expect(await reportRemediation(database.db, subject, id, REMOVED, at)).toEqual({
      state: "remediation_reported",
    });

    const row = await concernRow(database.db, id);
    expect(row).toMatchObject({
      state: "remediation_reported",
      remediationAction: "removed",
      responseNote: REMOVED.note,
    });
    expect(row.respondedAt?.toISOString()).toBe(at.toISOString());
    expect(row.confirmationDueAt?.toISOString()).toBe(later(at, SEVEN_DAYS_MS).toISOString());

    const audit = await auditFor(database.db, id);
    expect(audit.map((e) => e.action)).toEqual(["concern_filed", "remediation_reported"]);
    expect(audit[1]).toMatchObject({
      actorId: subject.userId,
      details: { from: "awaiting_response", to: "remediation_reported", action: "removed" },
    });
    const sent = (await notificationsFor(database.db, id)).slice(1);
    expect(sent).toMatchObject([
      { recipientId: reporter.userId, recipientRelation: "reporter", kind: "remediation_reported" },
    ]);
    const jobs = await dueJobFor(database.db, id);
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.run_at).toISOString()).toBe(row.confirmationDueAt!.toISOString());
  });

  it("needs a note when the action taken is 'other'", async () => {
    const { subject, id } = await concernIn("awaiting_response");
    const before = await traceOf(database.db, id);
    const refusal = await refusalOf(
      reportRemediation(database.db, subject, id, { action: "other", note: "  " }, NOW),
    );
    expect(refusal.code).toBe("invalid_input");
    expect(await traceOf(database.db, id)).toEqual(before);
  });

  it("is resolved when the reporter confirms it, and the colleague is told", async () => {
    const { reporter, subject, id, at } = await concernIn("remediation_reported");
    expect(await answerResponse(database.db, reporter, id, "confirm_remediation", {}, at)).toEqual({
      state: "resolved",
    });

    const row = await concernRow(database.db, id);
    expect(row).toMatchObject({ state: "resolved", confirmationDueAt: null });
    expect(row.closedAt?.toISOString()).toBe(at.toISOString());
    expect((await auditFor(database.db, id)).at(-1)).toMatchObject({
      action: "remediation_confirmed",
      actorId: reporter.userId,
    });
    expect((await notificationsFor(database.db, id)).at(-1)).toMatchObject({
      recipientId: subject.userId,
      kind: "remediation_confirmed",
    });
    expect(await dueJobFor(database.db, id)).toEqual([]);
  });

  it("goes to every active compliance officer who is not a party when the reporter rejects it on a significant concern", async () => {
    const officerA = await insertOfficer(database.db);
    const officerB = await insertOfficer(database.db);
    const retired = await insertOfficer(database.db, { deactivated: true });
    // An officer who is also a physician and files a concern stays a party to it.
    const officerReporter = await insertPerson(database.db, {
      roles: ["physician", "compliance_officer"],
    });
    const { subject } = await insertParties(database.db);
    const id = await fileAbout(database.db, officerReporter, subject, NOW);
    await reportRemediation(database.db, subject, id, REMOVED, later(NOW, DAY_MS));
    const at = later(NOW, 2 * DAY_MS);

    expect(
      await answerResponse(
        database.db,
        officerReporter,
        id,
        "reject_remediation",
        { reason: "It was only archived, not deleted." },
        at,
      ),
    ).toEqual({ state: "escalated" });

    const row = await concernRow(database.db, id);
    expect(row.state).toBe("escalated");
    expect(row.escalatedAt?.toISOString()).toBe(at.toISOString());
    expect(row.confirmationDueAt).toBeNull();
    expect((await auditFor(database.db, id)).at(-1)).toMatchObject({
      action: "escalated_on_rejection",
      actorId: officerReporter.userId,
      details: { reason: "It was only archived, not deleted." },
    });

    const sent = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "escalated_on_rejection",
    );
    const toOfficers = sent
      .filter((n) => n.recipientRelation === "officer")
      .map((n) => n.recipientId);
    expect(toOfficers).toEqual(expect.arrayContaining([officerA.userId, officerB.userId]));
    expect(toOfficers).not.toContain(retired.userId);
    expect(toOfficers).not.toContain(officerReporter.userId);
    expect(new Set(toOfficers)).toEqual(
      new Set(await activeOfficerIdsExcept(officerReporter.userId, subject.userId)),
    );
    expect(toOfficers).toHaveLength(new Set(toOfficers).size);
    expect(sent.filter((n) => n.recipientRelation === "subject")).toMatchObject([
      { recipientId: subject.userId },
    ]);
    expect(sent.filter((n) => n.recipientRelation === "reporter")).toEqual([]);
    // Escalated cases wait for people, not for a deadline.
    expect(await dueJobFor(database.db, id)).toEqual([]);
  });

  it("goes only to the officers of the colleague's department when it has any", async () => {
    const [department] = await database.db
      .insert(departments)
      .values({ name: `Cardiology ${Date.now()}` })
      .returning({ id: departments.id });
    const departmental = await insertPerson(database.db, {
      roles: ["compliance_officer"],
      departmentId: department!.id,
    });
    const central = await insertOfficer(database.db);
    const reporter = await insertPerson(database.db, { roles: ["physician"] });
    const subject = await insertPerson(database.db, {
      roles: ["physician"],
      departmentId: department!.id,
    });
    const id = await fileAbout(database.db, reporter, subject, NOW, {
      severity: "significantly_violates_norms",
    });
    await reportRemediation(database.db, subject, id, REMOVED, later(NOW, DAY_MS));
    await answerResponse(
      database.db,
      reporter,
      id,
      "reject_remediation",
      { reason: "It is still visible to the public." },
      later(NOW, 2 * DAY_MS),
    );

    const toOfficers = (await notificationsFor(database.db, id))
      .filter((n) => n.recipientRelation === "officer")
      .map((n) => n.recipientId);
    expect(toOfficers).toEqual([departmental.userId]);
    expect(toOfficers).not.toContain(central.userId);
  });

  it("goes back to the colleague with a fresh deadline when the reporter rejects it on a concern that is not significant", async () => {
    const { reporter, subject, id, at } = await concernIn("remediation_reported", {
      significant: false,
    });
    expect(
      await answerResponse(
        database.db,
        reporter,
        id,
        "reject_remediation",
        { reason: "The post is still up." },
        at,
      ),
    ).toEqual({ state: "awaiting_response" });

    const row = await concernRow(database.db, id);
    expect(row).toMatchObject({
      state: "awaiting_response",
      confirmationDueAt: null,
      escalatedAt: null,
    });
    expect(row.responseDueAt.toISOString()).toBe(later(at, SEVEN_DAYS_MS).toISOString());
    expect((await auditFor(database.db, id)).at(-1)?.action).toBe("remediation_rejected");
    expect((await notificationsFor(database.db, id)).at(-1)).toMatchObject({
      recipientId: subject.userId,
      kind: "remediation_rejected",
    });
    const [job] = await dueJobFor(database.db, id);
    expect(new Date(job!.run_at).toISOString()).toBe(row.responseDueAt.toISOString());
  });

  it("turns two simultaneous answers from the reporter into one change and one 'moved on' conflict", async () => {
    const { reporter, id, at } = await concernIn("remediation_reported");
    const before = (await auditFor(database.db, id)).length;
    const results = await Promise.allSettled([
      answerResponse(database.db, reporter, id, "confirm_remediation", {}, at),
      answerResponse(
        database.db,
        reporter,
        id,
        "reject_remediation",
        { reason: "Not enough." },
        at,
      ),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: "conflict" });
    expect((loser.reason as Refusal).message).toContain("moved on");
    expect(await auditFor(database.db, id)).toHaveLength(before + 1);
  });
});

describe("the colleague disputes the concern", () => {
  it("waits on the reporter, who is told and may accept the explanation", async () => {
    const { reporter, subject, id } = await concernIn("awaiting_response");
    const at = later(NOW, DAY_MS);
    expect(await disputeConcern(database.db, subject, id, DISPUTE, at)).toEqual({
      state: "disputed",
    });
    const disputed = await concernRow(database.db, id);
    expect(disputed).toMatchObject({
      state: "disputed",
      responseNote: DISPUTE.explanation,
      remediationAction: null,
    });
    expect(disputed.confirmationDueAt?.toISOString()).toBe(later(at, SEVEN_DAYS_MS).toISOString());
    expect((await notificationsFor(database.db, id)).at(-1)).toMatchObject({
      recipientId: reporter.userId,
      kind: "disputed",
    });

    const acceptedAt = later(at, DAY_MS);
    expect(
      await answerResponse(database.db, reporter, id, "accept_dispute", {}, acceptedAt),
    ).toEqual({ state: "dispute_accepted" });
    const row = await concernRow(database.db, id);
    expect(row).toMatchObject({ state: "dispute_accepted", confirmationDueAt: null });
    expect(row.closedAt?.toISOString()).toBe(acceptedAt.toISOString());
    expect((await auditFor(database.db, id)).map((e) => e.action)).toEqual([
      "concern_filed",
      "disputed",
      "dispute_accepted",
    ]);
    expect((await notificationsFor(database.db, id)).at(-1)).toMatchObject({
      recipientId: subject.userId,
      kind: "dispute_accepted",
    });
    expect(await dueJobFor(database.db, id)).toEqual([]);
  });

  it("reaches compliance when the reporter escalates a dispute about a significant concern", async () => {
    const officer = await insertOfficer(database.db);
    const { reporter, subject, id, at } = await concernIn("disputed");
    expect(
      await answerResponse(
        database.db,
        reporter,
        id,
        "escalate_dispute",
        { reason: "Consent does not cover posting it publicly." },
        at,
      ),
    ).toEqual({ state: "escalated" });
    const row = await concernRow(database.db, id);
    expect(row.state).toBe("escalated");
    expect(row.escalatedAt?.toISOString()).toBe(at.toISOString());
    expect((await auditFor(database.db, id)).at(-1)?.action).toBe("escalated_on_dispute");
    const sent = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "escalated_on_dispute",
    );
    expect(sent.map((n) => n.recipientId)).toEqual(
      expect.arrayContaining([subject.userId, officer.userId]),
    );
  });

  it("refuses escalating a dispute about a concern not filed as significant, saying why, and stores nothing", async () => {
    const { reporter, id, at } = await concernIn("disputed", { significant: false });
    const before = await traceOf(database.db, id);
    const refusal = await refusalOf(
      answerResponse(database.db, reporter, id, "escalate_dispute", { reason: "I disagree." }, at),
    );
    expect(refusal.code).toBe("conflict");
    expect(refusal.message).toContain("significantly");
    expect(await traceOf(database.db, id)).toEqual(before);
  });
});

describe("withdrawing a concern", () => {
  for (const state of ["awaiting_response", "remediation_reported", "disputed"] as const) {
    it(`is open to the reporter while the case is ${state}, and the colleague is told`, async () => {
      const { reporter, subject, id, at } = await concernIn(state);
      expect(
        await answerResponse(database.db, reporter, id, "withdraw", { reason: "Misread it." }, at),
      ).toEqual({ state: "withdrawn" });
      const row = await concernRow(database.db, id);
      expect(row).toMatchObject({ state: "withdrawn", confirmationDueAt: null });
      expect(row.closedAt?.toISOString()).toBe(at.toISOString());
      expect((await auditFor(database.db, id)).at(-1)).toMatchObject({
        action: "withdrawn",
        actorId: reporter.userId,
        details: { from: state, to: "withdrawn", reason: "Misread it." },
      });
      expect((await notificationsFor(database.db, id)).at(-1)).toMatchObject({
        recipientId: subject.userId,
        kind: "withdrawn",
      });
      expect(await dueJobFor(database.db, id)).toEqual([]);
    });
  }

  it("is refused once the case is with compliance, and stores nothing", async () => {
    const { reporter, id, at } = await concernIn("escalated");
    const before = await traceOf(database.db, id);
    const refusal = await refusalOf(answerResponse(database.db, reporter, id, "withdraw", {}, at));
    expect(refusal.code).toBe("conflict");
    expect(refusal.message).toContain("moved on");
    expect(await traceOf(database.db, id)).toEqual(before);
  });
});

describe("closing an escalated case", () => {
  it("records the officer's outcome and rationale and tells both parties", async () => {
    const officer = await insertOfficer(database.db);
    const { reporter, subject, id, at } = await concernIn("escalated");
    await claimCase(database.db, officer, id, at);
    expect(
      await closeCase(
        database.db,
        officer,
        id,
        {
          outcome: "referred_external",
          rationale: "Repeated identifiable patient photos.",
          externalAuthority: " State Medical Board ",
        },
        at,
      ),
    ).toEqual({ state: "closed" });

    const row = await concernRow(database.db, id);
    expect(row).toMatchObject({
      state: "closed",
      outcome: "referred_external",
      outcomeRationale: "Repeated identifiable patient photos.",
      externalAuthority: "State Medical Board",
      closedById: officer.userId,
    });
    expect(row.closedAt?.toISOString()).toBe(at.toISOString());
    expect((await auditFor(database.db, id)).at(-1)).toMatchObject({
      action: "case_closed",
      actorId: officer.userId,
    });
    const told = (await notificationsFor(database.db, id)).filter((n) => n.kind === "case_closed");
    expect(told.map((n) => [n.recipientId, n.recipientRelation])).toEqual(
      expect.arrayContaining([
        [subject.userId, "subject"],
        [reporter.userId, "reporter"],
      ]),
    );
    expect(told).toHaveLength(2);
  });

  it("refuses a referral to an external authority that does not name the authority", async () => {
    const officer = await insertOfficer(database.db);
    const { id, at } = await concernIn("escalated");
    await claimCase(database.db, officer, id, at);
    const before = await traceOf(database.db, id);
    for (const externalAuthority of [undefined, "", "   "]) {
      const refusal = await refusalOf(
        closeCase(
          database.db,
          officer,
          id,
          { outcome: "referred_external", rationale: "Serious and repeated.", externalAuthority },
          at,
        ),
      );
      expect(refusal.code).toBe("invalid_input");
    }
    expect(await traceOf(database.db, id)).toEqual(before);
  });

  it("answers 'not found' to an officer for a case that was never escalated", async () => {
    const officer = await insertOfficer(database.db);
    const { id, at } = await concernIn("disputed");
    const before = await traceOf(database.db, id);
    expect((await refusalOf(closeCase(database.db, officer, id, CLOSE, at))).code).toBe(
      "not_found",
    );
    expect(await traceOf(database.db, id)).toEqual(before);
  });

  it("is refused to physicians, the parties included", async () => {
    const { reporter, subject, stranger, id, at } = await concernIn("escalated");
    const before = await traceOf(database.db, id);
    for (const physician of [reporter, subject, stranger]) {
      expect((await refusalOf(closeCase(database.db, physician, id, CLOSE, at))).code).toBe(
        "forbidden",
      );
    }
    expect(await traceOf(database.db, id)).toEqual(before);
  });
});

type Action = { name: string; run: (actor: Actor, id: string, at: Date) => Promise<unknown> };

const SUBJECT_ACTIONS: Action[] = [
  { name: "open notice", run: (a, id, at) => openNotice(database.db, a, id, at) },
  {
    name: "report remediation",
    run: (a, id, at) => reportRemediation(database.db, a, id, REMOVED, at),
  },
  { name: "dispute", run: (a, id, at) => disputeConcern(database.db, a, id, DISPUTE, at) },
];

const REPORTER_ACTIONS: Action[] = (
  [
    "confirm_remediation",
    "reject_remediation",
    "accept_dispute",
    "escalate_dispute",
    "withdraw",
  ] as const
).map((decision) => ({
  name: decision,
  run: (a, id, at) =>
    answerResponse(database.db, a, id, decision, { reason: "A reason for this." }, at),
}));

describe("who may act", () => {
  it("refuses the colleague the reporter's decisions, and the reporter the colleague's answers, as forbidden, storing nothing", async () => {
    const disputed = await concernIn("disputed");
    const reported = await concernIn("remediation_reported");
    for (const { reporter, subject, id, at } of [disputed, reported]) {
      const before = await traceOf(database.db, id);
      for (const action of REPORTER_ACTIONS) {
        const refusal = await refusalOf(action.run(subject, id, at));
        expect(refusal.code, action.name).toBe("forbidden");
      }
      for (const action of SUBJECT_ACTIONS) {
        const refusal = await refusalOf(action.run(reporter, id, at));
        expect(refusal.code, action.name).toBe("forbidden");
      }
      expect(await traceOf(database.db, id)).toEqual(before);
    }
  });

  it("refuses a step the case has moved past with a 'moved on' conflict, storing nothing", async () => {
    const { reporter, subject, id, at } = await concernIn("remediation_reported");
    await answerResponse(database.db, reporter, id, "confirm_remediation", {}, at);
    const before = await traceOf(database.db, id);
    const attempts = [
      ...REPORTER_ACTIONS.map((action) => () => action.run(reporter, id, at)),
      ...SUBJECT_ACTIONS.slice(1).map((action) => () => action.run(subject, id, at)),
    ];
    for (const attempt of attempts) {
      const refusal = await refusalOf(attempt());
      expect(refusal.code).toBe("conflict");
      expect(refusal.message).toContain("moved on");
    }
    expect(await traceOf(database.db, id)).toEqual(before);

    // A dispute is only possible before any answer.
    const awaiting = await concernIn("remediation_reported");
    const refusal = await refusalOf(
      disputeConcern(database.db, awaiting.subject, awaiting.id, DISPUTE, awaiting.at),
    );
    expect(refusal).toMatchObject({ code: "conflict" });
    expect(refusal.message).toContain("moved on");
  });

  it("answers a physician with no part in the case 'not found' for every action, storing nothing", async () => {
    for (const state of [
      "awaiting_response",
      "remediation_reported",
      "disputed",
      "escalated",
    ] as const) {
      const { stranger, id, at } = await concernIn(state);
      const before = await traceOf(database.db, id);
      for (const action of [...SUBJECT_ACTIONS, ...REPORTER_ACTIONS]) {
        const refusal = await refusalOf(action.run(stranger, id, at));
        expect(refusal.code, `${action.name} while ${state}`).toBe("not_found");
      }
      expect(await traceOf(database.db, id)).toEqual(before);
    }
  });

  it("answers 'not found' for a case id that does not exist", async () => {
    const { reporter } = await insertParties(database.db);
    const refusal = await refusalOf(
      answerResponse(
        database.db,
        reporter,
        "00000000-0000-4000-8000-000000000000",
        "withdraw",
        {},
        NOW,
      ),
    );
    expect(refusal.code).toBe("not_found");
  });
});

describe("a confidential reporter", () => {
  it("is never named in what the colleague is sent or told when refused", async () => {
    const reporterName = "Dr Ottoline Hiddenreporter";
    const { reporter, subject, id, at } = await concernIn("disputed", {
      reporterName,
      significant: false,
    });
    const identifying = [reporterName, "Hiddenreporter", reporter.email, reporter.userId];

    const messages: string[] = [];
    for (const action of REPORTER_ACTIONS) {
      messages.push((await refusalOf(action.run(subject, id, at))).message);
    }
    messages.push((await refusalOf(disputeConcern(database.db, subject, id, DISPUTE, at))).message);
    await answerResponse(database.db, reporter, id, "accept_dispute", {}, at);
    messages.push(
      (await refusalOf(reportRemediation(database.db, subject, id, REMOVED, later(at, 1)))).message,
    );
    messages.push(
      (await refusalOf(closeCase(database.db, subject, id, CLOSE, later(at, 1)))).message,
    );

    const toSubject = await database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.recipientId, subject.userId), inArray(notifications.concernId, [id])),
      );
    expect(toSubject.length).toBeGreaterThan(0);
    const seenBySubject = JSON.stringify({ messages, toSubject });
    for (const text of identifying) expect(seenBySubject).not.toContain(text);
  });
});
