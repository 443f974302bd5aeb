import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import {
  organisationSettings,
  recoveryCodes,
  securityEvents,
  signInFailures,
  twoFactorSecrets,
} from "@/db/schema";
import { createAuthSession, loadSession, loadSessionActor } from "@/lib/auth/session-store";
import type { Actor } from "@/lib/authz/permissions";
import { TIME_STEP_SECONDS } from "@/lib/domain/two-factor";
import { beginEnrolment } from "@/lib/services/two-factor/begin-enrolment";
import { confirmEnrolment } from "@/lib/services/two-factor/confirm-enrolment";
import { disableTwoFactor } from "@/lib/services/two-factor/disable-two-factor";
import { passSecondFactor } from "@/lib/services/two-factor/pass-second-factor";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const LIMITS = { idleMinutes: 30, maxHours: 12 };
const NOW = new Date();
const later = (steps: number) => new Date(NOW.getTime() + steps * TIME_STEP_SECONDS * 1000);
const ADDRESS = "10.9.0.1";

async function secretOf(db: Database, userId: string): Promise<string> {
  const [row] = await db.select().from(twoFactorSecrets).where(eq(twoFactorSecrets.userId, userId));
  return row!.secret;
}

const codeAt = (secret: string, at: Date) =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

async function stepOf(sessionId: string, at = NOW) {
  return (await loadSession(database.db, sessionId, at, LIMITS))?.step;
}

/** Enrols a person through the use cases and returns their secret and recovery codes. */
async function enrol(person: Actor) {
  const sessionId = await createAuthSession(database.db, person.userId, NOW, LIMITS);
  await beginEnrolment(database.db, person);
  const secret = await secretOf(database.db, person.userId);
  const { recoveryCodes: codes } = await confirmEnrolment(
    database.db,
    { ...person, sessionId, address: ADDRESS, now: NOW },
    { code: await codeAt(secret, NOW) },
  );
  return { secret, codes, sessionId };
}

async function kindsFor(userId: string) {
  const rows = await database.db
    .select({ kind: securityEvents.kind, address: securityEvents.address })
    .from(securityEvents)
    .where(eq(securityEvents.userId, userId))
    .orderBy(securityEvents.id);
  return rows.map((row) => row.kind);
}

describe("required roles", () => {
  it("opens nothing to an officer's password-only session until enrolled, and asks for a code after", async () => {
    const officer = await insertPerson(database.db, { roles: ["compliance_officer"] });
    const passwordOnly = await createAuthSession(database.db, officer.userId, NOW, LIMITS);
    expect(await stepOf(passwordOnly)).toBe("enrol");
    expect(await loadSessionActor(database.db, passwordOnly, NOW, LIMITS)).toBeNull();

    const { sessionId, codes } = await enrol(officer);
    expect(codes).toHaveLength(10);
    // The session enrolment was done in now counts; the other still owes a code.
    expect(await loadSessionActor(database.db, sessionId, NOW, LIMITS)).not.toBeNull();
    expect(await stepOf(passwordOnly)).toBe("enter_code");
    expect(await loadSessionActor(database.db, passwordOnly, NOW, LIMITS)).toBeNull();

    const stored = await database.db
      .select()
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, officer.userId));
    expect(stored).toHaveLength(10);
    for (const row of stored) {
      expect(row.codeHash).toMatch(/^\$argon2id\$/);
      expect(codes.some((code) => row.codeHash.includes(code.replace("-", "")))).toBe(false);
    }
    expect(await kindsFor(officer.userId)).toEqual(["two_factor_enrolled"]);
  });

  it("leaves a physician's password enough, until the organisation asks everyone", async () => {
    const physician = await insertPerson(database.db, { roles: ["physician"] });
    const session = await createAuthSession(database.db, physician.userId, NOW, LIMITS);
    expect(await stepOf(session)).toBe("complete");
    await database.db
      .insert(organisationSettings)
      .values({ singleton: true, twoFactorForEveryone: true })
      .onConflictDoUpdate({
        target: organisationSettings.singleton,
        set: { twoFactorForEveryone: true },
      });
    try {
      expect(await stepOf(session)).toBe("enrol");
    } finally {
      await database.db.update(organisationSettings).set({ twoFactorForEveryone: false });
    }
  });

  it("refuses to turn it off for an officer, and lets a physician turn it off with a code", async () => {
    const officer = await insertPerson(database.db, { roles: ["compliance_officer"] });
    const enrolledOfficer = await enrol(officer);
    await expect(
      disableTwoFactor(
        database.db,
        officer,
        { address: ADDRESS, now: later(2) },
        { code: await codeAt(enrolledOfficer.secret, later(2)) },
      ),
    ).rejects.toMatchObject({ code: "forbidden" });

    const physician = await insertPerson(database.db, { roles: ["physician"] });
    const { secret } = await enrol(physician);
    await disableTwoFactor(
      database.db,
      physician,
      { address: ADDRESS, now: later(2) },
      { code: await codeAt(secret, later(2)) },
    );
    const session = await createAuthSession(database.db, physician.userId, NOW, LIMITS);
    expect(await stepOf(session)).toBe("complete");
    expect(await kindsFor(physician.userId)).toEqual([
      "two_factor_enrolled",
      "two_factor_disabled",
    ]);
  });
});

