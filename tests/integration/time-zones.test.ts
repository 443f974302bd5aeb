import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { createAuthSession, loadSessionActor } from "@/lib/auth/session-store";
import { Refusal } from "@/lib/errors/refusal";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { updateWorkflowSettings } from "@/lib/services/settings/update-workflow-settings";
import { updateOwnTimeZone } from "@/lib/services/users/update-own-time-zone";
import { clearOrganisationSettings, invalidFieldsOf } from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const LIMITS = { idleMinutes: 30, maxHours: 12 };
const NOW = new Date("2026-03-02T09:00:00Z");

const SETTINGS = {
  remediationWindowHours: 168,
  confirmationWindowHours: 168,
  reminderLeadHours: 48,
  dailyFilingLimit: 5,
  dailyMessageLimit: 10,
  triageBusinessDays: 2,
  decisionWindowDays: 30,
};

/**
 * The zone the person's next request is written in, as the app loads it with them (signed
 * in fully: with their second factor, where they need one).
 */
async function zoneOfNextRequest(userId: string): Promise<string | undefined> {
  const session = await createAuthSession(database.db, userId, NOW, LIMITS, NOW);
  return (await loadSessionActor(database.db, session, NOW, LIMITS))?.timeZone;
}

async function auditOf(action: string) {
  return database.db
    .select({ actorId: auditEvents.actorId, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(auditEvents.id);
}

describe("the organisation's time zone", () => {
  it("is America/New_York until an administrator sets it", async () => {
    await clearOrganisationSettings(database.url);
    expect((await loadWorkflowSettings(database.db)).timeZone).toBe("America/New_York");
    const person = await insertPerson(database.db, { roles: ["physician"] });
    expect(await zoneOfNextRequest(person.userId)).toBe("America/New_York");
  });

  it("is stored and audited when an administrator sets it, and everyone without their own reads dates in it", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const person = await insertPerson(database.db, { roles: ["physician"] });
    await updateWorkflowSettings(database.db, admin, { ...SETTINGS, timeZone: "Europe/London" });

    expect((await loadWorkflowSettings(database.db)).timeZone).toBe("Europe/London");
    expect(await zoneOfNextRequest(person.userId)).toBe("Europe/London");
    const [event] = (await auditOf("settings_updated")).slice(-1);
    expect(event).toMatchObject({
      actorId: admin.userId,
      details: { before: { timeZone: "America/New_York" }, after: { timeZone: "Europe/London" } },
    });
  });

  it("refuses a zone that is not in Intl's list, naming the field and changing nothing", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    const before = await loadWorkflowSettings(database.db);
    for (const timeZone of ["", "EST", "Europe/Atlantis", "+02:00"]) {
      expect(
        await invalidFieldsOf(
          updateWorkflowSettings(database.db, admin, { ...SETTINGS, timeZone }),
        ),
      ).toEqual(["timeZone"]);
    }
    expect(await loadWorkflowSettings(database.db)).toEqual(before);
  });

  it("is an administrator's to change, nobody else's", async () => {
    const physician = await insertPerson(database.db, { roles: ["physician"] });
    const error = await updateWorkflowSettings(database.db, physician, {
      ...SETTINGS,
      timeZone: "Asia/Tokyo",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    expect((await loadWorkflowSettings(database.db)).timeZone).not.toBe("Asia/Tokyo");
  });
});

describe("a person's own time zone", () => {
  it("overrides the organisation's for them alone, is audited, and can be given up for the organisation's again", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    await updateWorkflowSettings(database.db, admin, { ...SETTINGS, timeZone: "America/Chicago" });
    const traveller = await insertPerson(database.db, { roles: ["physician"] });
    const colleague = await insertPerson(database.db, { roles: ["physician"] });

    await updateOwnTimeZone(database.db, traveller, { timeZone: "Australia/Sydney" });
    expect(await zoneOfNextRequest(traveller.userId)).toBe("Australia/Sydney");
    expect(await zoneOfNextRequest(colleague.userId)).toBe("America/Chicago");

    // "" is the form's "use the organisation's": the person then follows the organisation.
    await updateOwnTimeZone(database.db, traveller, { timeZone: "" });
    expect(await zoneOfNextRequest(traveller.userId)).toBe("America/Chicago");
    await updateWorkflowSettings(database.db, admin, { ...SETTINGS, timeZone: "America/Denver" });
    expect(await zoneOfNextRequest(traveller.userId)).toBe("America/Denver");

    const events = await database.db
      .select({ actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, traveller.userId));
    expect(events).toEqual([
      { actorId: traveller.userId, details: { before: null, after: "Australia/Sydney" } },
      { actorId: traveller.userId, details: { before: "Australia/Sydney", after: null } },
    ]);
  });

  it("refuses a zone that is not in Intl's list and keeps the one chosen before", async () => {
    const person = await insertPerson(database.db, { roles: ["compliance_officer"] });
    await updateOwnTimeZone(database.db, person, { timeZone: "Europe/Paris" });
    for (const timeZone of ["Paris", "UTC+1", "europe/paris", "Europe/Paris\u0000"]) {
      expect(await invalidFieldsOf(updateOwnTimeZone(database.db, person, { timeZone }))).toEqual([
        "timeZone",
      ]);
    }
    expect(await zoneOfNextRequest(person.userId)).toBe("Europe/Paris");
  });
});
