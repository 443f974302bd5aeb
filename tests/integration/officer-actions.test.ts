import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, caseNotes, informationRequests } from "@/db/schema";
import { findConcernFor, listTimeline } from "@/lib/queries/concerns";
import { addCaseNote } from "@/lib/services/concerns/add-case-note";
import { answerInformationRequest } from "@/lib/services/concerns/answer-information-request";
import { assignCase } from "@/lib/services/concerns/assign-case";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import { recordCaseAccess } from "@/lib/services/concerns/record-case-access";
import { releaseCase } from "@/lib/services/concerns/release-case";
import { remindOfficers, remindOverdueOfficers } from "@/lib/services/concerns/remind-officers";
import { reopenCase, reopenCaseByReference } from "@/lib/services/concerns/reopen-case";
import { requestInformation } from "@/lib/services/concerns/request-information";
import { retractCaseNote } from "@/lib/services/concerns/retract-case-note";
import {
  auditFor,
  concernRow,
  DAY_MS,
  insertEscalatedCase,
  insertOfficer,
  invalidFieldsOf,
  later,
  notificationsFor,
  refusalOf,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
// A Monday morning; cases escalate a week later, also a Monday.
const FILED = new Date("2026-03-02T09:00:00.000Z");
const CLOSE = { outcome: "coaching", rationale: "Discussed professional boundaries with them." };

async function jobKeysFor(concernId: string) {
  const result = await database.db.execute<{ key: string; run_at: Date }>(
    sql`select key, run_at from graphile_worker.jobs where key like ${`%${concernId}`} order by key`,
  );
  return result.rows;
}

describe("claiming", () => {
  it("of 20 officers claiming the same case at once, exactly one wins; the others are told who", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const officers = await Promise.all(
      Array.from({ length: 20 }, () => insertOfficer(database.db)),
    );
    const results = await Promise.allSettled(
      officers.map((officer) => claimCase(database.db, officer, id, later(escalatedAt, 1000))),
    );
    const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [officers[i]!] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({
          code: "conflict",
          message: `This case is in review by a compliance officer: it is assigned to ${winner.name}.`,
        });
      }
    }
    const row = await concernRow(database.db, id);
    expect(row).toMatchObject({ state: "in_review", assigneeId: winner.userId });
    const claims = (await auditFor(database.db, id)).filter((e) => e.action === "case_claimed");
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      actorId: winner.userId,
      details: { from: "escalated", to: "in_review" },
    });
  });

  it("neither a physician nor an officer who is a party to the case can claim it", async () => {
    const officerReporter = await insertPerson(database.db, {
      roles: ["physician", "compliance_officer"],
    });
    const { id, escalatedAt, subject } = await insertEscalatedCase(database.db, FILED, {
      reporter: officerReporter,
    });
    expect((await refusalOf(claimCase(database.db, subject, id, escalatedAt))).code).toBe(
      "forbidden",
    );
    // The officer who filed it acts on it only as its reporter.
    expect(await refusalOf(claimCase(database.db, officerReporter, id, escalatedAt))).toMatchObject(
      { code: "forbidden", message: "Only a compliance officer can do this." },
    );
    expect((await concernRow(database.db, id)).state).toBe("escalated");
  });
});

