import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/domain/deadlines";
import { CONCERN_CATEGORIES, SEVERITIES } from "@/lib/domain/policy-text";
import {
  BOARD_SURVEY,
  boardFindings,
  CONSIDERATION_GUIDANCE,
  severityConsequences,
} from "@/lib/domain/severity-guidance";

describe("guidance on a post's severity at filing", () => {
  it("gives every consideration on the form a few concrete examples", () => {
    for (const category of CONCERN_CATEGORIES) {
      expect(CONSIDERATION_GUIDANCE[category].examples.length, category).toBeGreaterThan(0);
    }
    for (const category of ["privacy", "patient_boundaries", "undermining_trust"] as const) {
      expect(CONSIDERATION_GUIDANCE[category].examples.length, category).toBeGreaterThanOrEqual(3);
    }
  });

  it("quotes the state medical boards' answers from Greysen et al. (2013), each once, most investigated first", () => {
    expect(boardFindings().map(({ conduct, percent }) => [conduct, percent])).toEqual([
      ["Misleading claims about treatment outcomes", 81],
      ["Posting images of patients without their consent", 79],
      ["Inappropriate contact with patients", 77],
      ["Misrepresenting credentials", 77],
      ["Appearing intoxicated", 73],
      ["Breaching patient confidentiality", 65],
      ["Discriminatory speech", 60],
      ["Derogatory speech about patients", 46],
    ]);
    expect(BOARD_SURVEY.citation).toMatch(/Greysen.*Annals of Internal Medicine 2013/);
  });

  it("says what each severity leads to, with the organisation's own response window", () => {
    const consequences = severityConsequences(7 * DAY_MS);
    expect(Object.keys(consequences)).toEqual([...SEVERITIES]);
    for (const severity of SEVERITIES) {
      expect(consequences[severity][0]).toContain("has 7 days to remove the post");
    }
    expect(consequences.appears_unprofessional.join(" ")).toContain("closes as lapsed");
    expect(consequences.appears_unprofessional.join(" ")).not.toContain("compliance team");
    expect(consequences.significantly_violates_norms.join(" ")).toContain(
      "the case goes to the compliance team",
    );
    expect(severityConsequences(3 * DAY_MS).appears_unprofessional[0]).toContain("3 days");
  });
});
