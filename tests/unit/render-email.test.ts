import { describe, expect, it } from "vitest";
import { ALL_NOTIFICATION_KINDS } from "@/lib/notifications/notification-kinds";
import { renderEmail } from "@/lib/notifications/render-email";

const LINK = "https://concerns.hospital.example/notices/0b7e4c1e-6a55-4d8e-9c8d-3f1f2a0a9b11";
const PREFERENCES = "https://concerns.hospital.example/preferences/email";

describe("the email a person receives", () => {
  it("addresses the recipient, says something needs attention and links to it, in text and HTML", () => {
    const email = renderEmail({
      recipientName: "Ben Carter",
      kind: "concern_filed",
      link: LINK,
      preferencesLink: PREFERENCES,
    });
    expect(email.subject).toBe("Something in Peer Concerns needs your attention");
    expect(email.text).toContain("Dear Ben Carter,");
    expect(email.text).toContain(LINK);
    expect(email.html).toContain("Dear Ben Carter,");
    expect(email.html).toContain(`<a href="${LINK}"`);
  });

  it("reads without images and escapes the recipient's name", () => {
    const email = renderEmail({
      recipientName: "<b>Eve</b> & Co",
      kind: "case_closed",
      link: LINK,
      preferencesLink: PREFERENCES,
    });
    expect(email.html).not.toMatch(/<img|background=|url\(/i);
    expect(email.html).toContain("&lt;b&gt;Eve&lt;/b&gt; &amp; Co");
  });

  it("carries no case content for any kind: its words are the same whatever the case", () => {
    const words = new Set<string>();
    for (const kind of ALL_NOTIFICATION_KINDS) {
      const email = renderEmail({ recipientName: "R", kind, link: "L", preferencesLink: "P" });
      words.add(`${email.subject}|${email.text}|${email.html}`);
      // Nothing about what happened, to whom, or who raised it.
      expect(`${email.subject} ${email.text}`.replaceAll("Peer Concerns", "")).not.toMatch(
        /concern|post|colleague|reporter|dispute|escalat|compliance|closed|withdrawn|patient/i,
      );
    }
    // One wording for updates, one for reminders before a deadline and one for deadlines
    // passed: the kind changes nothing else.
    expect(words.size).toBe(3);
  });

  it("offers the preferences page in reminders only, which can be turned off", () => {
    const reminder = renderEmail({
      recipientName: "R",
      kind: "reminder_response_due",
      link: LINK,
      preferencesLink: PREFERENCES,
    });
    const notice = renderEmail({
      recipientName: "R",
      kind: "concern_filed",
      link: LINK,
      preferencesLink: PREFERENCES,
    });
    expect(reminder.subject).toMatch(/^Reminder/);
    expect(reminder.text).toContain(PREFERENCES);
    expect(notice.text).not.toContain(PREFERENCES);
    expect(notice.text).toContain("cannot be turned off");
  });
});
