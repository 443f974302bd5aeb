import { describe, expect, it } from "vitest";
import { ifYouDoNothing, telHref } from "@/lib/domain/notice-words";
import { workflowSettingsSchema } from "@/lib/services/settings/update-workflow-settings";

describe("what a notice says happens if the colleague does nothing", () => {
  it("sends a significant concern to the compliance team at the deadline", () => {
    expect(ifYouDoNothing("significantly_violates_norms")).toMatch(
      /^If you do nothing by then, the case goes to the compliance team at the deadline\./,
    );
  });

  it("lets any other concern lapse, still on record for patterns", () => {
    const words = ifYouDoNothing("appears_unprofessional");
    expect(words).toContain("closes as lapsed and goes no further");
    expect(words).toContain("counts if other colleagues raise concerns");
    expect(words).not.toContain("compliance");
  });
});

describe("the support programme's phone number as a link", () => {
  it.each([
    ["+1 (555) 010-4477", "tel:+15550104477"],
    ["0800 123 456", "tel:0800123456"],
    ["555-0100 ext. 12", "tel:5550100,12"],
  ])("dials %j as %j", (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});

describe("the support programme in Settings", () => {
  const SETTINGS = {
    remediationWindowHours: 168,
    confirmationWindowHours: 168,
    reminderLeadHours: 48,
    dailyFilingLimit: 5,
    dailyMessageLimit: 10,
    triageBusinessDays: 2,
    decisionWindowDays: 30,
    timeZone: "Europe/London",
  };

  it("is optional: empty fields mean no programme", () => {
    const parsed = workflowSettingsSchema.parse({
      ...SETTINGS,
      supportProgrammeName: "",
      supportProgrammeUrl: "",
      supportProgrammePhone: " ",
    });
    expect(parsed).toMatchObject({
      supportProgrammeName: null,
      supportProgrammeUrl: null,
      supportProgrammePhone: null,
    });
  });

  it("takes an https link and a phone number, and refuses anything else next to its field", () => {
    expect(
      workflowSettingsSchema.parse({
        ...SETTINGS,
        supportProgrammeName: " Physician Wellness Service ",
        supportProgrammeUrl: "https://wellbeing.hospital.example/",
        supportProgrammePhone: "+1 (555) 010-4477",
      }),
    ).toMatchObject({
      supportProgrammeName: "Physician Wellness Service",
      supportProgrammeUrl: "https://wellbeing.hospital.example/",
      supportProgrammePhone: "+1 (555) 010-4477",
    });
    for (const [field, value] of [
      ["supportProgrammeUrl", "javascript:alert(1)"],
      ["supportProgrammeUrl", "http://wellbeing.hospital.example/"],
      ["supportProgrammePhone", "call Anna"],
      ["supportProgrammePhone", "<script>"],
    ]) {
      const result = workflowSettingsSchema.safeParse({ ...SETTINGS, [field as string]: value });
      expect(
        result.error?.issues.map((issue) => issue.path.join(".")),
        value,
      ).toEqual([field]);
    }
  });
});
