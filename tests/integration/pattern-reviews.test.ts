import { and, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditEvents,
  emailDeliveries,
  notifications,
  patternReviews,
  userRoles,
  users,
} from "@/db/schema";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import type { Actor } from "@/lib/authz/permissions";
import { patternReviewReference } from "@/lib/domain/pattern-review";
import type { OutgoingEmail } from "@/lib/notifications/mailer";
import {
  listPatternReviewQueue,
  loadPatternReviewForOfficer,
  loadPatternReviewForSubject,
} from "@/lib/queries/pattern-reviews";
import { recuseFromCase } from "@/lib/services/concerns/recuse-from-case";
import { deliverEmail } from "@/lib/services/notifications/deliver-email";
import { answerPatternReview } from "@/lib/services/pattern-reviews/answer-pattern-review";
import { claimPatternReview } from "@/lib/services/pattern-reviews/claim-pattern-review";
import { decidePatternReview } from "@/lib/services/pattern-reviews/decide-pattern-review";
import { updateWorkflowSettings } from "@/lib/services/settings/update-workflow-settings";
import {
  DAY_MS,
  fileAbout,
  insertEscalatedCase,
  later,
  refusalOf,
} from "./support/concern-factories";
import { insertDepartment, insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";
import { MAIL } from "./support/mail-test-kit";

const database = withFreshDatabase();
const T0 = new Date("2026-04-01T09:00:00.000Z");

/** A colleague in a department with its own officer, two reporters, and an outsider officer. */
async function cast() {
  const db = database.db;
  const department = await insertDepartment(db);
  const other = await insertDepartment(db);
  const physician = () => insertPerson(db, { roles: ["physician"], departmentId: department.id });
  const [colleague, amara, ben] = [await physician(), await physician(), await physician()];
  const officer = await insertPerson(db, {
    roles: ["compliance_officer"],
    departmentId: department.id,
  });
  const outsider = await insertPerson(db, {
    roles: ["compliance_officer"],
    departmentId: other.id,
  });
  return { colleague, amara, ben, officer, outsider };
}

async function openReviewOf(subject: Actor) {
  return database.db
    .select()
    .from(patternReviews)
    .where(eq(patternReviews.subjectId, subject.userId));
}

describe("pattern reviews", () => {
  it("keeps an officer who stepped aside from one of its concerns away from the review, and does not tell them of it", async () => {
    const { colleague, amara, ben, officer } = await cast();
    const stepping = await insertPerson(database.db, {
      roles: ["compliance_officer"],
      departmentId: officer.departmentId ?? undefined,
    });
    const { id } = await insertEscalatedCase(database.db, T0, {
      reporter: amara,
      subject: colleague,
    });
    await recuseFromCase(
      database.db,
      stepping,
      id,
      { reason: "I trained alongside the colleague concerned for years." },
      later(T0, 8 * DAY_MS),
    );
    await fileAbout(database.db, ben, colleague, later(T0, 10 * DAY_MS));
    await fileAbout(database.db, ben, colleague, later(T0, 11 * DAY_MS));
    const [review] = await openReviewOf(colleague);
    expect(review).toBeDefined();

    expect(await loadPatternReviewForOfficer(database.db, officer, review!.id)).not.toBeNull();
    expect(await loadPatternReviewForOfficer(database.db, stepping, review!.id)).toBeNull();
    const told = await database.db
      .select({ recipientId: notifications.recipientId })
      .from(notifications)
      .where(eq(notifications.patternReviewId, review!.id));
    expect(told.map((n) => n.recipientId)).toContain(officer.userId);
    expect(told.map((n) => n.recipientId)).not.toContain(stepping.userId);
  });

  it("opens one, by the system, when a third concern from a second reporter arrives, and tells the colleague and the department's officers", async () => {
    const { colleague, amara, ben, officer, outsider } = await cast();
    const ids = [
      await fileAbout(database.db, amara, colleague, T0),
      await fileAbout(database.db, amara, colleague, later(T0, 30 * DAY_MS)),
    ];
    expect(await openReviewOf(colleague)).toEqual([]);
    ids.push(
      await fileAbout(database.db, ben, colleague, later(T0, 200 * DAY_MS), {
        disclosure: "named",
      }),
    );

    const [review] = await openReviewOf(colleague);
    expect(review).toMatchObject({ state: "open", assigneeId: null });
    const [opened] = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityType, "pattern_review"), eq(auditEvents.entityId, review!.id)),
      );
    expect(opened).toMatchObject({ action: "pattern_review_opened", actorId: null });

    const told = await database.db
      .select({ to: notifications.recipientId, relation: notifications.recipientRelation })
      .from(notifications)
      .where(eq(notifications.patternReviewId, review!.id));
    expect(told).toEqual(
      expect.arrayContaining([
        { to: colleague.userId, relation: "subject" },
        { to: officer.userId, relation: "officer" },
      ]),
    );
    expect(told).toHaveLength(2);

    const seen = await loadPatternReviewForOfficer(database.db, officer, review!.id);
    expect(seen?.concerns.map((c) => c.id)).toEqual(ids);
    expect(seen?.reporterCount).toBe(2);
    // Amara stayed confidential; Ben chose to be named.
    expect(seen?.concerns.map((c) => c.namedReporter)).toEqual([null, null, ben.name]);
    expect((await listPatternReviewQueue(database.db, officer)).map((r) => r.id)).toEqual([
      review!.id,
    ]);
    expect(await listPatternReviewQueue(database.db, outsider)).toEqual([]);
    expect(await loadPatternReviewForOfficer(database.db, outsider, review!.id)).toBeNull();
  });

  it("opens none for three concerns from one reporter, and no second while one is open", async () => {
    const { colleague, amara, ben } = await cast();
    for (const day of [0, 10, 20])
      await fileAbout(database.db, amara, colleague, later(T0, day * DAY_MS));
    expect(await openReviewOf(colleague)).toEqual([]);
    await fileAbout(database.db, ben, colleague, later(T0, 30 * DAY_MS));
    await fileAbout(database.db, ben, colleague, later(T0, 40 * DAY_MS));
    expect(await openReviewOf(colleague)).toHaveLength(1);
  });

  it("never shows a review to an officer who raised one of its concerns", async () => {
    const { colleague, amara, officer } = await cast();
    await fileAbout(database.db, amara, colleague, T0);
    await fileAbout(database.db, amara, colleague, later(T0, DAY_MS));
    // An officer who is also a physician and raised the third concern.
    await database.db.insert(userRoles).values({ userId: officer.userId, role: "physician" });
    const officerAsReporter: Actor = { ...officer, roles: ["physician", "compliance_officer"] };
    await fileAbout(database.db, officerAsReporter, colleague, later(T0, 2 * DAY_MS));
    const [review] = await openReviewOf(colleague);
    expect(review).toBeDefined();
    expect(
      await loadPatternReviewForOfficer(database.db, officerAsReporter, review!.id),
    ).toBeNull();
    expect(await listPatternReviewQueue(database.db, officerAsReporter)).toEqual([]);
  });

  it("goes to officers of other departments only while no officer of the colleague's own is free of it", async () => {
    const { colleague, amara, ben, officer, outsider } = await cast();
    const { id } = await insertEscalatedCase(database.db, T0, {
      reporter: amara,
      subject: colleague,
    });
    await fileAbout(database.db, ben, colleague, later(T0, 10 * DAY_MS));
    await fileAbout(database.db, ben, colleague, later(T0, 11 * DAY_MS));
    const [review] = await openReviewOf(colleague);
    // The file's database holds other tests' reviews too: each check is about this one.
    const listedFor = async (actor: Actor) =>
      (await listPatternReviewQueue(database.db, actor)).map((item) => item.id);
    expect(await listedFor(officer)).toContain(review!.id);
    expect(await listedFor(outsider)).not.toContain(review!.id);

    // The department's only officer steps aside from one of the listed concerns.
    await recuseFromCase(
      database.db,
      officer,
      id,
      { reason: "The colleague concerned is my sister-in-law." },
      later(T0, 12 * DAY_MS),
    );
    expect(await listedFor(officer)).not.toContain(review!.id);
    expect(await listedFor(outsider)).toContain(review!.id);
    expect(await loadPatternReviewForOfficer(database.db, outsider, review!.id)).not.toBeNull();

    // A second officer joins the department: the review is theirs, no longer the outsider's.
    const joining = await insertPerson(database.db, {
      roles: ["compliance_officer"],
      departmentId: officer.departmentId ?? undefined,
    });
    expect(await listedFor(joining)).toContain(review!.id);
    expect(await listedFor(outsider)).not.toContain(review!.id);
  });

  it("goes from open to held to decided; the colleague answers once before the decision and sees the outcome, never the rationale", async () => {
    const { colleague, amara, ben, officer, outsider } = await cast();
    await fileAbout(database.db, amara, colleague, T0);
    await fileAbout(database.db, ben, colleague, later(T0, DAY_MS));
    await fileAbout(database.db, ben, colleague, later(T0, 2 * DAY_MS));
    const [review] = await openReviewOf(colleague);
    const id = review!.id;

    expect((await refusalOf(claimPatternReview(database.db, outsider, id))).code).toBe("not_found");
    expect(
      (
        await refusalOf(
          answerPatternReview(database.db, amara, id, { answer: "Not mine to answer at all." }),
        )
      ).code,
    ).toBe("not_found");
    const decision = {
      outcome: "coaching",
      rationale: "Three posts in a year show a habit worth a conversation.",
      partySummary: "A coaching conversation will be arranged with you.",
    };
    expect((await refusalOf(decidePatternReview(database.db, officer, id, decision))).message).toBe(
      "Claim this review first.",
    );

    await answerPatternReview(database.db, colleague, id, {
      answer: "I have taken all three posts down and reviewed my settings.",
    });
    expect(
      (
        await refusalOf(
          answerPatternReview(database.db, colleague, id, { answer: "A second answer, later on." }),
        )
      ).code,
    ).toBe("conflict");
    await claimPatternReview(database.db, officer, id);
    expect((await refusalOf(claimPatternReview(database.db, officer, id))).code).toBe("conflict");
    expect(
      (
        await refusalOf(
          decidePatternReview(database.db, officer, id, {
            ...decision,
            outcome: "referred_external",
          }),
        )
      ).field,
    ).toBe("externalAuthority");
    await decidePatternReview(database.db, officer, id, decision);

    const seen = await loadPatternReviewForSubject(database.db, colleague, id);
    expect(seen).toMatchObject({
      state: "decided",
      outcome: "coaching",
      outcomeSummary: decision.partySummary,
      colleagueAnswer: "I have taken all three posts down and reviewed my settings.",
    });
    expect(JSON.stringify(seen)).not.toContain(decision.rationale);
    expect(await loadPatternReviewForSubject(database.db, amara, id)).toBeNull();
    const decidedNotice = await database.db
      .select({ to: notifications.recipientId })
      .from(notifications)
      .where(
        and(
          eq(notifications.patternReviewId, id),
          eq(notifications.kind, "pattern_review_decided"),
        ),
      );
    expect(decidedNotice).toEqual([{ to: colleague.userId }]);
    expect(
      (
        await refusalOf(
          answerPatternReview(database.db, colleague, id, {
            answer: "Too late for an answer now.",
          }),
        )
      ).code,
    ).toBe("conflict");

    const actions = await database.db
      .select({ action: auditEvents.action, hash: auditEvents.hash })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, "pattern_review"),
          eq(auditEvents.entityId, id),
          isNotNull(auditEvents.hash),
        ),
      )
      .orderBy(auditEvents.id);
    expect(actions.map((a) => a.action)).toEqual([
      "pattern_review_opened",
      "pattern_review_answered",
      "pattern_review_claimed",
      "pattern_review_decided",
    ]);
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);

    // The same concerns do not open a second review; a new one from a third colleague does.
    const chloe = await insertPerson(database.db, { roles: ["physician"] });
    await fileAbout(database.db, chloe, colleague, later(T0, 3 * DAY_MS));
    expect((await openReviewOf(colleague)).map((r) => r.state).sort()).toEqual(["decided", "open"]);
  });

  it("refuses a decision before the colleague answered or their answer window passed, changing nothing, and allows it once the window has passed", async () => {
    const { colleague, amara, ben, officer } = await cast();
    await fileAbout(database.db, amara, colleague, T0);
    await fileAbout(database.db, ben, colleague, later(T0, DAY_MS));
    await fileAbout(database.db, ben, colleague, later(T0, 2 * DAY_MS));
    const [review] = await openReviewOf(colleague);
    const id = review!.id;
    // Opened by the third filing; the colleague has the seven days of a notice to answer.
    expect(review!.openedAt).toEqual(later(T0, 2 * DAY_MS));
    const answerUntil = later(T0, 9 * DAY_MS);
    await claimPatternReview(database.db, officer, id, later(T0, 2 * DAY_MS));
    const decision = {
      outcome: "no_violation",
      rationale: "Each post was taken down promptly; no habit shows.",
    };
    const tooSoon = await refusalOf(
      decidePatternReview(database.db, officer, id, decision, later(T0, 3 * DAY_MS)),
    );
    expect(tooSoon.code).toBe("conflict");
    expect(tooSoon.message).toBe(
      `${colleague.name} may answer until Friday 10 April 2026, 5:00 am EDT. You can decide once they answer or that time passes.`,
    );
    // In the officer's own zone when they chose one.
    await database.db
      .update(users)
      .set({ timeZone: "Europe/London" })
      .where(eq(users.id, officer.userId));
    expect(
      (
        await refusalOf(
          decidePatternReview(
            database.db,
            officer,
            id,
            decision,
            new Date(answerUntil.getTime() - 1),
          ),
        )
      ).message,
    ).toBe(
      `${colleague.name} may answer until Friday 10 April 2026, 10:00 am BST. You can decide once they answer or that time passes.`,
    );

    const [unchanged] = await openReviewOf(colleague);
    expect(unchanged).toMatchObject({ state: "in_review", outcome: null, decidedAt: null });
    const told = await database.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(
        and(
          eq(notifications.patternReviewId, id),
          eq(notifications.kind, "pattern_review_decided"),
        ),
      );
    expect(told).toEqual([]);
    const decidedEvents = await database.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "pattern_review_decided")));
    expect(decidedEvents).toEqual([]);

    await decidePatternReview(database.db, officer, id, decision, answerUntil);
    const [decided] = await openReviewOf(colleague);
    expect(decided).toMatchObject({ state: "decided", outcome: "no_violation", answeredAt: null });
  });

  it("emails the colleague and the officer a link to the review's own page, naming nobody else", async () => {
    const { colleague, amara, ben, officer } = await cast();
    await fileAbout(database.db, amara, colleague, T0);
    await fileAbout(database.db, ben, colleague, later(T0, DAY_MS), { disclosure: "named" });
    await fileAbout(database.db, ben, colleague, later(T0, 2 * DAY_MS));
    const [review] = await openReviewOf(colleague);
    const reference = patternReviewReference(review!.number);
    for (const [person, path] of [
      [colleague, `/notices/reviews/${review!.id}`],
      [officer, `/compliance/pattern-reviews/${review!.id}`],
    ] as const) {
      const [delivery] = await database.db
        .select({ id: emailDeliveries.id })
        .from(emailDeliveries)
        .where(
          and(
            eq(emailDeliveries.recipientId, person.userId),
            eq(emailDeliveries.kind, "pattern_review_opened"),
          ),
        );
      const sent: OutgoingEmail[] = [];
      const outcome = await deliverEmail(
        database.db,
        delivery!.id,
        { send: async (email) => void sent.push(email) },
        MAIL,
      );
      expect(outcome).toBe("sent");
      expect(sent[0]!.subject).toContain(reference);
      expect(sent[0]!.text).toContain(`${MAIL.appUrl}${path}`);
      for (const other of [amara, ben, person === officer ? colleague : officer]) {
        expect(`${sent[0]!.subject}${sent[0]!.text}${sent[0]!.html}`).not.toContain(other.name);
      }
    }
  });

  it("follows the thresholds in Settings, which refuse asking for more colleagues than concerns", async () => {
    const { colleague, amara, ben } = await cast();
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const settings = {
      remediationWindowHours: 168,
      confirmationWindowHours: 168,
      reminderLeadHours: 48,
      dailyFilingLimit: 100,
      dailyMessageLimit: 10,
      triageBusinessDays: 2,
      decisionWindowDays: 30,
      timeZone: "America/New_York",
    };
    const refusal = await refusalOf(
      updateWorkflowSettings(database.db, admin, {
        ...settings,
        patternConcernCount: 3,
        patternReporterCount: 4,
      }),
    );
    expect(refusal.field).toBe("patternReporterCount");
    await updateWorkflowSettings(database.db, admin, { ...settings, patternConcernCount: 4 });
    try {
      for (const [reporter, day] of [
        [amara, 0],
        [ben, 1],
        [ben, 2],
      ] as const) {
        await fileAbout(database.db, reporter, colleague, later(T0, day * DAY_MS));
      }
      expect(await openReviewOf(colleague)).toEqual([]);
      await fileAbout(database.db, amara, colleague, later(T0, 3 * DAY_MS));
      expect(await openReviewOf(colleague)).toHaveLength(1);
    } finally {
      await updateWorkflowSettings(database.db, admin, settings);
    }
  });

  it("opens exactly one review when the filings that complete the pattern arrive at once", async () => {
    const { colleague, amara, ben } = await cast();
    const others = await Promise.all(
      [1, 2, 3, 4].map(() => insertPerson(database.db, { roles: ["physician"] })),
    );
    await fileAbout(database.db, amara, colleague, T0);
    await fileAbout(database.db, ben, colleague, later(T0, DAY_MS));
    await Promise.all(
      others.map((reporter, i) =>
        fileAbout(database.db, reporter, colleague, later(T0, (2 + i) * DAY_MS)),
      ),
    );
    expect(await openReviewOf(colleague)).toHaveLength(1);
  });

  // Last: it leaves a review without history in this file's database.
  it("is reported by audit:verify when a review appears without its opening event", async () => {
    const { colleague } = await cast();
    const [planted] = await database.db
      .insert(patternReviews)
      .values({ subjectId: colleague.userId })
      .returning({ id: patternReviews.id });
    expect((await verifyAuditTrail(database.db)).problems).toEqual([
      {
        chain: `pattern_review:${planted!.id}`,
        id: null,
        problem: "it has no history: the review was added outside the app",
      },
    ]);
  });
});
