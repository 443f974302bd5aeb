import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { updateWorkflowSettings } from "@/lib/services/settings/update-workflow-settings";
import { clearOrganisationSettings, invalidFieldsOf } from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();

const SETTINGS = {
  remediationWindowHours: 168,
  confirmationWindowHours: 168,
  reminderLeadHours: 48,
  dailyFilingLimit: 5,
  dailyMessageLimit: 10,
  triageBusinessDays: 2,
  decisionWindowDays: 30,
  timeZone: "America/New_York",
};

const PROGRAMME = {
  supportProgrammeName: "Physician Wellness Service",
  supportProgrammeUrl: "https://wellbeing.hospital.example/physicians",
  supportProgrammePhone: "+1 (555) 010-4477",
};

describe("the physician health programme a notice offers", () => {
  it("is unset until an administrator sets it, then stored and audited, and cleared by emptying it", async () => {
    await clearOrganisationSettings(database.url);
    const none = { name: null, url: null, phone: null };
    expect((await loadWorkflowSettings(database.db)).support).toEqual(none);
    const admin = await insertPerson(database.db, { roles: ["admin"] });

    await updateWorkflowSettings(database.db, admin, { ...SETTINGS, ...PROGRAMME });
    expect((await loadWorkflowSettings(database.db)).support).toEqual({
      name: PROGRAMME.supportProgrammeName,
      url: PROGRAMME.supportProgrammeUrl,
      phone: PROGRAMME.supportProgrammePhone,
    });

    await updateWorkflowSettings(database.db, admin, {
      ...SETTINGS,
      supportProgrammeName: "",
      supportProgrammeUrl: "",
      supportProgrammePhone: "",
    });
    expect((await loadWorkflowSettings(database.db)).support).toEqual(none);

    const events = await database.db
      .select({ actorId: auditEvents.actorId, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.action, "settings_updated"))
      .orderBy(auditEvents.id);
    expect(events.slice(-2)).toEqual([
      {
        actorId: admin.userId,
        details: expect.objectContaining({
          before: expect.objectContaining({ supportProgrammeUrl: null }),
          after: expect.objectContaining(PROGRAMME),
        }),
      },
      {
        actorId: admin.userId,
        details: expect.objectContaining({
          before: expect.objectContaining(PROGRAMME),
          after: expect.objectContaining({ supportProgrammeUrl: null }),
        }),
      },
    ]);
  });

  it("refuses a link that is not https and a phone that is not a number, naming the field and changing nothing", async () => {
    const admin = await insertPerson(database.db, { roles: ["admin"] });
    await updateWorkflowSettings(database.db, admin, { ...SETTINGS, ...PROGRAMME });
    const before = await loadWorkflowSettings(database.db);
    expect(
      await invalidFieldsOf(
        updateWorkflowSettings(database.db, admin, {
          ...SETTINGS,
          ...PROGRAMME,
          supportProgrammeUrl: "javascript:alert(1)",
          supportProgrammePhone: "ring Anna",
        }),
      ),
    ).toEqual(["supportProgrammeUrl", "supportProgrammePhone"]);
    expect(await loadWorkflowSettings(database.db)).toEqual(before);
  });
});
