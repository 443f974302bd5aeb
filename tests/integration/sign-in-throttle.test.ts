import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { securityEvents } from "@/db/schema";
import { SIGN_IN_THROTTLE, verifyCredentialsThrottled } from "@/lib/auth/sign-in-throttle";
import { insertPerson, TEST_PASSWORD } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const T0 = new Date("2026-03-10T09:00:00.000Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

let addressCounter = 0;
/** Each test from its own address unless it says otherwise. */
const freshAddress = () => `10.0.0.${++addressCounter}`;

async function attempt(email: string, password: string, now: Date, address: string | null) {
  return verifyCredentialsThrottled(database.db, { email, password, address }, now);
}

async function failTimes(n: number, email: string, address: string, now: Date) {
  for (let i = 0; i < n; i++) {
    expect(await attempt(email, "wrong password", now, address)).toMatchObject({
      ok: false,
      reason: "wrong_credentials",
    });
  }
}

const { accountAndAddress, account: perAccount, address: perAddress } = SIGN_IN_THROTTLE;
// A hundred password checks, each deliberately slow (argon2id), on a machine shared with others.
const SPRAY_TIMEOUT_MS = 180_000;

describe("per account and address", () => {
  it(`pauses an account from one address after ${accountAndAddress.limit} failures in ${accountAndAddress.windowMinutes} minutes, refusing even the right password, and lets it in once the window passes`, async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const address = freshAddress();
    await failTimes(accountAndAddress.limit, person.email, address, at(0));

    const locked = await attempt(person.email, TEST_PASSWORD, at(1), address);
    expect(locked).toEqual({ ok: false, reason: "throttled", retryAt: at(15) });
    // Same answer for a wrong password: the lockout reveals nothing about the guess.
    expect(await attempt(person.email, "wrong", at(1), address)).toEqual(locked);

    expect(await attempt(person.email, TEST_PASSWORD, at(15), address)).toMatchObject({
      ok: true,
    });
  });

  it("leaves the same account free from another address", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    await failTimes(accountAndAddress.limit, person.email, freshAddress(), at(0));
    expect(await attempt(person.email, TEST_PASSWORD, at(1), freshAddress())).toMatchObject({
      ok: true,
    });
  });

  it("one account paused does not pause a colleague behind the same address", async () => {
    const locked = await insertPerson(database.db, { roles: ["physician"] });
    const colleague = await insertPerson(database.db, { roles: ["physician"] });
    const hospital = freshAddress();
    await failTimes(accountAndAddress.limit, locked.email, hospital, at(0));
    expect(await attempt(locked.email, TEST_PASSWORD, at(1), hospital)).toMatchObject({
      reason: "throttled",
    });
    expect(await attempt(colleague.email, TEST_PASSWORD, at(1), hospital)).toMatchObject({
      ok: true,
    });
  });

  it("does not count attempts refused while paused, so the pause ends on time", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const address = freshAddress();
    await failTimes(accountAndAddress.limit, person.email, address, at(0));
    for (let minute = 1; minute < 15; minute++) {
      await attempt(person.email, "still guessing", at(minute), address);
    }
    expect(await attempt(person.email, TEST_PASSWORD, at(15), address)).toMatchObject({
      ok: true,
    });
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const address = freshAddress();
    await failTimes(accountAndAddress.limit - 1, person.email, address, at(0));
    expect(await attempt(person.email, TEST_PASSWORD, at(1), address)).toMatchObject({ ok: true });
    await failTimes(accountAndAddress.limit - 1, person.email, address, at(2));
    expect(await attempt(person.email, TEST_PASSWORD, at(3), address)).toMatchObject({ ok: true });
  });

  it("counts the email however it is capitalised or spaced", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const address = freshAddress();
    const variants = [person.email.toUpperCase(), ` ${person.email} `];
    for (let i = 0; i < accountAndAddress.limit; i++) {
      await attempt(variants[i % 2]!, "wrong", at(0), address);
    }
    expect(await attempt(person.email, TEST_PASSWORD, at(1), address)).toMatchObject({
      reason: "throttled",
    });
  });
});

