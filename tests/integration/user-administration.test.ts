import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, authSessions, userRoles, users } from "@/db/schema";
import { createAuthSession, loadSessionActor } from "@/lib/auth/session-store";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { Refusal } from "@/lib/errors/refusal";
import { listDepartmentsWithCounts } from "@/lib/queries/users";
import { renameDepartment } from "@/lib/services/departments/rename-department";
import { createUser } from "@/lib/services/users/create-user";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { updateUser } from "@/lib/services/users/update-user";
import { insertDepartment, insertPerson, TEST_PASSWORD } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const LIMITS = { idleMinutes: 30, maxHours: 12 };

async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

async function auditFor(entityId: string) {
  return database.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
}

describe("creating an account", () => {
  it("stores the person with their roles and department but no password, invites them, and audits who did it; the officer role waits for approval", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const department = await insertDepartment(database.db);
    const { userId } = await createUser(database.db, admin, {
      name: "Dr Priya Raman",
      email: "  Priya.Raman@Hospital.Example ",
      roles: ["physician", "compliance_officer"],
      departmentId: department.id,
    });

    const [stored] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(stored).toMatchObject({
      name: "Dr Priya Raman",
      email: "priya.raman@hospital.example",
      departmentId: department.id,
    });
    const roles = await database.db.select().from(userRoles).where(eq(userRoles.userId, userId));
    expect(roles.map((r) => r.role)).toEqual(["physician"]);
    const audit = await auditFor(userId);
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([
      ["user_created", admin.userId],
      ["role_grant_requested", admin.userId],
      ["invitation_sent", admin.userId],
    ]);
    expect(stored!.passwordHash).toBeNull();
  });

  it("refuses a second account with the same email in any letter case, and stores nothing", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const input = {
      name: "Dr One",
      email: "same.person@hospital.example",
      roles: ["physician"] as const,
      departmentId: "",
    };
    await createUser(database.db, admin, { ...input, roles: [...input.roles] });
    const before = await database.db.select().from(users);

    const refusal = await refusalOf(
      createUser(database.db, admin, {
        ...input,
        roles: [...input.roles],
        email: "SAME.person@hospital.example",
      }),
    );
    expect(refusal.code).toBe("email_taken");
    expect(refusal.field).toBe("email");
    expect(await database.db.select().from(users)).toHaveLength(before.length);
  });

  it("refuses invalid input field by field and stores nothing", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const before = await database.db.select().from(users);
    const error = await createUser(database.db, admin, {
      name: "X",
      email: "not-an-email",
      roles: [],
      departmentId: "",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ZodError" });
    const fields = (error as { issues: { path: string[] }[] }).issues.map((issue) => issue.path[0]);
    expect(new Set(fields)).toEqual(new Set(["name", "email", "roles"]));
    expect(await database.db.select().from(users)).toHaveLength(before.length);
  });

  it("refuses a department that does not exist", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const refusal = await refusalOf(
      createUser(database.db, admin, {
        name: "Dr Nobody",
        email: "nobody@hospital.example",
        roles: ["physician"],
        departmentId: "00000000-0000-4000-8000-000000000000",
      }),
    );
    expect(refusal.field).toBe("departmentId");
  });

  it("refuses anyone who is not an administrator", async () => {
    for (const roles of [["physician"], ["compliance_officer"]] as const) {
      const person = await insertPerson(database.db, { roles: [...roles] });
      const refusal = await refusalOf(
        createUser(database.db, person, {
          name: "Dr Sneaky",
          email: `sneaky-${roles[0]}@hospital.example`,
          roles: ["admin"],
          departmentId: "",
        }),
      );
      expect(refusal.code).toBe("forbidden");
    }
  });
});

