import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseAppeals } from "@/db/schema";
import { PatientDetailsRefusal } from "@/lib/errors/patient-details-refusal";
import { findAppealForParty, listOpenAppeals } from "@/lib/queries/appeals";
import { findConcernFor, listTimeline } from "@/lib/queries/concerns";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import { decideAppeal } from "@/lib/services/concerns/decide-appeal";
import { fileAppeal } from "@/lib/services/concerns/file-appeal";
import { reopenCase } from "@/lib/services/concerns/reopen-case";
import { takeAppeal } from "@/lib/services/concerns/take-appeal";
import {
  auditFor,
  concernRow,
  DAY_MS,
  insertEscalatedCase,
  insertOfficer,
  later,
  notificationsFor,
  refusalOf,
  setOrganisationSettings,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const FILED = new Date("2026-03-02T09:00:00.000Z");
const EXPLANATION = "The post was a fictional teaching scenario, not about a real patient.";
const UPHOLD = {
  decision: "upheld" as const,
  newOutcome: "no_violation" as const,
  rationale: "The scenario was plainly fictional on a second reading.",
  partySummary: "On appeal, no violation was found.",
};
const DISMISS = { decision: "dismissed" as const, rationale: "The coaching stands as decided." };

/** An escalated case claimed and closed with coaching by one officer (the decider). */
async function decidedCase() {
  const { id, escalatedAt, reporter, subject } = await insertEscalatedCase(database.db, FILED);
  const decider = await insertOfficer(database.db);
  const decidedAt = later(escalatedAt, DAY_MS);
  await claimCase(database.db, decider, id, decidedAt);
  await closeCase(
    database.db,
    decider,
    id,
    { outcome: "coaching", rationale: "Discussed boundaries.", partySummary: "A conversation." },
    decidedAt,
  );
  return { id, reporter, subject, decider, decidedAt };
}

async function appealsOf(concernId: string) {
  return database.db.select().from(caseAppeals).where(eq(caseAppeals.concernId, concernId));
}

describe("filing an appeal", () => {
  it("the colleague appeals within the window; the officers are told and the outcome stands", async () => {
    const { id, subject, decidedAt } = await decidedCase();
    await fileAppeal(
      database.db,
      subject,
      id,
      { explanation: EXPLANATION },
      later(decidedAt, 1000),
    );

    const [appeal] = await appealsOf(id);
    expect(appeal).toMatchObject({ status: "filed", explanation: EXPLANATION });
    expect((await concernRow(database.db, id)).outcome).toBe("coaching");
    const filed = (await auditFor(database.db, id)).find((e) => e.action === "appeal_filed");
    expect(filed).toMatchObject({
      actorId: subject.userId,
      details: { appealId: appeal!.id, appealedOutcome: "coaching", explanation: EXPLANATION },
    });
    const told = (await notificationsFor(database.db, id)).filter((n) => n.kind === "appeal_filed");
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n) => n.recipientRelation === "officer")).toBe(true);
  });

  it("is accepted a moment before the 14th day ends and refused at its end, with nothing stored", async () => {
    const first = await decidedCase();
    await fileAppeal(
      database.db,
      first.subject,
      first.id,
      { explanation: EXPLANATION },
      later(first.decidedAt, 14 * DAY_MS - 1),
    );
    expect(await appealsOf(first.id)).toHaveLength(1);

    const late = await decidedCase();
    const refusal = await refusalOf(
      fileAppeal(
        database.db,
        late.subject,
        late.id,
        { explanation: EXPLANATION },
        later(late.decidedAt, 14 * DAY_MS),
      ),
    );
    expect(refusal).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("14 days"),
    });
    expect(await appealsOf(late.id)).toHaveLength(0);
    expect((await auditFor(database.db, late.id)).map((e) => e.action)).not.toContain(
      "appeal_filed",
    );
  });

  it("follows the window in Settings", async () => {
    await setOrganisationSettings(database.db, { appealWindowDays: 3 });
    try {
      const { id, subject, decidedAt } = await decidedCase();
      const refusal = await refusalOf(
        fileAppeal(
          database.db,
          subject,
          id,
          { explanation: EXPLANATION },
          later(decidedAt, 4 * DAY_MS),
        ),
      );
      expect(refusal.message).toContain("within 3 days");
    } finally {
      await setOrganisationSettings(database.db, { appealWindowDays: 14 });
    }
  });

  it("a second appeal of the same decision is refused", async () => {
    const { id, subject, decidedAt } = await decidedCase();
    await fileAppeal(
      database.db,
      subject,
      id,
      { explanation: EXPLANATION },
      later(decidedAt, 1000),
    );
    const refusal = await refusalOf(
      fileAppeal(database.db, subject, id, { explanation: EXPLANATION }, later(decidedAt, 2000)),
    );
    expect(refusal).toMatchObject({
      code: "duplicate",
      message: "You have already appealed this decision.",
    });
    expect(await appealsOf(id)).toHaveLength(1);
  });

  it("only the colleague may appeal: the reporter, a stranger and an officer find no such case", async () => {
    const { id, reporter, decider, decidedAt } = await decidedCase();
    const stranger = await insertPerson(database.db, { roles: ["physician"] });
    for (const who of [reporter, stranger, decider]) {
      const refusal = await refusalOf(
        fileAppeal(database.db, who, id, { explanation: EXPLANATION }, later(decidedAt, 1000)),
      );
      expect(refusal.code).toBe("not_found");
    }
    expect(await appealsOf(id)).toHaveLength(0);
  });

  it("an explanation with patient details is not stored until the colleague confirms them", async () => {
    const { id, subject, decidedAt } = await decidedCase();
    const words = "My patient John Smith, MRN 12345678, agreed to the post being shared.";
    const error = await fileAppeal(
      database.db,
      subject,
      id,
      { explanation: words },
      later(decidedAt, 1000),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatientDetailsRefusal);
    expect(await appealsOf(id)).toHaveLength(0);
  });
});

