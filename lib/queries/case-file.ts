import { and, asc, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditEvents, caseNotes, concerns, informationRequests, users } from "@/db/schema";
import { concernReference } from "@/lib/domain/concern-fields";
import type { InformationRecipient } from "@/lib/services/concerns/compliance-schemas";

const author = alias(users, "author");
const retractor = alias(users, "retractor");

/** Officers' internal notes on a case, oldest first, retracted ones included and marked. */
export async function listCaseNotes(db: Db, concernId: string) {
  return db
    .select({
      id: caseNotes.id,
      body: caseNotes.body,
      createdAt: caseNotes.createdAt,
      authorId: caseNotes.authorId,
      authorName: author.name,
      retractedAt: caseNotes.retractedAt,
      retractedByName: retractor.name,
      retractionReason: caseNotes.retractionReason,
    })
    .from(caseNotes)
    .innerJoin(author, eq(author.id, caseNotes.authorId))
    .leftJoin(retractor, eq(retractor.id, caseNotes.retractedById))
    .where(eq(caseNotes.concernId, concernId))
    .orderBy(asc(caseNotes.id));
}

export type CaseNote = Awaited<ReturnType<typeof listCaseNotes>>[number];

/**
 * Questions on a case. Officers see all of them; a party only those put to them (pass the
 * party's relation), so neither party learns what the other was asked.
 */
export async function listInformationRequests(
  db: Db,
  concernId: string,
  onlyFor?: InformationRecipient,
) {
  return db
    .select({
      id: informationRequests.id,
      recipient: informationRequests.recipient,
      question: informationRequests.question,
      askedAt: informationRequests.askedAt,
      answer: informationRequests.answer,
      answeredAt: informationRequests.answeredAt,
    })
    .from(informationRequests)
    .where(
      and(
        eq(informationRequests.concernId, concernId),
        onlyFor ? eq(informationRequests.recipient, onlyFor) : undefined,
      ),
    )
    .orderBy(asc(informationRequests.askedAt));
}

/**
 * Who has opened or exported the case file, and when last: the access log, one line per
 * officer, read from the case's audit events and its access chain.
 */
export async function listCaseAccess(db: Db, concernId: string) {
  return db
    .select({
      officerId: auditEvents.actorId,
      name: users.name,
      openings: sql<number>`count(*) filter (where ${auditEvents.action} = 'case_viewed')::int`,
      exports: sql<number>`count(*) filter (where ${auditEvents.action} = 'case_exported')::int`,
      lastAt: sql<Date>`max(${auditEvents.occurredAt})`.mapWith((value: string) => new Date(value)),
    })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        // Openings are on the case's access chain (and, before it existed, on the case's own).
        inArray(auditEvents.entityType, ["concern", "case_access"]),
        eq(auditEvents.entityId, concernId),
        inArray(auditEvents.action, ["case_viewed", "case_exported"]),
      ),
    )
    .groupBy(auditEvents.actorId, users.name)
    .orderBy(desc(sql`max(${auditEvents.occurredAt})`));
}

export type CaseAccess = Awaited<ReturnType<typeof listCaseAccess>>[number];

export type InformationRequestItem = Awaited<ReturnType<typeof listInformationRequests>>[number];

/**
 * Other concerns about the same colleague filed in the twelve months before `now`, with
 * how each ended: the pattern an officer weighs. Only their outcome and dates, not their
 * content; a case that never reached compliance is not the officer's to read.
 */
export async function listSubjectHistory(
  db: Db,
  concern: { id: string; subjectId: string },
  now: Date,
) {
  const rows = await db
    .select({
      id: concerns.id,
      number: concerns.number,
      createdAt: concerns.createdAt,
      state: concerns.state,
      severity: concerns.severity,
      categories: concerns.categories,
      outcome: concerns.outcome,
      escalatedAt: concerns.escalatedAt,
    })
    .from(concerns)
    .where(
      and(
        eq(concerns.subjectId, concern.subjectId),
        ne(concerns.id, concern.id),
        gte(concerns.createdAt, sql`${now}::timestamptz - interval '12 months'`),
      ),
    )
    .orderBy(desc(concerns.createdAt))
    .limit(100);
  return rows.map((row) => ({ ...row, reference: concernReference(row.number) }));
}
