import { describe, expect, it } from "vitest";
import { visibleLength } from "@/lib/domain/plain-text";
import { fileConcernSchema } from "@/lib/services/concerns/concern-schemas";
import { createDepartmentSchema } from "@/lib/services/departments/create-department";
import { longText } from "@/lib/services/field-schemas";
import { createUserSchema } from "@/lib/services/users/user-schemas";

const ZWSP = "\u200b";

describe("how long a text looks", () => {
  it.each([
    ["plain words", "a short note", 12],
    ["a run of spaces as one", "a     b", 3],
    ["nothing at the ends", "  \t ab \n ", 2],
    ["a letter with its accents as one", "e\u0301\u0301\u0301", 1],
    ["an emoji family as one", "👩‍👩‍👧", 1],
    ["zero-width spaces as nothing", ZWSP.repeat(25), 0],
    [
      "joiners, the byte-order mark and soft hyphens as nothing",
      "\u200c\u200d\u2060\ufeff\u00ad",
      0,
    ],
    ["Hangul fillers, variation selectors and blank Braille as nothing", "\u3164\ufe0f\u2800", 0],
    ["invisible characters between letters as nothing", `a${ZWSP}b${ZWSP}`, 2],
  ])("counts %s", (_, text, length) => {
    expect(visibleLength(text)).toBe(length);
  });
});

describe("a minimum length", () => {
  it("counts what a reader sees: 25 zero-width spaces are not 20 characters", () => {
    const schema = longText(20, "Too short.");
    expect(schema.safeParse(ZWSP.repeat(25)).success).toBe(false);
    expect(schema.safeParse(`${"x".repeat(10)}${ZWSP.repeat(15)}`).success).toBe(false);
    expect(schema.safeParse("A post that names a ward.").success).toBe(true);
  });

  it("holds for a concern's description and its Other consideration", () => {
    const concern = {
      subjectId: "6f1c1a52-2a4e-4c55-9d1b-0e6c3f0b6a11",
      postUrl: "https://example.com/post/1",
      platform: "x",
      seenOn: "2026-11-01",
      description: ZWSP.repeat(25),
      categories: ["other"],
      otherConsideration: ZWSP.repeat(5),
      severity: "appears_unprofessional",
    };
    const result = fileConcernSchema.safeParse(concern);
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["description", "otherConsideration"]));
  });

  it("holds for a person's and a department's name", () => {
    expect(
      createUserSchema.safeParse({
        name: ZWSP.repeat(4),
        email: "a@hospital.example",
        roles: ["physician"],
        departmentId: "",
        password: "",
      }).error?.issues[0]?.path,
    ).toEqual(["name"]);
    expect(createDepartmentSchema.safeParse({ name: `${ZWSP}${ZWSP}\u2800` }).success).toBe(false);
  });
});

describe("checking a minimum", () => {
  it("stops counting once the minimum is reached, so a megabyte costs no more than a line", () => {
    expect(visibleLength("A".repeat(1_000_000), 20)).toBe(20);
    expect(visibleLength(`${"\u200b".repeat(30)}abc`, 20)).toBe(3);
  });
});
