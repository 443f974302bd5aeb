import { describe, expect, it } from "vitest";
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

describe("per account", () => {
  it(`locks an account after ${SIGN_IN_THROTTLE.accountLimit} failures in ${SIGN_IN_THROTTLE.windowMinutes} minutes, refusing even the right password, and lets it in once the window passes`, async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const address = freshAddress();
    await failTimes(SIGN_IN_THROTTLE.accountLimit, person.email, address, at(0));

    const locked = await attempt(person.email, TEST_PASSWORD, at(1), freshAddress());
    expect(locked).toEqual({ ok: false, reason: "throttled", retryAt: at(15) });
    // Same answer for a wrong password: the lockout reveals nothing about the guess.
    expect(await attempt(person.email, "wrong", at(1), freshAddress())).toEqual(locked);

    expect(await attempt(person.email, TEST_PASSWORD, at(15), address)).toMatchObject({
      ok: true,
    });
  });

  it("does not count attempts refused while locked, so the lock ends on time", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    await failTimes(SIGN_IN_THROTTLE.accountLimit, person.email, freshAddress(), at(0));
    for (let minute = 1; minute < 15; minute++) {
      await attempt(person.email, "still guessing", at(minute), freshAddress());
    }
    expect(await attempt(person.email, TEST_PASSWORD, at(15), freshAddress())).toMatchObject({
      ok: true,
    });
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const address = freshAddress();
    await failTimes(SIGN_IN_THROTTLE.accountLimit - 1, person.email, address, at(0));
    expect(await attempt(person.email, TEST_PASSWORD, at(1), address)).toMatchObject({ ok: true });
    await failTimes(SIGN_IN_THROTTLE.accountLimit - 1, person.email, address, at(2));
    expect(await attempt(person.email, TEST_PASSWORD, at(3), address)).toMatchObject({ ok: true });
  });

  it("throttles an email that has no account exactly as one that has", async () => {
    const email = "nobody.here@hospital.example";
    await failTimes(SIGN_IN_THROTTLE.accountLimit, email, freshAddress(), at(0));
    expect(await attempt(email, "anything", at(1), freshAddress())).toMatchObject({
      reason: "throttled",
    });
  });

  it("counts the email however it is capitalised or spaced", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const variants = [person.email.toUpperCase(), ` ${person.email} `];
    for (let i = 0; i < SIGN_IN_THROTTLE.accountLimit; i++) {
      await attempt(variants[i % 2]!, "wrong", at(0), freshAddress());
    }
    expect(await attempt(person.email, TEST_PASSWORD, at(1), freshAddress())).toMatchObject({
      reason: "throttled",
    });
  });

  it("holds under a burst of simultaneous guesses", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => attempt(person.email, "wrong", at(0), freshAddress())),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "wrong_credentials");
    expect(checked).toHaveLength(SIGN_IN_THROTTLE.accountLimit);
  });
});

describe("per address", () => {
  it(`locks an address after ${SIGN_IN_THROTTLE.addressLimit} failures across many accounts, while other addresses still get in`, async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const sprayer = freshAddress();
    for (let i = 0; i < SIGN_IN_THROTTLE.addressLimit; i++) {
      await attempt(`target-${i}@hospital.example`, "Summer2026!", at(0), sprayer);
    }
    expect(await attempt(person.email, TEST_PASSWORD, at(2), sprayer)).toEqual({
      ok: false,
      reason: "throttled",
      retryAt: at(15),
    });
    expect(await attempt(person.email, TEST_PASSWORD, at(2), freshAddress())).toMatchObject({
      ok: true,
    });
    expect(await attempt(person.email, TEST_PASSWORD, at(16), sprayer)).toMatchObject({
      ok: true,
    });
  });
});

describe("an unknown address", () => {
  it("is not one shared bucket: strangers' failures never lock each other out", async () => {
    const person = await insertPerson(database.db, { roles: ["physician"] });
    for (let i = 0; i < SIGN_IN_THROTTLE.addressLimit + 2; i++) {
      await attempt(`stranger-${i}@hospital.example`, "wrong", at(0), null);
    }
    expect(await attempt(person.email, TEST_PASSWORD, at(1), null)).toMatchObject({ ok: true });
  });
});
