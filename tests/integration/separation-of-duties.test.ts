import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { auditEvents, caseRecusals, securityEvents, userRoles } from "@/db/schema";
import { listReportedMessages } from "@/lib/queries/case-thread";
import { listQueue } from "@/lib/queries/compliance-queue";
import { findConcernFor } from "@/lib/queries/concerns";
import { listEvidence } from "@/lib/queries/evidence";
import { countUnreadNotifications, listNotifications } from "@/lib/queries/notifications";
import { activeOfficers } from "@/lib/queries/officers";
import { DEFAULT_QUEUE_FILTERS } from "@/lib/queries/queue-filters";
import { listPendingRoleGrants } from "@/lib/queries/role-grants";
import { assignCase } from "@/lib/services/concerns/assign-case";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import { downloadEvidence } from "@/lib/services/concerns/download-evidence";
import { exportCaseFile } from "@/lib/services/concerns/export-case-file";
import { postMessage } from "@/lib/services/concerns/post-message";
import { recuseFromCase } from "@/lib/services/concerns/recuse-from-case";
import { reopenCase } from "@/lib/services/concerns/reopen-case";
import { reportMessage } from "@/lib/services/concerns/report-message";
import { decideRoleGrant } from "@/lib/services/roles/decide-role-grant";
import { createUser } from "@/lib/services/users/create-user";
import { updateUser } from "@/lib/services/users/update-user";
import {
  auditFor,
  concernRow,
  insertEscalatedCase,
  insertOfficer,
  later,
  notificationsFor,
  refusalOf,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const FILED = new Date("2026-03-02T09:00:00.000Z");
const REASON = "I trained alongside the colleague concerned for six years.";

async function screenshot(): Promise<File> {
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(bytes)], "post.png", { type: "image/png" });
}

async function rolesOf(userId: string) {
  const rows = await database.db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  return rows.map((row) => row.role).sort();
}

