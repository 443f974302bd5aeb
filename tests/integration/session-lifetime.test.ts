import { describe, expect, it } from "vitest";
import { createAuthSession, loadSessionActor, revokeAuthSession } from "@/lib/auth/session-store";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const START = new Date("2026-01-01T08:00:00Z");
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

describe("session lifetime", () => {
  it("follows the configured idle timeout and absolute lifetime, not fixed ones", async () => {
    const limits = { idleMinutes: 5, maxHours: 1 };
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const idle = await createAuthSession(database.db, person.userId, START, limits);
    expect(await loadSessionActor(database.db, idle, minutes(4), limits)).not.toBeNull();
    expect(await loadSessionActor(database.db, idle, minutes(10), limits)).toBeNull();

    const busy = await createAuthSession(database.db, person.userId, START, limits);
    for (let m = 4; m < 60; m += 4) {
      expect(await loadSessionActor(database.db, busy, minutes(m), limits)).not.toBeNull();
    }
    expect(await loadSessionActor(database.db, busy, minutes(61), limits)).toBeNull();
  });

  it("ends at sign-out on the very next request, leaving the person's other sessions alone", async () => {
    const limits = { idleMinutes: 30, maxHours: 12 };
    const person = await insertPerson(database.db, { roles: ["physician"] });
    const laptop = await createAuthSession(database.db, person.userId, START, limits);
    const phone = await createAuthSession(database.db, person.userId, START, limits);
    await revokeAuthSession(database.db, laptop, "signed_out");
    expect(await loadSessionActor(database.db, laptop, minutes(1), limits)).toBeNull();
    expect(await loadSessionActor(database.db, phone, minutes(1), limits)).toMatchObject({
      userId: person.userId,
    });
  });
});