describe("signing in with a code", () => {
  it("accepts a code once: the same code on another session is refused and counted", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const { secret } = await enrol(admin);
    const code = await codeAt(secret, later(1));
    const first = await createAuthSession(database.db, admin.userId, NOW, LIMITS);
    await passSecondFactor(
      database.db,
      { ...admin, sessionId: first, address: ADDRESS, now: later(1) },
      { code },
    );
    expect(await stepOf(first)).toBe("complete");

    const second = await createAuthSession(database.db, admin.userId, NOW, LIMITS);
    await expect(
      passSecondFactor(
        database.db,
        { ...admin, sessionId: second, address: ADDRESS, now: later(1) },
        { code },
      ),
    ).rejects.toMatchObject({ code: "invalid_input", field: "code" });
    expect(await stepOf(second)).toBe("enter_code");
    const failures = await database.db
      .select()
      .from(signInFailures)
      .where(eq(signInFailures.account, admin.email));
    expect(failures).toHaveLength(1);
    expect(await kindsFor(admin.userId)).toEqual([
      "two_factor_enrolled",
      "two_factor_code_refused",
    ]);
  });

  it("spends a recovery code once", async () => {
    const officer = await insertPerson(database.db, { roles: ["compliance_officer"] });
    const { codes } = await enrol(officer);
    const attempt = async (code: string) => {
      const sessionId = await createAuthSession(database.db, officer.userId, NOW, LIMITS);
      await passSecondFactor(
        database.db,
        { ...officer, sessionId, address: ADDRESS, now: later(1) },
        { code },
      );
      return stepOf(sessionId);
    };
    expect(await attempt(codes[3]!.toUpperCase())).toBe("complete");
    await expect(attempt(codes[3]!)).rejects.toMatchObject({ code: "invalid_input" });
    expect(await attempt(codes[4]!.replace("-", " "))).toBe("complete");
    expect(await kindsFor(officer.userId)).toEqual([
      "two_factor_enrolled",
      "recovery_code_used",
      "two_factor_code_refused",
      "recovery_code_used",
    ]);
  });

  it("pauses after five wrong codes, refusing even the right one", async () => {
    const officer = await insertPerson(database.db, { roles: ["compliance_officer"] });
    const { secret } = await enrol(officer);
    const sessionId = await createAuthSession(database.db, officer.userId, NOW, LIMITS);
    const attempt = { ...officer, sessionId, address: ADDRESS, now: later(1) };
    for (let i = 0; i < 5; i++) {
      await expect(
        passSecondFactor(database.db, attempt, { code: "000000" }),
      ).rejects.toMatchObject({ code: "invalid_input" });
    }
    await expect(
      passSecondFactor(database.db, attempt, { code: await codeAt(secret, later(1)) }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    expect(await stepOf(sessionId)).toBe("enter_code");
  });
});