describe("taking an appeal", () => {
  it("the officer who decided cannot take it, and is told why; a different officer can", async () => {
    const { id, subject, decider, decidedAt } = await decidedCase();
    const at = later(decidedAt, 1000);
    await fileAppeal(database.db, subject, id, { explanation: EXPLANATION }, at);

    expect(await refusalOf(takeAppeal(database.db, decider, id, at))).toMatchObject({
      code: "forbidden",
      message: "You made the decision under appeal, so a different officer must take it.",
    });
    const [queued] = (await listOpenAppeals(database.db, decider)).filter(
      (a) => a.concernId === id,
    );
    expect(queued?.mayTake).toMatchObject({ ok: false, code: "decider" });

    const second = await insertOfficer(database.db);
    await takeAppeal(database.db, second, id, at);
    expect((await appealsOf(id))[0]).toMatchObject({ status: "taken", takenById: second.userId });
    expect(
      (await auditFor(database.db, id)).find((e) => e.action === "appeal_taken"),
    ).toMatchObject({ actorId: second.userId });
  });

  it("of two officers taking it at once, exactly one wins; the other is told who has it", async () => {
    const { id, subject, decidedAt } = await decidedCase();
    const at = later(decidedAt, 1000);
    await fileAppeal(database.db, subject, id, { explanation: EXPLANATION }, at);
    const officers = await Promise.all([insertOfficer(database.db), insertOfficer(database.db)]);
    const results = await Promise.allSettled(
      officers.map((officer) => takeAppeal(database.db, officer, id, at)),
    );
    const winners = officers.filter((_, i) => results[i]!.status === "fulfilled");
    expect(winners).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`${winners[0]!.name} has taken it.`),
    });
    expect((await appealsOf(id))[0]?.takenById).toBe(winners[0]!.userId);
    const taken = (await auditFor(database.db, id)).filter((e) => e.action === "appeal_taken");
    expect(taken).toHaveLength(1);
  });

  it("a party who is an officer cannot take it; a physician is refused before anything is read", async () => {
    const officerReporter = await insertPerson(database.db, {
      roles: ["physician", "compliance_officer"],
    });
    const { id, escalatedAt, subject } = await insertEscalatedCase(database.db, FILED, {
      reporter: officerReporter,
    });
    const decider = await insertOfficer(database.db);
    await claimCase(database.db, decider, id, escalatedAt);
    await closeCase(
      database.db,
      decider,
      id,
      { outcome: "coaching", rationale: "Discussed it." },
      escalatedAt,
    );
    await fileAppeal(
      database.db,
      subject,
      id,
      { explanation: EXPLANATION },
      later(escalatedAt, 1000),
    );
    expect((await refusalOf(takeAppeal(database.db, officerReporter, id))).code).toBe("not_found");
    expect((await refusalOf(takeAppeal(database.db, subject, id))).code).toBe("forbidden");
    expect((await appealsOf(id))[0]?.status).toBe("filed");
  });
});

