import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withAdminClient } from "@/db/admin";
import { accountTokens, auditEvents, emailDeliveries, securityEvents, users } from "@/db/schema";
import { createAuthSession, loadSessionActor } from "@/lib/auth/session-store";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import type { Actor } from "@/lib/authz/permissions";
import type { OutgoingEmail } from "@/lib/notifications/mailer";
import { changeOwnPassword } from "@/lib/services/accounts/change-own-password";
import { requestPasswordReset } from "@/lib/services/accounts/request-password-reset";
import { setPasswordFromLink } from "@/lib/services/accounts/set-password-from-link";
import { deliverEmail } from "@/lib/services/notifications/deliver-email";
import { createUser } from "@/lib/services/users/create-user";
import { resendInvitation } from "@/lib/services/users/resend-invitation";
import { insertPerson, TEST_PASSWORD } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const LIMITS = { idleMinutes: 30, maxHours: 12 };
const ADDRESS = "192.0.2.10";
const NEW_PASSWORD = "a new password of mine";
const MAIL = { from: "Peer Concerns <pc@hospital.example>", appUrl: "https://pc.hospital.example" };

/** Sends the newest email to `userId` through the real delivery path, and returns it. */
async function newestEmailTo(userId: string): Promise<OutgoingEmail> {
  const [delivery] = await database.db
    .select({ id: emailDeliveries.id })
    .from(emailDeliveries)
    .where(eq(emailDeliveries.recipientId, userId))
    .orderBy(desc(emailDeliveries.id))
    .limit(1);
  const sent: OutgoingEmail[] = [];
  const outcome = await deliverEmail(
    database.db,
    delivery!.id,
    { send: async (email) => void sent.push(email) },
    MAIL,
  );
  expect(outcome).toBe("sent");
  return sent[0]!;
}

function tokenIn(email: OutgoingEmail, path: string): string {
  const match = new RegExp(`${MAIL.appUrl}${path}/([A-Za-z0-9_-]+)`).exec(email.text);
  expect(match, email.text).not.toBeNull();
  return match![1]!;
}

async function securityKinds(userId: string) {
  const rows = await database.db
    .select({ kind: securityEvents.kind, address: securityEvents.address })
    .from(securityEvents)
    .where(eq(securityEvents.userId, userId))
    .orderBy(securityEvents.id);
  return rows.map((row) => row.kind);
}

async function refusalMessage(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "accepted",
    (error: Error) => error.message,
  );
}

describe("changing one's own password", () => {
  async function signedIn() {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const now = new Date();
    const here = await createAuthSession(database.db, person.userId, now, LIMITS);
    const elsewhere = await createAuthSession(database.db, person.userId, now, LIMITS);
    return { actor: { ...person, sessionId: here } as Actor, here, elsewhere, now };
  }

  it("needs the current password, and refuses a short new one or two that differ", async () => {
    const { actor } = await signedIn();
    const change = (input: Record<string, string>) =>
      refusalMessage(
        changeOwnPassword(
          database.db,
          actor,
          {
            currentPassword: TEST_PASSWORD,
            newPassword: NEW_PASSWORD,
            confirmPassword: NEW_PASSWORD,
            ...input,
          },
          { address: ADDRESS },
        ),
      );
    expect(await change({ currentPassword: "not my password" })).toBe(
      "That is not your current password.",
    );
    expect(await change({ newPassword: "short", confirmPassword: "short" })).toBe(
      "Use at least 12 characters.",
    );
    expect(await change({ confirmPassword: `${NEW_PASSWORD}!` })).toMatch(/not the same/);
    expect((await verifyCredentials(database.db, actor.email, TEST_PASSWORD)).ok).toBe(true);
  });

  it("sets the new one, ends the person's other sessions but not this one, and logs it", async () => {
    const { actor, here, elsewhere, now } = await signedIn();
    await changeOwnPassword(
      database.db,
      actor,
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { address: ADDRESS },
    );
    expect((await verifyCredentials(database.db, actor.email, NEW_PASSWORD)).ok).toBe(true);
    expect((await verifyCredentials(database.db, actor.email, TEST_PASSWORD)).ok).toBe(false);
    expect(await loadSessionActor(database.db, here, now, LIMITS)).not.toBeNull();
    expect(await loadSessionActor(database.db, elsewhere, now, LIMITS)).toBeNull();
    expect(await securityKinds(actor.userId)).toEqual(["password_changed"]);
    const [logged] = await database.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.userId, actor.userId));
    expect(logged).toMatchObject({ address: ADDRESS, kind: "password_changed" });
  });
});