describe("checking a password", () => {
  it("accepts the right password whatever the email's case and refuses a wrong one or an unknown email alike", async () => {
    await insertPerson(database.db, { roles: ["physician"], email: "sign.in@hospital.example" });

    const ok = await verifyCredentials(database.db, "Sign.In@hospital.example", TEST_PASSWORD);
    expect(ok).toMatchObject({ ok: true, user: { email: "sign.in@hospital.example" } });
    expect(
      await verifyCredentials(database.db, "sign.in@hospital.example", "the wrong password"),
    ).toEqual({
      ok: false,
      reason: "wrong_credentials",
    });
    expect(await verifyCredentials(database.db, "nobody@hospital.example", TEST_PASSWORD)).toEqual({
      ok: false,
      reason: "wrong_credentials",
    });
  });

  it("never matches an account without a password (SSO only, or invited and not yet set)", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    await createUser(database.db, admin, {
      name: "Dr SSO",
      email: "sso.only@hospital.example",
      roles: ["physician"],
      departmentId: "",
    });
    expect((await verifyCredentials(database.db, "sso.only@hospital.example", "")).ok).toBe(false);
  });
});

describe("deactivating and editing an account", () => {
  it("ends the person's existing sessions at once and refuses their password", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const doctor = await insertPerson(database.db, { roles: ["physician"] });
    const now = new Date();
    const sessionId = await createAuthSession(database.db, doctor.userId, now, LIMITS);
    expect(await loadSessionActor(database.db, sessionId, now, LIMITS)).toMatchObject({
      userId: doctor.userId,
    });

    await setUserActive(database.db, admin, { userId: doctor.userId, active: false });

    expect(await loadSessionActor(database.db, sessionId, now, LIMITS)).toBeNull();
    expect(await verifyCredentials(database.db, doctor.email, "correct horse battery")).toEqual({
      ok: false,
      reason: "deactivated",
    });
    const [session] = await database.db
      .select()
      .from(authSessions)
      .where(eq(authSessions.id, sessionId));
    expect(session?.revokedReason).toBe("deactivated");
    expect((await auditFor(doctor.userId)).map((e) => e.action)).toEqual(["user_deactivated"]);
  });

  it("reactivates an account so its owner can sign in again", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const doctor = await insertPerson(database.db, { roles: ["physician"] });
    await setUserActive(database.db, admin, { userId: doctor.userId, active: false });
    await setUserActive(database.db, admin, { userId: doctor.userId, active: true });
    expect((await verifyCredentials(database.db, doctor.email, "correct horse battery")).ok).toBe(
      true,
    );
    expect((await auditFor(doctor.userId)).map((e) => e.action)).toEqual([
      "user_deactivated",
      "user_reactivated",
    ]);
  });

  it("turns two simultaneous deactivations into one change and one conflict", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const otherAdmin = await insertPerson(database.db, { roles: ["admin"] });
    const doctor = await insertPerson(database.db, { roles: ["physician"] });
    const results = await Promise.allSettled([
      setUserActive(database.db, admin, { userId: doctor.userId, active: false }),
      setUserActive(database.db, otherAdmin, { userId: doctor.userId, active: false }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
    expect(await auditFor(doctor.userId)).toHaveLength(1);
  });

  it("refuses to let an administrator deactivate themselves or drop their own admin role", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    expect(
      (await refusalOf(setUserActive(database.db, admin, { userId: admin.userId, active: false })))
        .code,
    ).toBe("cannot_change_own_account");
    const refusal = await refusalOf(
      updateUser(database.db, admin, {
        userId: admin.userId,
        name: admin.name,
        email: admin.email,
        roles: ["physician"],
        departmentId: "",
      }),
    );
    expect(refusal.field).toBe("roles");
  });

  it("refuses the same when the administrator's own id is written in upper case", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const ownId = admin.userId.toUpperCase();
    expect(
      (await refusalOf(setUserActive(database.db, admin, { userId: ownId, active: false }))).code,
    ).toBe("cannot_change_own_account");
    const refusal = await refusalOf(
      updateUser(database.db, admin, {
        userId: ownId,
        name: admin.name,
        email: admin.email,
        roles: ["physician"],
        departmentId: "",
      }),
    );
    expect(refusal.field).toBe("roles");
    const [stored] = await database.db.select().from(users).where(eq(users.id, admin.userId));
    expect(stored!.deactivatedAt).toBeNull();
    const roles = await database.db
      .select()
      .from(userRoles)
      .where(eq(userRoles.userId, admin.userId));
    expect(roles.map((r) => r.role)).toContain("admin");
  });

  it("applies a removed role on the person's very next request", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const person = await insertPerson(database.db, { roles: ["physician", "compliance_officer"] });
    const now = new Date();
    const sessionId = await createAuthSession(database.db, person.userId, now, LIMITS);

    await updateUser(database.db, admin, {
      userId: person.userId,
      name: person.name,
      email: person.email,
      roles: ["physician"],
      departmentId: "",
    });

    expect((await loadSessionActor(database.db, sessionId, now, LIMITS))?.roles).toEqual([
      "physician",
    ]);
    const [audit] = await auditFor(person.userId);
    expect(audit).toMatchObject({
      action: "user_updated",
      details: { rolesBefore: ["physician", "compliance_officer"], rolesAfter: ["physician"] },
    });
  });
});