describe("an officer recusing from a case", () => {
  it("releases the case they held, records why on its chain and tells the other officers", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const [stepping, other] = [await insertOfficer(database.db), await insertOfficer(database.db)];
    await claimCase(database.db, stepping, id, later(escalatedAt, 1000));
    await recuseFromCase(database.db, stepping, id, { reason: REASON }, later(escalatedAt, 2000));

    expect(await concernRow(database.db, id)).toMatchObject({
      state: "escalated",
      assigneeId: null,
    });
    const trail = await auditFor(database.db, id);
    expect(trail.map((event) => event.action).slice(-2)).toEqual([
      "case_released",
      "officer_recused",
    ]);
    expect(trail.at(-1)).toMatchObject({
      actorId: stepping.userId,
      details: { reason: REASON, released: true },
    });
    const told = (await notificationsFor(database.db, id)).filter(
      (n) => n.kind === "officer_recused",
    );
    expect(told.map((n) => n.recipientId)).toContain(other.userId);
    expect(told.map((n) => n.recipientId)).not.toContain(stepping.userId);
  });

  it("puts the case out of their sight for good: file, export, evidence, queue, claim, assignment, notifications", async () => {
    const [stepping, other] = [await insertOfficer(database.db), await insertOfficer(database.db)];
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED, {
      overrides: { evidence: [await screenshot()], evidenceConfirmed: "on" },
    });
    const [evidence] = await listEvidence(database.db, id);
    // Told of the escalation, as every officer was.
    expect(
      (await listNotifications(database.db, stepping)).groups.map((g) => g.concernId),
    ).toContain(id);
    expect(await countUnreadNotifications(database.db, stepping)).toBeGreaterThan(0);
    await recuseFromCase(database.db, stepping, id, { reason: REASON }, later(escalatedAt, 1000));

    expect(
      (await listNotifications(database.db, stepping)).groups.map((g) => g.concernId),
    ).not.toContain(id);
    expect(await countUnreadNotifications(database.db, stepping)).toBe(0);

    expect(await findConcernFor(database.db, stepping, "officer", id)).toBeFalsy();
    expect(
      (await refusalOf(exportCaseFile(database.db, stepping, id, { format: "csv" }))).code,
    ).toBe("not_found");
    expect((await refusalOf(downloadEvidence(database.db, stepping, evidence!.id))).code).toBe(
      "not_found",
    );
    const queue = await listQueue(database.db, stepping, DEFAULT_QUEUE_FILTERS, escalatedAt);
    expect(queue.cases.map((c) => c.id)).not.toContain(id);
    const theirs = await listQueue(database.db, other, DEFAULT_QUEUE_FILTERS, escalatedAt);
    expect(theirs.cases.map((c) => c.id)).toContain(id);
    expect((await refusalOf(claimCase(database.db, stepping, id))).code).toBe("not_found");
    expect(
      (await refusalOf(recuseFromCase(database.db, stepping, id, { reason: REASON }))).code,
    ).toBe("not_found");

    const picker = await activeOfficers(database.db, { forCase: id });
    expect(picker.map((o) => o.id)).toContain(other.userId);
    expect(picker.map((o) => o.id)).not.toContain(stepping.userId);
    const refusal = await refusalOf(
      assignCase(database.db, other, id, { assigneeId: stepping.userId }),
    );
    expect(refusal).toMatchObject({ code: "invalid_input", field: "assigneeId" });
    // The other officer still decides it.
    await claimCase(database.db, other, id);
    expect(await concernRow(database.db, id)).toMatchObject({ assigneeId: other.userId });
    await closeCase(database.db, other, id, {
      outcome: "coaching",
      rationale: "A conversation about the post is enough here.",
    });
    // Nor can they come back to it as the one who reopens it.
    expect(
      (
        await refusalOf(
          reopenCase(database.db, stepping, id, { reason: "I want to look at it again myself." }),
        )
      ).code,
    ).toBe("not_found");
    expect((await concernRow(database.db, id)).state).toBe("closed");
  });

  it("leaves a message reported on the case out of their list, not the other officers'", async () => {
    const { id, reporter, subject } = await insertEscalatedCase(database.db, FILED);
    const [stepping, other] = [await insertOfficer(database.db), await insertOfficer(database.db)];
    const { messageId } = await postMessage(database.db, subject, {
      concernId: id,
      body: "You should mind your own business.",
    });
    await reportMessage(database.db, reporter, { messageId, reason: "Hostile tone." });
    await recuseFromCase(database.db, stepping, id, { reason: REASON });
    const theirs = await listReportedMessages(database.db, stepping.userId);
    expect(theirs.map((report) => report.concernId)).not.toContain(id);
    const others = await listReportedMessages(database.db, other.userId);
    expect(others.map((report) => report.concernId)).toContain(id);
  });

  it("leaves another officer's hold alone and needs a reason", async () => {
    const { id } = await insertEscalatedCase(database.db, FILED);
    const [holder, stepping] = [await insertOfficer(database.db), await insertOfficer(database.db)];
    await claimCase(database.db, holder, id);
    await expect(recuseFromCase(database.db, stepping, id, { reason: "no" })).rejects.toThrow();
    expect(
      await database.db.select().from(caseRecusals).where(eq(caseRecusals.concernId, id)),
    ).toEqual([]);
    await recuseFromCase(database.db, stepping, id, { reason: REASON });
    expect(await concernRow(database.db, id)).toMatchObject({
      state: "in_review",
      assigneeId: holder.userId,
    });
  });

  it("is refused to a party and to someone who is not an officer", async () => {
    const { id, reporter } = await insertEscalatedCase(database.db, FILED);
    expect(
      (await refusalOf(recuseFromCase(database.db, reporter, id, { reason: REASON }))).code,
    ).toBe("forbidden");
  });
});