describe("a forgotten password", () => {
  it("says nothing about unknown addresses: no email, but the request is logged", async () => {
    const before = await database.db.select().from(emailDeliveries);
    await requestPasswordReset(
      database.db,
      { email: "Nobody.Here@hospital.example" },
      { address: ADDRESS },
    );
    expect(await database.db.select().from(emailDeliveries)).toHaveLength(before.length);
    const [logged] = await database.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.account, "nobody.here@hospital.example"));
    expect(logged).toMatchObject({ kind: "password_reset_requested", userId: null });
  });

  it("emails a link without case content that resets the password once, ending every session", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const session = await createAuthSession(database.db, person.userId, new Date(), LIMITS);
    await requestPasswordReset(database.db, { email: person.email }, { address: ADDRESS });
    const email = await newestEmailTo(person.userId);
    expect(email.subject).toBe("Reset your Peer Concerns password");
    expect(email.text).toContain("The link works once");
    const token = tokenIn(email, "/reset-password");
    // Only its hash is stored.
    const stored = await database.db.select().from(accountTokens);
    expect(JSON.stringify(stored)).not.toContain(token);

    const reset = { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    await setPasswordFromLink(database.db, "password_reset", reset, { address: ADDRESS });
    expect((await verifyCredentials(database.db, person.email, NEW_PASSWORD)).ok).toBe(true);
    expect(await loadSessionActor(database.db, session, new Date(), LIMITS)).toBeNull();
    expect(
      await refusalMessage(
        setPasswordFromLink(database.db, "password_reset", reset, { address: ADDRESS }),
      ),
    ).toMatch(/no longer works/);
    expect(await securityKinds(person.userId)).toEqual([
      "password_reset_requested",
      "password_reset",
    ]);
    const audit = await database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, person.userId));
    expect(audit.map((a) => a.action)).toEqual(["password_reset_link_sent", "password_reset"]);
  });

  it("expires after 30 minutes, and a newer link replaces the older", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    await requestPasswordReset(database.db, { email: person.email }, { address: ADDRESS });
    const first = tokenIn(await newestEmailTo(person.userId), "/reset-password");
    const reset = (token: string, now: Date) =>
      refusalMessage(
        setPasswordFromLink(
          database.db,
          "password_reset",
          { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
          { address: ADDRESS, now },
        ),
      );
    expect(await reset(first, new Date(Date.now() + 31 * 60_000))).toMatch(/no longer works/);
    await requestPasswordReset(database.db, { email: person.email }, { address: ADDRESS });
    const second = tokenIn(await newestEmailTo(person.userId), "/reset-password");
    expect(await reset(first, new Date())).toMatch(/no longer works/);
    expect(await reset(second, new Date())).toBe("accepted");
  });

  it("sends at most three emails per account in half an hour", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    for (let i = 0; i < 5; i++) {
      await requestPasswordReset(database.db, { email: person.email }, { address: ADDRESS });
    }
    const sent = await database.db
      .select()
      .from(emailDeliveries)
      .where(eq(emailDeliveries.recipientId, person.userId));
    expect(sent).toHaveLength(3);
  });
});

describe("an invitation", () => {
  it("is emailed to a new account, which has no password until the person sets one", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const { userId } = await createUser(
      database.db,
      admin,
      { name: "Dr New", email: "dr.new@hospital.example", roles: ["physician"], departmentId: "" },
      { address: ADDRESS },
    );
    const [created] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(created!.passwordHash).toBeNull();
    const email = await newestEmailTo(userId);
    expect(email.subject).toBe("Your Peer Concerns account: set your password");
    const token = tokenIn(email, "/invitation");
    await setPasswordFromLink(
      database.db,
      "invitation",
      { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { address: ADDRESS },
    );
    expect((await verifyCredentials(database.db, "dr.new@hospital.example", NEW_PASSWORD)).ok).toBe(
      true,
    );
    expect(await securityKinds(userId)).toEqual(["invitation_sent", "invitation_accepted"]);
    const [sent] = await database.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, userId), eq(securityEvents.kind, "invitation_sent")));
    expect(sent!.actorId).toBe(admin.userId);
    // Once the person has a password, it is theirs: no new invitation.
    expect(
      await refusalMessage(resendInvitation(database.db, admin, { userId }, { address: ADDRESS })),
    ).toMatch(/has set a password already/);
  });

  it("sent again, replaces the first link", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const { userId } = await createUser(
      database.db,
      admin,
      {
        name: "Dr Later",
        email: "dr.later@hospital.example",
        roles: ["physician"],
        departmentId: "",
      },
      { address: ADDRESS },
    );
    const first = tokenIn(await newestEmailTo(userId), "/invitation");
    await resendInvitation(database.db, admin, { userId }, { address: ADDRESS });
    const second = tokenIn(await newestEmailTo(userId), "/invitation");
    const accept = (token: string) =>
      refusalMessage(
        setPasswordFromLink(
          database.db,
          "invitation",
          { token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
          { address: ADDRESS },
        ),
      );
    expect(await accept(first)).toMatch(/no longer works/);
    expect(await accept(second)).toBe("accepted");
  });
});

describe("the security log", () => {
  it("cannot be changed or emptied by the app, and keeps entries six years", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    await requestPasswordReset(database.db, { email: person.email }, { address: ADDRESS });
    await expect(database.pool.query("update security_events set address = 'x'")).rejects.toThrow();
    await expect(database.pool.query("delete from security_events")).rejects.toThrow();
    // An entry from seven years ago and one from five, put there as only a DBA could.
    await withAdminClient(database.url, async (client) => {
      await client.query("set session_replication_role = replica");
      await client.query(
        `insert into security_events (occurred_at, kind, user_id, address) values
           (now() - interval '7 years', 'sign_in_succeeded', $1, 'old'),
           (now() - interval '5 years', 'sign_in_succeeded', $1, 'kept')`,
        [person.userId],
      );
    });
    const { rows } = await database.pool.query("select purge_expired_security_events() as removed");
    expect(rows[0].removed).toBe(1);
    const left = await database.db
      .select({ address: securityEvents.address })
      .from(securityEvents)
      .where(eq(securityEvents.userId, person.userId));
    expect(left.map((e) => e.address).sort()).toEqual([ADDRESS, "kept"]);
  });
});
