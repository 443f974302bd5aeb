import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { withAdminClient } from "@/db/admin";
import type { Database } from "@/db/client";
import { auditEvents, concerns, notifications, organisationSettings, users } from "@/db/schema";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import type { FileConcernInput } from "@/lib/services/concerns/concern-schemas";
import { fileConcern } from "@/lib/services/concerns/file-concern";
import { insertPerson } from "./factories";

export const DAY_MS = 24 * 3600 * 1000;
export const SEVEN_DAYS_MS = 7 * DAY_MS;

export function later(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** A valid filing about `subjectId`'s post; each call names a different post. */
export function concernInput(
  subjectId: string,
  overrides: Partial<FileConcernInput> = {},
): FileConcernInput {
  return {
    subjectId,
    postUrl: `https://x.com/someone/status/${randomBytes(6).toString("hex")}`,
    platform: "x",
    seenOn: "2026-03-09",
    description: "A post describing a patient encounter in identifiable detail.",
    categories: ["privacy"],
    severity: "significantly_violates_norms",
    disclosure: "confidential",
    ...overrides,
  };
}

/** A reporter and a subject, both physicians, plus a physician who has nothing to do with it. */
export async function insertParties(db: Database, options: { reporterName?: string } = {}) {
  const [reporter, subject, stranger] = await Promise.all([
    insertPerson(db, { roles: ["physician"], name: options.reporterName }),
    insertPerson(db, { roles: ["physician"] }),
    insertPerson(db, { roles: ["physician"] }),
  ]);
  return { reporter: reporter!, subject: subject!, stranger: stranger! };
}

export async function insertOfficer(db: Database, options: { deactivated?: boolean } = {}) {
  const officer = await insertPerson(db, { roles: ["compliance_officer"] });
  if (options.deactivated) {
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, officer.userId));
  }
  return officer;
}

/** Files through the real service and returns the concern's id. */
export async function fileAbout(
  db: Database,
  reporter: Actor,
  subject: Actor,
  now: Date,
  overrides: Partial<FileConcernInput> = {},
): Promise<string> {
  const { concernId } = await fileConcern(
    db,
    reporter,
    concernInput(subject.userId, overrides),
    now,
  );
  return concernId;
}

/** Writes the organisation's single settings row (test setup, not a use case). */
export async function setOrganisationSettings(
  db: Database,
  values: Partial<Omit<typeof organisationSettings.$inferInsert, "singleton">>,
): Promise<void> {
  await db
    .insert(organisationSettings)
    .values({ singleton: true, ...values })
    .onConflictDoUpdate({ target: organisationSettings.singleton, set: values });
}

/** Back to the defaults, as the database's owner: the application never deletes its settings. */
export async function clearOrganisationSettings(ownerUrl: string): Promise<void> {
  await withAdminClient(ownerUrl, (client) => client.query("delete from organisation_settings"));
}

export async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

/** The fields a ZodError complains about. */
export async function invalidFieldsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "ZodError" });
  return (error as { issues: { path: PropertyKey[] }[] }).issues.map((issue) =>
    String(issue.path[0]),
  );
}

export async function concernRow(db: Database, concernId: string) {
  const [row] = await db.select().from(concerns).where(eq(concerns.id, concernId));
  return row!;
}

/** The case's own audit chain, in order. */
export async function auditFor(db: Database, concernId: string) {
  return chainOf(db, "concern", concernId);
}

/** The case's access chain (its openings), in order. */
export async function accessChainFor(db: Database, concernId: string) {
  return chainOf(db, "case_access", concernId);
}

async function chainOf(db: Database, entityType: string, entityId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(auditEvents.id);
}

export async function notificationsFor(db: Database, concernId: string) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.concernId, concernId))
    .orderBy(notifications.id);
}

/** The durable deadline job for a concern, if any (graphile_worker's public view). */
export async function dueJobFor(db: Database, concernId: string) {
  const result = await db.execute<{ key: string; run_at: Date; task_identifier: string }>(
    sql`select key, run_at, task_identifier from graphile_worker.jobs where key = ${`concern-due:${concernId}`}`,
  );
  return result.rows;
}

/** Everything a refused request must leave untouched. */
export async function traceOf(db: Database, concernId: string) {
  return {
    concern: await concernRow(db, concernId),
    audit: await auditFor(db, concernId),
    notifications: await notificationsFor(db, concernId),
    jobs: await dueJobFor(db, concernId),
  };
}

/**
 * A significant concern filed at `at` that reached the compliance queue a day later (the
 * colleague did not respond in time). Optionally about a colleague in `departmentId`.
 */
export async function insertEscalatedCase(
  db: Database,
  at: Date,
  options: { subject?: Actor; reporter?: Actor; overrides?: Partial<FileConcernInput> } = {},
) {
  const reporter = options.reporter ?? (await insertPerson(db, { roles: ["physician"] }));
  const subject = options.subject ?? (await insertPerson(db, { roles: ["physician"] }));
  const id = await fileAbout(db, reporter, subject, at, {
    severity: "significantly_violates_norms",
    seenOn: at.toISOString().slice(0, 10),
    ...options.overrides,
  });
  const { advanceDueConcern } = await import("@/lib/services/concerns/advance-due-concerns");
  const escalatedAt = later(at, SEVEN_DAYS_MS);
  expect(await advanceDueConcern(db, id, escalatedAt)).toBe(true);
  return { id, reporter, subject, escalatedAt };
}
