import { describe, expect, it } from "vitest";
import {
  decideMailMode,
  isMailCaptureOn,
  MAIL_CAPTURE_FLAG,
  mailSettings,
  messageIdFor,
} from "@/lib/notifications/mail-config";
import { EMAIL_MAX_ATTEMPTS, retryDelayMs } from "@/lib/notifications/retry-schedule";

describe("how mail leaves", () => {
  it("sends through SMTP whenever SMTP_URL is set", () => {
    expect(decideMailMode({ SMTP_URL: "smtp://mail:25", NODE_ENV: "production" })).toBe("smtp");
    expect(decideMailMode({ SMTP_URL: "smtp://mail:25" })).toBe("smtp");
  });

  it("captures mail for the development mailbox only outside production", () => {
    expect(decideMailMode({})).toBe("capture");
    expect(decideMailMode({ NODE_ENV: "production" })).toBe("unconfigured");
  });

  it("shows the mailbox only when the launcher turned capture on", () => {
    expect(isMailCaptureOn({ [MAIL_CAPTURE_FLAG]: "on" })).toBe(true);
    expect(isMailCaptureOn({ [MAIL_CAPTURE_FLAG]: "off" })).toBe(false);
    expect(isMailCaptureOn({ [MAIL_CAPTURE_FLAG]: "true" })).toBe(false);
    expect(isMailCaptureOn({})).toBe(false);
  });

  it("builds links from APP_URL, defaulting to the local app", () => {
    expect(mailSettings({}).appUrl).toBe("http://localhost:3000");
    expect(mailSettings({ APP_URL: "https://concerns.hospital.org/" }).appUrl).toBe(
      "https://concerns.hospital.org",
    );
  });

  it("derives the Message-ID from the idempotency key and the sender's domain", () => {
    expect(messageIdFor("notification:42", "Peer Concerns <no-reply@hospital.org>")).toBe(
      "<notification-42@hospital.org>",
    );
  });
});

describe("retrying an email", () => {
  it("waits briefly at first, then longer, and gives up after the last attempt", () => {
    expect(retryDelayMs(1)).toBe(10_000);
    expect(retryDelayMs(2)).toBe(30_000);
    expect(retryDelayMs(EMAIL_MAX_ATTEMPTS - 1)).toBe(4 * 3600 * 1000);
    expect(retryDelayMs(EMAIL_MAX_ATTEMPTS)).toBeNull();
    let total = 0;
    for (let failed = 1; failed < EMAIL_MAX_ATTEMPTS; failed++) total += retryDelayMs(failed)!;
    expect(total / 3600_000).toBeGreaterThan(7);
    expect(total / 3600_000).toBeLessThan(9);
  });
});