describe("assigning, releasing and acting on a held case", () => {
  it("an officer cannot act on a case held by someone else until they reassign it to themselves", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const [farah, george] = await Promise.all([
      insertOfficer(database.db),
      insertOfficer(database.db),
    ]);
    const at = later(escalatedAt, 1000);
    await claimCase(database.db, farah, id, at);

    for (const attempt of [
      () => closeCase(database.db, george, id, CLOSE, at),
      () => releaseCase(database.db, george, id, {}, at),
      () => addCaseNote(database.db, george, id, { body: "My view." }, at),
      () =>
        requestInformation(
          database.db,
          george,
          id,
          { recipient: "subject", question: "Is it removed yet?" },
          at,
        ),
    ]) {
      const refusal = await refusalOf(attempt());
      expect(refusal.code).toBe("conflict");
      expect(refusal.message).toContain(`assigned to ${farah.name}`);
    }

    await assignCase(database.db, george, id, { assigneeId: george.userId }, at);
    expect((await concernRow(database.db, id)).assigneeId).toBe(george.userId);
    const assigned = (await auditFor(database.db, id)).find((e) => e.action === "case_assigned");
    expect(assigned).toMatchObject({
      actorId: george.userId,
      details: { assigneeId: george.userId },
    });
    // The new holder is told.
    const told = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "case_assigned",
    );
    expect(told.map((n) => n.recipientId)).toEqual([george.userId]);

    await closeCase(database.db, george, id, CLOSE, at);
    expect((await concernRow(database.db, id)).state).toBe("closed");
  });

  it("refuses to assign to someone who is not an active officer, or to a party", async () => {
    const { id, escalatedAt, reporter } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    const retired = await insertOfficer(database.db, { deactivated: true });
    for (const assigneeId of [reporter.userId, retired.userId]) {
      const refusal = await refusalOf(
        assignCase(database.db, officer, id, { assigneeId }, escalatedAt),
      );
      expect(refusal).toMatchObject({ code: "invalid_input", field: "assigneeId" });
    }
    expect((await concernRow(database.db, id)).assigneeId).toBeNull();
  });

  it("an unclaimed case must be claimed before it is decided", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    const refusal = await refusalOf(closeCase(database.db, officer, id, CLOSE, escalatedAt));
    expect(refusal).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/Claim this case first/),
    });
  });

  it("releasing returns the case to the queue unassigned with its clocks unchanged, and is audited", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    const before = await concernRow(database.db, id);
    await claimCase(database.db, officer, id, later(escalatedAt, 1000));
    await releaseCase(
      database.db,
      officer,
      id,
      { reason: "Conflict of interest." },
      later(escalatedAt, 2000),
    );
    const after = await concernRow(database.db, id);
    expect(after).toMatchObject({
      state: "escalated",
      assigneeId: null,
      escalatedAt: before.escalatedAt,
      triageDueAt: before.triageDueAt,
      decisionDueAt: before.decisionDueAt,
    });
    const released = (await auditFor(database.db, id)).find((e) => e.action === "case_released");
    expect(released).toMatchObject({
      actorId: officer.userId,
      details: { reason: "Conflict of interest." },
    });
  });
});