describe("roles", () => {
  it("nobody gives themselves a role: the change is refused and nothing is stored", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const refusal = await refusalOf(
      updateUser(database.db, admin, {
        userId: admin.userId,
        name: admin.name,
        email: admin.email,
        departmentId: null,
        roles: ["admin", "compliance_officer"],
      }),
    );
    expect(refusal).toMatchObject({ code: "cannot_change_own_account", field: "roles" });
    expect(await rolesOf(admin.userId)).toEqual(["admin"]);
    expect(await listPendingRoleGrants(database.db, { userId: admin.userId })).toEqual([]);
  });

  it("the officer role waits for a second administrator, who alone may approve it", async () => {
    const asker = await insertPerson(database.db, { roles: ["admin"] });
    const second = await insertPerson(database.db, { roles: ["admin"] });
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const { requested } = await updateUser(database.db, asker, {
      userId: person.userId,
      name: person.name,
      email: person.email,
      departmentId: null,
      roles: ["physician", "compliance_officer"],
    });
    expect(requested).toEqual(["compliance_officer"]);
    expect(await rolesOf(person.userId)).toEqual(["physician"]);
    const [request] = await listPendingRoleGrants(database.db, { userId: person.userId });
    expect(request).toMatchObject({ role: "compliance_officer", requestedById: asker.userId });

    const own = await refusalOf(
      decideRoleGrant(database.db, asker, { requestId: request!.id, decision: "approved" }),
    );
    expect(own.code).toBe("forbidden");
    await decideRoleGrant(database.db, second, { requestId: request!.id, decision: "approved" });
    expect(await rolesOf(person.userId)).toEqual(["compliance_officer", "physician"]);
    const again = await refusalOf(
      decideRoleGrant(database.db, second, { requestId: request!.id, decision: "declined" }),
    );
    expect(again.code).toBe("conflict");

    const actions = await database.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "user"), eq(auditEvents.entityId, person.userId)));
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "role_grant_requested", actorId: asker.userId },
        { action: "role_grant_approved", actorId: second.userId },
      ]),
    );
    const security = await database.db
      .select({ kind: securityEvents.kind, actorId: securityEvents.actorId })
      .from(securityEvents)
      .where(eq(securityEvents.userId, person.userId));
    expect(security).toEqual(
      expect.arrayContaining([
        { kind: "role_grant_requested", actorId: asker.userId },
        { kind: "role_grant_approved", actorId: second.userId },
      ]),
    );
  });

  it("a new account asked to be an officer is one only once an existing officer approves; the person never decides their own", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const officer = await insertOfficer(database.db);
    const { userId, requested } = await createUser(database.db, admin, {
      name: "Nadia Officer",
      email: "nadia.officer@hospital.example",
      departmentId: null,
      roles: ["compliance_officer"],
    });
    expect(requested).toEqual(["compliance_officer"]);
    expect(await rolesOf(userId)).toEqual([]);
    const [request] = await listPendingRoleGrants(database.db, { userId });
    const themselves = { ...officer, userId, roles: ["admin" as const] };
    expect(
      (
        await refusalOf(
          decideRoleGrant(database.db, themselves, {
            requestId: request!.id,
            decision: "approved",
          }),
        )
      ).code,
    ).toBe("forbidden");
    await decideRoleGrant(database.db, officer, { requestId: request!.id, decision: "approved" });
    expect(await rolesOf(userId)).toEqual(["compliance_officer"]);
  });

  it("a declined request adds nothing, and a physician cannot decide one", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const second = await insertPerson(database.db, { roles: ["admin"] });
    const physician = await insertPerson(database.db, { roles: ["physician"] });
    const person = await insertPerson(database.db, { roles: ["physician"] });
    await updateUser(database.db, admin, {
      userId: person.userId,
      name: person.name,
      email: person.email,
      departmentId: null,
      roles: ["physician", "compliance_officer"],
    });
    const [request] = await listPendingRoleGrants(database.db, { userId: person.userId });
    expect(
      (
        await refusalOf(
          decideRoleGrant(database.db, physician, { requestId: request!.id, decision: "approved" }),
        )
      ).code,
    ).toBe("forbidden");
    await decideRoleGrant(database.db, second, { requestId: request!.id, decision: "declined" });
    expect(await rolesOf(person.userId)).toEqual(["physician"]);
    expect(await listPendingRoleGrants(database.db, { userId: person.userId })).toEqual([]);
  });
});
