import { describe, expect, it } from "vitest";
import { formHints } from "@/lib/actions/form-hints";
import { workflowSettingsSchema } from "@/lib/services/settings/update-workflow-settings";
import { ownTimeZoneSchema } from "@/lib/services/users/update-own-time-zone";

const organisationZone = workflowSettingsSchema.shape.timeZone;

describe("the time zone fields", () => {
  it("take an IANA zone from Intl's list and explain anything else", () => {
    expect(organisationZone.parse(" Europe/Paris ")).toBe("Europe/Paris");
    for (const value of ["", "Paris", "GMT+1", 5, undefined]) {
      const result = organisationZone.safeParse(value);
      expect(result.success, String(value)).toBe(false);
      // One message, even for a blank that is both empty and not a zone.
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([
        "Choose a time zone from the list.",
      ]);
    }
  });

  it("let a person choose none, meaning the organisation's (stored as null)", () => {
    expect(ownTimeZoneSchema.parse({ timeZone: "" })).toEqual({ timeZone: null });
    expect(ownTimeZoneSchema.parse({ timeZone: null })).toEqual({ timeZone: null });
    expect(ownTimeZoneSchema.parse({ timeZone: "Asia/Tokyo" })).toEqual({ timeZone: "Asia/Tokyo" });
    expect(ownTimeZoneSchema.safeParse({ timeZone: "Tokyo" }).error?.issues[0]?.message).toBe(
      "Choose a time zone from the list.",
    );
  });

  it("mark the organisation's zone required on its form, and a person's own not", () => {
    expect(formHints(workflowSettingsSchema).timeZone).toMatchObject({ required: true });
    expect(formHints(ownTimeZoneSchema).timeZone?.required).toBeUndefined();
  });
});