describe("service-level clocks and reminders", () => {
  it("escalation sets triage due two business days later and decision due 30 days later, with reminder jobs", async () => {
    // Filed on a Thursday, escalated on the following Thursday: triage due on Monday.
    const thursday = new Date("2026-03-05T10:00:00.000Z");
    const { id, escalatedAt } = await insertEscalatedCase(database.db, thursday);
    const row = await concernRow(database.db, id);
    expect(escalatedAt.getUTCDay()).toBe(4);
    expect(row.triageDueAt).toEqual(new Date("2026-03-16T10:00:00.000Z"));
    expect(row.decisionDueAt).toEqual(later(escalatedAt, 30 * DAY_MS));
    expect(
      (await jobKeysFor(id)).map((job) => ({ key: job.key, run_at: new Date(job.run_at) })),
    ).toEqual([
      { key: `officer-reminder:decision:${id}`, run_at: row.decisionDueAt },
      { key: `officer-reminder:triage:${id}`, run_at: row.triageDueAt },
    ]);
  });

  it("an unclaimed case past triage reminds every officer once; a claimed one reminds nobody", async () => {
    const { id, reporter, subject } = await insertEscalatedCase(database.db, FILED);
    const row = await concernRow(database.db, id);
    const officers = [await insertOfficer(database.db), await insertOfficer(database.db)];
    expect(await remindOfficers(database.db, id, "triage", later(row.triageDueAt!, -1000))).toBe(
      false,
    );
    expect(await remindOfficers(database.db, id, "triage", row.triageDueAt!)).toBe(true);
    expect(await remindOfficers(database.db, id, "triage", later(row.triageDueAt!, 1000))).toBe(
      false,
    );
    const reminded = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "triage_overdue",
    );
    const recipients = reminded.map((n) => n.recipientId);
    for (const officer of officers) expect(recipients).toContain(officer.userId);
    expect(recipients).not.toContain(reporter.userId);
    expect(recipients).not.toContain(subject.userId);
    expect(new Set(recipients).size).toBe(recipients.length);

    const claimed = await insertEscalatedCase(database.db, FILED);
    await claimCase(database.db, officers[0]!, claimed.id, claimed.escalatedAt);
    const due = (await concernRow(database.db, claimed.id)).triageDueAt!;
    expect(await remindOfficers(database.db, claimed.id, "triage", due)).toBe(false);
  });

  it("an undecided case past its decision deadline reminds the officer holding it; a closed case removes its reminders", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    await claimCase(database.db, officer, id, escalatedAt);
    const due = (await concernRow(database.db, id)).decisionDueAt!;
    expect(await remindOfficers(database.db, id, "decision", due)).toBe(true);
    const reminded = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "decision_overdue",
    );
    expect(reminded.map((n) => n.recipientId)).toEqual([officer.userId]);

    await closeCase(database.db, officer, id, CLOSE, later(due, 1000));
    expect(await jobKeysFor(id)).toEqual([]);
  });

  it("the sweep sends a reminder whose job was lost, once, and leaves a case in time alone", async () => {
    const lost = await insertEscalatedCase(database.db, FILED);
    const inTime = await insertEscalatedCase(database.db, later(FILED, 20 * DAY_MS));
    await insertOfficer(database.db);
    await database.db.execute(
      sql`delete from graphile_worker._private_jobs where key like ${`%${lost.id}`}`,
    );
    const triageDue = (await concernRow(database.db, lost.id)).triageDueAt!;
    const at = later(triageDue, 1000);
    expect((await concernRow(database.db, inTime.id)).triageDueAt! > at).toBe(true);

    expect(await remindOverdueOfficers(database.db, at)).toBeGreaterThan(0);
    expect(await remindOverdueOfficers(database.db, at)).toBe(0);
    const kinds = async (id: string) =>
      (await notificationsFor(database.db, id))
        .map((n) => n.kind)
        .filter((k) => k.endsWith("_overdue"));
    expect(new Set(await kinds(lost.id))).toEqual(new Set(["triage_overdue"]));
    expect((await concernRow(database.db, lost.id)).triageRemindedAt).toEqual(at);
    expect(await kinds(inTime.id)).toEqual([]);
  });
});

describe("decision and reopening", () => {
  it("closing notifies both parties; reopening by an officer needs a reason, is audited and starts fresh clocks", async () => {
    const { id, escalatedAt, reporter, subject } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    await claimCase(database.db, officer, id, escalatedAt);
    await closeCase(
      database.db,
      officer,
      id,
      { ...CLOSE, outcome: "referred_external", externalAuthority: "State Medical Board" },
      later(escalatedAt, DAY_MS),
    );
    const closedTold = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "case_closed",
    );
    expect(closedTold.map((n) => n.recipientId).sort()).toEqual(
      [reporter.userId, subject.userId].sort(),
    );

    expect(await invalidFieldsOf(reopenCase(database.db, officer, id, { reason: "" }))).toEqual([
      "reason",
    ]);
    const reopenedAt = later(escalatedAt, 10 * DAY_MS);
    await reopenCase(
      database.db,
      officer,
      id,
      { reason: "The board asked us to look again." },
      reopenedAt,
    );
    const row = await concernRow(database.db, id);
    expect(row).toMatchObject({
      state: "escalated",
      assigneeId: null,
      closedAt: null,
      outcome: null,
    });
    expect(row.decisionDueAt).toEqual(later(reopenedAt, 30 * DAY_MS));
    const reopened = (await auditFor(database.db, id)).find((e) => e.action === "case_reopened");
    expect(reopened).toMatchObject({
      actorId: officer.userId,
      details: { from: "closed", to: "escalated", reason: "The board asked us to look again." },
    });
  });

  it("an administrator reopens by reference, learning nothing but the reference", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const physician = await insertPerson(database.db, { roles: ["physician"] });
    const row = await concernRow(database.db, id);

    // Not closed yet: the administrator is told it cannot be reopened, nothing else.
    const early = await refusalOf(
      reopenCaseByReference(database.db, admin, {
        reference: String(row.number),
        reason: "Asked by the board.",
      }),
    );
    expect(early.code).toBe("conflict");
    // What happened, and nothing of where the case stands.
    expect(early.message).toBe("That case is not closed, so there is nothing to reopen.");

    await claimCase(database.db, officer, id, escalatedAt);
    await closeCase(database.db, officer, id, CLOSE, escalatedAt);
    const result = await reopenCaseByReference(database.db, admin, {
      reference: `pc-${row.number}`,
      reason: "Asked by the board to reconsider.",
    });
    expect(result).toEqual({ reference: `PC-${String(row.number).padStart(6, "0")}` });
    expect((await concernRow(database.db, id)).state).toBe("escalated");
    const reopened = (await auditFor(database.db, id)).filter((e) => e.action === "case_reopened");
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.actorId).toBe(admin.userId);

    expect(
      (
        await refusalOf(
          reopenCaseByReference(database.db, physician, {
            reference: String(row.number),
            reason: "I want to.",
          }),
        )
      ).code,
    ).toBe("forbidden");
    expect(
      (
        await refusalOf(
          reopenCaseByReference(database.db, admin, {
            reference: "999999999",
            reason: "No such case.",
          }),
        )
      ).code,
    ).toBe("not_found");
  });
});

