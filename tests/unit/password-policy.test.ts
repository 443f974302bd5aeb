import { describe, expect, it } from "vitest";
import {
  newPasswordProblem,
  PASSWORD_MIN_LENGTH,
  visibleLength,
} from "@/lib/domain/password-policy";

describe("the password policy", () => {
  it(`accepts ${PASSWORD_MIN_LENGTH} characters or more, of any kind`, () => {
    expect(newPasswordProblem("a".repeat(PASSWORD_MIN_LENGTH))).toBeNull();
    expect(newPasswordProblem("correct horse battery staple")).toBeNull();
  });

  it("refuses a short password", () => {
    expect(newPasswordProblem("a".repeat(PASSWORD_MIN_LENGTH - 1))).toBe(
      `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    );
  });

  it("counts only visible characters: zero-width spaces do not make a password long", () => {
    expect(visibleLength("\u200b".repeat(25))).toBe(0);
    expect(newPasswordProblem(`abc${"\u200b".repeat(25)}`)).toMatch(/at least/);
    expect(visibleLength("👩‍⚕️")).toBe(1);
  });

  it("refuses a password over the limit", () => {
    expect(newPasswordProblem("a".repeat(257))).toBe("Use at most 256 characters.");
  });

  it("refuses the person's own email address", () => {
    expect(newPasswordProblem("Ana.Lopez@hospital.example", "ana.lopez@hospital.example")).toBe(
      "Do not use your email address as your password.",
    );
  });
});
