import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import {
  acceptedTimeStep,
  looksLikeRecoveryCode,
  newRecoveryCode,
  normaliseRecoveryCode,
  sessionStep,
  TIME_STEP_SECONDS,
  twoFactorRequired,
} from "@/lib/domain/two-factor";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const NOW = new Date("2026-11-27T12:00:10Z");
const STEP = Math.floor(NOW.getTime() / 1000 / TIME_STEP_SECONDS);
const codeAt = (step: number) => generate({ secret: SECRET, epoch: step * TIME_STEP_SECONDS });

describe("who must use two-factor sign-in", () => {
  it("is officers and administrators, and physicians only when the organisation asks everyone", () => {
    expect(twoFactorRequired(["compliance_officer"], false)).toBe(true);
    expect(twoFactorRequired(["admin"], false)).toBe(true);
    expect(twoFactorRequired(["physician", "admin"], false)).toBe(true);
    expect(twoFactorRequired(["physician"], false)).toBe(false);
    expect(twoFactorRequired(["physician"], true)).toBe(true);
  });

  it("opens a password-only session only to someone who neither needs nor has it", () => {
    const base = { requiredForEveryone: false, enrolled: false, secondFactorPassed: false };
    expect(sessionStep({ ...base, roles: ["physician"] })).toBe("complete");
    expect(sessionStep({ ...base, roles: ["compliance_officer"] })).toBe("enrol");
    expect(sessionStep({ ...base, roles: ["physician"], requiredForEveryone: true })).toBe("enrol");
    expect(sessionStep({ ...base, roles: ["physician"], enrolled: true })).toBe("enter_code");
    expect(sessionStep({ ...base, roles: ["admin"], enrolled: true })).toBe("enter_code");
    expect(
      sessionStep({ ...base, roles: ["admin"], enrolled: true, secondFactorPassed: true }),
    ).toBe("complete");
  });
});

describe("a code from the app", () => {
  it("is accepted for the current step and one either side, and no further", async () => {
    expect(await acceptedTimeStep(SECRET, await codeAt(STEP), null, NOW)).toBe(STEP);
    expect(await acceptedTimeStep(SECRET, await codeAt(STEP - 1), null, NOW)).toBe(STEP - 1);
    expect(await acceptedTimeStep(SECRET, await codeAt(STEP + 1), null, NOW)).toBe(STEP + 1);
    expect(await acceptedTimeStep(SECRET, await codeAt(STEP - 2), null, NOW)).toBeNull();
    expect(await acceptedTimeStep(SECRET, await codeAt(STEP + 2), null, NOW)).toBeNull();
  });

  it("is never accepted twice, nor is an older one once a later one was (replay)", async () => {
    const code = await codeAt(STEP);
    const first = await acceptedTimeStep(SECRET, code, null, NOW);
    expect(first).toBe(STEP);
    expect(await acceptedTimeStep(SECRET, code, first, NOW)).toBeNull();
    expect(await acceptedTimeStep(SECRET, await codeAt(STEP - 1), first, NOW)).toBeNull();
    expect(await acceptedTimeStep(SECRET, await codeAt(STEP + 1), first, NOW)).toBe(STEP + 1);
  });

  it("refuses anything not six digits without throwing", async () => {
    for (const typed of ["", "12345", "1234567", "abcdef", "12 345"]) {
      expect(await acceptedTimeStep(SECRET, typed, null, NOW)).toBeNull();
    }
  });
});

describe("recovery codes", () => {
  it("are ten unambiguous characters, read back however they are typed", () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-km-np-z2-9]{5}-[a-km-np-z2-9]{5}$/);
    expect(normaliseRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `)).toBe(
      code.replace("-", ""),
    );
    expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