describe("internal notes", () => {
  it("are added and retracted with a reason by their author, audited, and never shown to the parties", async () => {
    const { id, escalatedAt, reporter, subject } = await insertEscalatedCase(database.db, FILED);
    const [officer, colleague] = [
      await insertOfficer(database.db),
      await insertOfficer(database.db),
    ];
    await claimCase(database.db, officer, id, escalatedAt);
    const notifiedBefore = (await notificationsFor(database.db, id)).length;
    const { noteId } = await addCaseNote(database.db, officer, id, {
      body: "Prior warning in 2024, check HR file.",
    });

    expect(
      (
        await refusalOf(
          retractCaseNote(database.db, colleague, noteId, { reason: "Not mine to keep." }),
        )
      ).code,
    ).toBe("forbidden");
    await retractCaseNote(database.db, officer, noteId, {
      reason: "Wrong colleague: the warning was someone else's.",
    });
    expect(
      (await refusalOf(retractCaseNote(database.db, officer, noteId, { reason: "Again, twice." })))
        .code,
    ).toBe("conflict");

    const [note] = await database.db.select().from(caseNotes).where(eq(caseNotes.id, noteId));
    expect(note).toMatchObject({
      body: "Prior warning in 2024, check HR file.",
      retractedById: officer.userId,
    });
    const actions = (await auditFor(database.db, id)).map((e) => e.action);
    expect(actions).toContain("note_added");
    expect(actions).toContain("note_retracted");
    expect((await notificationsFor(database.db, id)).length).toBe(notifiedBefore);

    // Neither party's view of the case carries a note or its events.
    for (const [party, view] of [
      [reporter, "reporter"],
      [subject, "subject"],
    ] as const) {
      const concern = (await findConcernFor(database.db, party, view, id))!;
      const timeline = await listTimeline(database.db, concern, view, party.userId);
      const text = JSON.stringify({ concern, timeline });
      expect(text).not.toContain("Prior warning");
      expect(text).not.toContain("Wrong colleague");
      expect(timeline.map((t) => t.action)).not.toContain("note_added");
    }
  });

  it("cannot be edited or deleted, even by SQL", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    await claimCase(database.db, officer, id, escalatedAt);
    const { noteId } = await addCaseNote(database.db, officer, id, { body: "Original words." });
    await expect(
      database.db.update(caseNotes).set({ body: "Changed words." }).where(eq(caseNotes.id, noteId)),
    ).rejects.toThrow();
    await expect(database.db.delete(caseNotes).where(eq(caseNotes.id, noteId))).rejects.toThrow();
    const [note] = await database.db.select().from(caseNotes).where(eq(caseNotes.id, noteId));
    expect(note!.body).toBe("Original words.");
  });
});