describe("per account", () => {
  it(`pauses an account everywhere after ${perAccount.limit} failures from several addresses`, async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    for (let i = 0; i < perAccount.limit; i++) {
      await attempt(person.email, "wrong", at(0), freshAddress());
    }
    expect(await attempt(person.email, TEST_PASSWORD, at(1), freshAddress())).toEqual({
      ok: false,
      reason: "throttled",
      retryAt: at(perAccount.windowMinutes),
    });
  });

  it("throttles an email that has no account exactly as one that has", async () => {
    const email = "nobody.here@hospital.example";
    await failTimes(accountAndAddress.limit, email, "10.9.9.9", at(0));
    expect(await attempt(email, "anything", at(1), "10.9.9.9")).toMatchObject({
      reason: "throttled",
    });
  });

  it("holds under a burst of simultaneous guesses", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const results = await Promise.all(
      Array.from({ length: 16 }, () => attempt(person.email, "wrong", at(0), freshAddress())),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "wrong_credentials");
    expect(checked).toHaveLength(perAccount.limit);
  });
});

describe("per address", () => {
  it(
    `many accounts failing from one address do not lock out another account there until ${perAddress.limit} failures in ${perAddress.windowMinutes} minutes`,
    async () => {
      const person = await insertPerson(database.db, { roles: ["physician"] });
      const hospital = freshAddress();
      // Colleagues mistyping, and someone spraying: just under the address's limit.
      for (let i = 0; i < perAddress.limit - 1; i++) {
        await attempt(`target-${i % 40}@hospital.example`, "Summer2026!", at(0), hospital);
      }
      expect(await attempt(person.email, TEST_PASSWORD, at(1), hospital)).toMatchObject({
        ok: true,
      });
      await attempt("target-last@hospital.example", "Summer2026!", at(2), hospital);
      expect(await attempt(person.email, TEST_PASSWORD, at(3), hospital)).toEqual({
        ok: false,
        reason: "throttled",
        retryAt: at(perAddress.windowMinutes),
      });
      // Other addresses still get in, and this one once the window has passed.
      expect(await attempt(person.email, TEST_PASSWORD, at(3), freshAddress())).toMatchObject({
        ok: true,
      });
      expect(
        await attempt(person.email, TEST_PASSWORD, at(perAddress.windowMinutes), hospital),
      ).toMatchObject({ ok: true });
    },
    SPRAY_TIMEOUT_MS,
  );
});

describe("an unknown address", () => {
  it(
    "is not one shared bucket: strangers' failures never lock each other out",
    async () => {
      const person = await insertPerson(database.db, { roles: ["physician"] });
      for (let i = 0; i < perAddress.limit + 2; i++) {
        await attempt(`stranger-${i}@hospital.example`, "wrong", at(0), null);
      }
      expect(await attempt(person.email, TEST_PASSWORD, at(1), null)).toMatchObject({ ok: true });
    },
    SPRAY_TIMEOUT_MS,
  );
});

describe("the security log", () => {
  it("records each sign-in, failure and pause with the account and the address", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const address = freshAddress();
    await attempt(person.email, TEST_PASSWORD, at(0), address);
    await failTimes(accountAndAddress.limit, person.email, address, at(1));
    await attempt(person.email, TEST_PASSWORD, at(2), address);
    const logged = await database.db
      .select({ kind: securityEvents.kind, address: securityEvents.address })
      .from(securityEvents)
      .where(eq(securityEvents.userId, person.userId))
      .orderBy(securityEvents.id);
    expect(logged.map((e) => e.kind)).toEqual([
      "sign_in_succeeded",
      ...Array(accountAndAddress.limit).fill("sign_in_failed"),
      "sign_in_locked_out",
      "sign_in_throttled",
    ]);
    expect(new Set(logged.map((e) => e.address))).toEqual(new Set([address]));
  });
});
