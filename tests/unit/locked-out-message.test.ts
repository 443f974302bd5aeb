import { describe, expect, it } from "vitest";
import { lockedOutMessage } from "@/app/(auth)/sign-in/locked-out-message";

const NOW = new Date("2026-03-10T09:00:00Z");
const IN_14_MINUTES = new Date("2026-03-10T09:13:30Z");

describe("the lock-out message", () => {
  it("names the support contact from Settings", () => {
    expect(
      lockedOutMessage(IN_14_MINUTES, "IT service desk, it@hospital.example, ext. 4357", NOW),
    ).toBe(
      "Too many failed sign-in attempts. For your account's safety, sign-in is paused: try again in 14 minutes, or reset your password by email. If you cannot sign in, contact IT service desk, it@hospital.example, ext. 4357.",
    );
  });

  it("says whom in general when no contact is set", () => {
    for (const contact of [null, "  "]) {
      expect(lockedOutMessage(IN_14_MINUTES, contact, NOW)).toMatch(
        /contact your organisation's IT service desk or your Peer Concerns administrator\.$/,
      );
    }
  });

  it("says one minute, not zero", () => {
    expect(lockedOutMessage(NOW, null, NOW)).toMatch(/try again in 1 minute,/);
  });
});