describe("requests for information", () => {
  it("round trip: the subject is asked, sees the question, answers once; the answer is on the officer's timeline", async () => {
    const { id, escalatedAt, reporter, subject } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    await claimCase(database.db, officer, id, escalatedAt);
    const { requestId } = await requestInformation(database.db, officer, id, {
      recipient: "subject",
      question: "Has the post been removed from every platform?",
    });
    const requested = (await auditFor(database.db, id)).filter(
      (e) => e.action === "information_requested",
    );
    expect(requested).toHaveLength(1);
    expect(requested[0]).toMatchObject({
      actorId: officer.userId,
      details: {
        requestId,
        recipient: "subject",
        question: "Has the post been removed from every platform?",
      },
    });
    const asked = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "information_requested",
    );
    expect(asked.map((n) => [n.recipientId, n.recipientRelation])).toEqual([
      [subject.userId, "subject"],
    ]);

    // Only the party asked may answer.
    for (const someoneElse of [reporter, officer]) {
      expect(
        (
          await refusalOf(
            answerInformationRequest(database.db, someoneElse, requestId, { answer: "Yes." }),
          )
        ).code,
      ).toBe("not_found");
    }
    await answerInformationRequest(database.db, subject, requestId, {
      answer: "Yes, removed everywhere.",
    });
    expect(
      (
        await refusalOf(
          answerInformationRequest(database.db, subject, requestId, { answer: "Again." }),
        )
      ).code,
    ).toBe("conflict");

    const [stored] = await database.db
      .select()
      .from(informationRequests)
      .where(eq(informationRequests.id, requestId));
    expect(stored).toMatchObject({ answer: "Yes, removed everywhere.", recipient: "subject" });
    const told = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "information_provided",
    );
    expect(told.map((n) => n.recipientId)).toEqual([officer.userId]);

    const concern = (await findConcernFor(database.db, officer, "officer", id))!;
    const timeline = await listTimeline(database.db, concern, "officer", officer.userId);
    const provided = timeline.find((t) => t.action === "information_provided");
    expect(provided).toMatchObject({
      who: subject.name,
      details: { answer: "Yes, removed everywhere." },
    });
  });
});

describe("access log", () => {
  it("records who opened which case file and when, including that the reporter's identity was seen", async () => {
    const { id } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    await recordCaseAccess(database.db, officer, id);
    const [viewed] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "case_viewed")));
    expect(viewed).toMatchObject({
      actorId: officer.userId,
      details: { seen: ["case_file", "reporter_identity"] },
    });
    expect(viewed!.occurredAt).toBeInstanceOf(Date);
  });
});

describe("feedback to the parties", () => {
  it("tells both parties the outcome and the officer's summary for them, never the internal rationale", async () => {
    const { id, escalatedAt, reporter, subject } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    const at = later(escalatedAt, 1000);
    await claimCase(database.db, officer, id, at);
    await closeCase(
      database.db,
      officer,
      id,
      { ...CLOSE, partySummary: "  The colleague has agreed to a coaching conversation.  " },
      later(at, 1000),
    );

    for (const [actor, view] of [
      [reporter, "reporter"],
      [subject, "subject"],
    ] as const) {
      const seen = await findConcernFor(database.db, actor, view, id);
      expect(seen).toMatchObject({
        outcome: "coaching",
        outcomeSummary: "The colleague has agreed to a coaching conversation.",
        outcomeRationale: null,
      });
      expect(JSON.stringify(seen)).not.toContain(CLOSE.rationale);
    }
    expect(await findConcernFor(database.db, officer, "officer", id)).toMatchObject({
      outcomeRationale: CLOSE.rationale,
    });

    // Reopening makes the case undecided again: nothing is told any more.
    await reopenCase(
      database.db,
      officer,
      id,
      { reason: "New information arrived." },
      later(at, 2000),
    );
    expect(await findConcernFor(database.db, reporter, "reporter", id)).toMatchObject({
      outcome: null,
      outcomeSummary: null,
    });
  });
});