describe("deciding an appeal", () => {
  async function takenAppeal() {
    const decided = await decidedCase();
    const at = later(decided.decidedAt, 1000);
    await fileAppeal(database.db, decided.subject, decided.id, { explanation: EXPLANATION }, at);
    const appealOfficer = await insertOfficer(database.db);
    await takeAppeal(database.db, appealOfficer, decided.id, at);
    return { ...decided, appealOfficer, at };
  }

  it("upheld: the case's outcome changes, the audit event records old and new, and both parties are told", async () => {
    const { id, reporter, subject, appealOfficer, at } = await takenAppeal();
    await decideAppeal(database.db, appealOfficer, id, UPHOLD, at);

    expect(await concernRow(database.db, id)).toMatchObject({
      state: "closed",
      outcome: "no_violation",
      outcomeSummary: UPHOLD.partySummary,
    });
    expect(
      (await auditFor(database.db, id)).find((e) => e.action === "appeal_upheld"),
    ).toMatchObject({
      actorId: appealOfficer.userId,
      details: { fromOutcome: "coaching", toOutcome: "no_violation", rationale: UPHOLD.rationale },
    });
    const told = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "appeal_upheld",
    );
    expect(told.map((n) => n.recipientId).sort()).toEqual([reporter.userId, subject.userId].sort());

    // Each party sees the new outcome and summary; never the officer's rationale.
    const forSubject = await findConcernFor(database.db, subject, "subject", id);
    expect(forSubject).toMatchObject({
      outcome: "no_violation",
      outcomeSummary: UPHOLD.partySummary,
    });
    expect(await findAppealForParty(database.db, id)).toMatchObject({
      status: "upheld",
      appealedOutcome: "coaching",
      resultingOutcome: "no_violation",
    });
    const timeline = await listTimeline(database.db, forSubject!, "subject", subject.userId);
    expect(JSON.stringify(timeline)).not.toContain(UPHOLD.rationale);
    expect(JSON.stringify(timeline)).toContain("Appeal upheld");
    // The parties' entries carry no details, so no summary is worded from missing ones.
    expect(JSON.stringify(timeline)).not.toContain("undefined");
  });

  it("dismissed: the decision stands and both parties are told", async () => {
    const { id, reporter, subject, appealOfficer, at } = await takenAppeal();
    await decideAppeal(database.db, appealOfficer, id, DISMISS, at);
    expect((await concernRow(database.db, id)).outcome).toBe("coaching");
    expect((await appealsOf(id))[0]).toMatchObject({
      status: "dismissed",
      resultingOutcome: "coaching",
    });
    const told = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "appeal_dismissed",
    );
    expect(told.map((n) => n.recipientId).sort()).toEqual([reporter.userId, subject.userId].sort());
  });

  it("only the officer who took it decides it, once, and upholding must change the outcome", async () => {
    const { id, decider, appealOfficer, at } = await takenAppeal();
    expect((await refusalOf(decideAppeal(database.db, decider, id, DISMISS, at))).code).toBe(
      "forbidden",
    );
    const other = await insertOfficer(database.db);
    expect(await refusalOf(decideAppeal(database.db, other, id, DISMISS, at))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining(`${appealOfficer.name} has taken it.`),
    });
    expect(
      await refusalOf(
        decideAppeal(database.db, appealOfficer, id, { ...UPHOLD, newOutcome: "coaching" }, at),
      ),
    ).toMatchObject({ code: "invalid_input", field: "newOutcome" });
    expect(
      await refusalOf(
        decideAppeal(
          database.db,
          appealOfficer,
          id,
          { decision: "upheld", rationale: UPHOLD.rationale },
          at,
        ),
      ),
    ).toMatchObject({ field: "newOutcome" });
    await decideAppeal(database.db, appealOfficer, id, DISMISS, at);
    expect((await refusalOf(decideAppeal(database.db, appealOfficer, id, UPHOLD, at))).code).toBe(
      "conflict",
    );
    expect((await concernRow(database.db, id)).outcome).toBe("coaching");
  });

  it("an appeal of a decision that was reopened no longer applies", async () => {
    const { id, appealOfficer, at } = await takenAppeal();
    await reopenCase(database.db, appealOfficer, id, { reason: "New information arrived." }, at);
    expect(await refusalOf(decideAppeal(database.db, appealOfficer, id, UPHOLD, at))).toMatchObject(
      {
        code: "conflict",
        message: expect.stringContaining("no longer applies"),
      },
    );
  });
});
