import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { caseAppeals, concerns, users } from "@/db/schema";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { mayTakeAppeal } from "@/lib/domain/appeal";
import { concernReference } from "@/lib/domain/concern-fields";

const decider = alias(users, "decider");
const taker = alias(users, "taker");
const subject = alias(users, "subject");

/**
 * What a party reads of the case's latest appeal: where it stands and, once decided, the
 * outcome and the summary written for them. Never the officers' names or reasons, and the
 * colleague's explanation only on the colleague's own page.
 */
export async function findAppealForParty(db: Db, concernId: string) {
  const [appeal] = await db
    .select({
      status: caseAppeals.status,
      filedAt: caseAppeals.filedAt,
      decisionClosedAt: caseAppeals.decisionClosedAt,
      appealedOutcome: caseAppeals.appealedOutcome,
      resultingOutcome: caseAppeals.resultingOutcome,
      partySummary: caseAppeals.partySummary,
      decidedAt: caseAppeals.decidedAt,
    })
    .from(caseAppeals)
    .where(eq(caseAppeals.concernId, concernId))
    .orderBy(desc(caseAppeals.filedAt))
    .limit(1);
  return appeal ?? null;
}

export type PartyAppeal = NonNullable<Awaited<ReturnType<typeof findAppealForParty>>>;

/** The case's latest appeal for the officers' case file, with who decided, took and may take it. */
export async function findAppealForOfficer(
  db: Db,
  actor: Actor,
  concern: { id: string; reporterId: string; subjectId: string },
) {
  const [appeal] = await db
    .select({
      id: caseAppeals.id,
      status: caseAppeals.status,
      explanation: caseAppeals.explanation,
      filedAt: caseAppeals.filedAt,
      decisionClosedAt: caseAppeals.decisionClosedAt,
      appealedOutcome: caseAppeals.appealedOutcome,
      decidedById: caseAppeals.decidedById,
      deciderName: decider.name,
      takenById: caseAppeals.takenById,
      takerName: taker.name,
      takenAt: caseAppeals.takenAt,
      resultingOutcome: caseAppeals.resultingOutcome,
      rationale: caseAppeals.rationale,
      partySummary: caseAppeals.partySummary,
      decidedAt: caseAppeals.decidedAt,
    })
    .from(caseAppeals)
    .leftJoin(decider, eq(decider.id, caseAppeals.decidedById))
    .leftJoin(taker, eq(taker.id, caseAppeals.takenById))
    .where(eq(caseAppeals.concernId, concern.id))
    .orderBy(desc(caseAppeals.filedAt))
    .limit(1);
  if (!appeal) return null;
  const mayTake = mayTakeAppeal(actor.userId, {
    deciderId: appeal.decidedById,
    reporterId: concern.reporterId,
    subjectId: concern.subjectId,
  });
  return { ...appeal, mayTake };
}

export type OfficerAppeal = NonNullable<Awaited<ReturnType<typeof findAppealForOfficer>>>;

/**
 * Appeals waiting for an officer or being considered, oldest first, on cases this officer
 * may see; each says whether this officer may take it, and why not.
 */
export async function listOpenAppeals(db: Db, actor: Actor) {
  const rows = await db
    .select({
      concernId: caseAppeals.concernId,
      number: concerns.number,
      subjectName: subject.name,
      reporterId: concerns.reporterId,
      subjectId: concerns.subjectId,
      status: caseAppeals.status,
      filedAt: caseAppeals.filedAt,
      decidedById: caseAppeals.decidedById,
      deciderName: decider.name,
      takerName: taker.name,
    })
    .from(caseAppeals)
    .innerJoin(concerns, eq(concerns.id, caseAppeals.concernId))
    .innerJoin(subject, eq(subject.id, concerns.subjectId))
    .leftJoin(decider, eq(decider.id, caseAppeals.decidedById))
    .leftJoin(taker, eq(taker.id, caseAppeals.takenById))
    .where(and(inArray(caseAppeals.status, ["filed", "taken"]), concernScope(actor, "officer")))
    .orderBy(asc(caseAppeals.filedAt))
    .limit(200);
  return rows.map(({ reporterId, subjectId, decidedById, ...row }) => ({
    ...row,
    reference: concernReference(row.number),
    mayTake: mayTakeAppeal(actor.userId, { deciderId: decidedById, reporterId, subjectId }),
  }));
}

export type OpenAppeal = Awaited<ReturnType<typeof listOpenAppeals>>[number];