describe("sessions", () => {
  it("expire after the idle timeout and after the absolute lifetime", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const start = new Date("2026-01-01T08:00:00Z");
    const sessionId = await createAuthSession(database.db, person.userId, start, LIMITS);
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

    expect(await loadSessionActor(database.db, sessionId, minutes(29), LIMITS)).not.toBeNull();
    // Activity at 29 minutes keeps it alive past the first 30.
    expect(await loadSessionActor(database.db, sessionId, minutes(50), LIMITS)).not.toBeNull();
    expect(await loadSessionActor(database.db, sessionId, minutes(81), LIMITS)).toBeNull();

    const active = await createAuthSession(database.db, person.userId, start, LIMITS);
    for (let m = 20; m < 12 * 60; m += 20) {
      expect(await loadSessionActor(database.db, active, minutes(m), LIMITS)).not.toBeNull();
    }
    expect(await loadSessionActor(database.db, active, minutes(12 * 60 + 1), LIMITS)).toBeNull();
  });

  it("treats a malformed or unknown session id as signed out", async () => {
    expect(await loadSessionActor(database.db, "not-a-uuid", new Date(), LIMITS)).toBeNull();
    expect(
      await loadSessionActor(
        database.db,
        "11111111-1111-4111-8111-111111111111",
        new Date(),
        LIMITS,
      ),
    ).toBeNull();
    const rows = await database.db
      .select()
      .from(authSessions)
      .where(and(eq(authSessions.id, "11111111-1111-4111-8111-111111111111")));
    expect(rows).toEqual([]);
  });
});

describe("renaming a department", () => {
  it("renames it for everyone who belongs to it, and audits the old and new name", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const department = await insertDepartment(database.db);
    const member = await insertPerson(database.db, {
      roles: ["physician"],
      departmentId: department.id,
    });
    await renameDepartment(database.db, admin, {
      departmentId: department.id.toUpperCase(),
      name: "  Emergency Medicine ",
    });
    const [listed] = (await listDepartmentsWithCounts(database.db)).filter(
      (d) => d.id === department.id,
    );
    expect(listed).toMatchObject({ name: "Emergency Medicine", people: 1 });
    const [user] = await database.db.select().from(users).where(eq(users.id, member.userId));
    expect(user!.departmentId).toBe(department.id);
    expect(await auditFor(department.id)).toContainEqual(
      expect.objectContaining({
        action: "department_renamed",
        actorId: admin.userId,
        details: { from: department.name, to: "Emergency Medicine" },
      }),
    );
  });

  it("refuses a name another department has, next to the field, and changes nothing", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const taken = await insertDepartment(database.db);
    const department = await insertDepartment(database.db);
    const refusal = await refusalOf(
      renameDepartment(database.db, admin, { departmentId: department.id, name: taken.name }),
    );
    expect(refusal).toMatchObject({ code: "conflict", field: "name" });
    const names = (await listDepartmentsWithCounts(database.db)).map((d) => d.name);
    expect(names).toContain(department.name);
  });

  it("is for administrators only", async () => {
    const physician = await insertPerson(database.db, { roles: ["physician"] });
    const department = await insertDepartment(database.db);
    const refusal = await refusalOf(
      renameDepartment(database.db, physician, { departmentId: department.id, name: "Renamed" }),
    );
    expect(refusal.code).toBe("forbidden");
  });
});
