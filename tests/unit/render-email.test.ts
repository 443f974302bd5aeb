import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/domain/deadlines";
import { ALL_NOTIFICATION_KINDS, recipientsOf } from "@/lib/notifications/notification-kinds";
import { type EmailInput, renderEmail } from "@/lib/notifications/render-email";

const LINK = "https://concerns.hospital.example/notices/0b7e4c1e-6a55-4d8e-9c8d-3f1f2a0a9b11";
const PREFERENCES = "https://concerns.hospital.example/preferences/email";
const NOW = new Date("2026-11-20T19:05:00Z");
// Seven days on, in New York: Friday 27 November 2026, 2:05 pm EST.
const IN_SEVEN_DAYS = new Date(NOW.getTime() + 7 * DAY_MS);

const NOTICE: EmailInput = {
  recipientName: "Ben Carter",
  kind: "concern_filed",
  relation: "subject",
  reference: "PC-000123",
  need: { need: "response", dueAt: IN_SEVEN_DAYS },
  timeZone: "America/New_York",
  now: NOW,
  link: LINK,
  preferencesLink: PREFERENCES,
};

describe("the email a person receives", () => {
  it("says there is a new message on the case by its reference, to either party (the input has no field for its words)", () => {
    for (const relation of ["subject", "reporter"] as const) {
      const email = renderEmail({ ...NOTICE, kind: "message_posted", relation, need: null });
      expect(email.subject).toMatch(
        /^A new message about (a concern on your post|your concern) \(PC-000123\)$/,
      );
      expect(email.text).toMatch(/A new message about .*: case PC-000123\./);
    }
  });

  it("names the reference, the kind of thing and the deadline in its subject, so an inbox says whether it can wait", () => {
    expect(renderEmail(NOTICE).subject).toBe(
      "A notice about one of your posts (PC-000123) – respond by Friday 27 November 2026, 2:05 pm EST",
    );
  });

  it("addresses the recipient and says the same in its body, in text and HTML, with the link", () => {
    const email = renderEmail(NOTICE);
    expect(email.text).toContain("Dear Ben Carter,");
    expect(email.text).toContain("A notice about one of your posts: case PC-000123.");
    expect(email.text).toContain(
      "Your response is needed by Friday 27 November 2026, 2:05 pm EST.",
    );
    expect(email.text).toContain(LINK);
    expect(email.html).toContain("Dear Ben Carter,");
    expect(email.html).toContain(
      "Your response is needed by Friday 27 November 2026, 2:05 pm EST.",
    );
    expect(email.html).toContain(`<a href="${LINK}"`);
  });

  it("writes the deadline in the recipient's own zone", () => {
    const email = renderEmail({ ...NOTICE, timeZone: "Asia/Tokyo" });
    expect(email.subject).toMatch(/respond by Saturday 28 November 2026, 4:05 am GMT\+9$/);
  });

  it("names a deadline only when the case needs something of the recipient", () => {
    const closed = renderEmail({
      ...NOTICE,
      kind: "case_closed",
      relation: "reporter",
      need: null,
    });
    expect(closed.subject).toBe("Your concern was closed by the compliance team (PC-000123)");
    expect(closed.text).not.toMatch(/needed by|due by/);
  });

  it("says when the deadline has already passed, for officers' overdue reminders", () => {
    const email = renderEmail({
      ...NOTICE,
      kind: "triage_overdue",
      relation: "officer",
      need: { need: "triage", dueAt: new Date(NOW.getTime() - DAY_MS) },
    });
    expect(email.subject).toBe(
      "A case is past its triage deadline (PC-000123) – overdue since Thursday 19 November 2026, 2:05 pm EST",
    );
    expect(email.text).toContain("that time has passed.");
  });

  it("reads without images and escapes the recipient's name", () => {
    const email = renderEmail({ ...NOTICE, recipientName: "<b>Eve</b> & Co" });
    expect(email.html).not.toMatch(/<img|background=|url\(/i);
    expect(email.html).toContain("&lt;b&gt;Eve&lt;/b&gt; &amp; Co");
  });

  it("is worded for every kind and every reader it reaches, with the reference and never an ISO date", () => {
    const relation = {
      reporter: "reporter",
      subject: "subject",
      officers: "officer",
      assignee: "officer",
      administrators: "admin",
    } as const;
    for (const kind of ALL_NOTIFICATION_KINDS) {
      for (const recipient of recipientsOf(kind)) {
        const email = renderEmail({ ...NOTICE, kind, relation: relation[recipient] });
        expect(email.subject, kind).toContain("(PC-000123)");
        expect(email.subject, kind).not.toMatch(/^An update/);
        expect(`${email.subject} ${email.text}`, kind).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);
      }
    }
  });

  it("offers the preferences page in reminders only, which can be turned off", () => {
    const reminder = renderEmail({ ...NOTICE, kind: "reminder_response_due" });
    expect(reminder.subject).toMatch(/^Reminder/);
    expect(reminder.text).toContain(PREFERENCES);
    const notice = renderEmail(NOTICE);
    expect(notice.text).not.toContain(PREFERENCES);
    expect(notice.text).toContain("cannot be turned off");
  });
});
