/**
 * The words of an email. It names the case's reference, the kind of thing that needs
 * attention and any deadline, in the recipient's time zone, so a person can tell from the
 * subject line whether it can wait; and nothing else of the case. An email can be
 * forwarded, read over a shoulder or land in a shared mailbox, so no description, post,
 * note, outcome, and no name but the recipient's own: the input has no field that could
 * carry them, and a confidential reporter can never be named in one.
 */
import { formatDateTime } from "@/lib/domain/date-words";
import { isOverdue } from "@/lib/domain/deadlines";
import { describeNeed, describeNeedBriefly, type Need } from "@/lib/domain/reader-words";
import { describeTopic, type RecipientRelation } from "./describe-notification";
import { isReminder, type NotificationKind } from "./notification-kinds";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface EmailInput {
  recipientName: string;
  kind: NotificationKind;
  relation: RecipientRelation;
  /**
   * The case's reference, "PC-000123": it identifies the case only to those who can open
   * it. Null for an alert about no case (the audit trail's integrity).
   */
  reference: string | null;
  /** What the case needs of the recipient now, and by when (waiting-on.ts); null for nothing. */
  need: { need: Need; dueAt: Date } | null;
  /** The recipient's zone (their own, else the organisation's). */
  timeZone: string;
  now: Date;
  /** Absolute link to the page where the recipient sees the update, after signing in. */
  link: string;
  /** Absolute link to the preferences page. */
  preferencesLink: string;
}

export function renderEmail(input: EmailInput): EmailContent {
  const { recipientName, kind, relation, reference, need, timeZone, now, link } = input;
  const topic = describeTopic(kind, relation);
  const due = need && formatDateTime(need.dueAt, timeZone);
  const passed = need !== null && isOverdue(need.dueAt, now);
  const subject = `${topic}${reference ? ` (${reference})` : ""}${
    need ? ` – ${passed ? "overdue since" : describeNeedBriefly(need.need)} ${due}` : ""
  }`;
  const lines = {
    what: reference ? `${topic}: case ${reference}.` : `${topic}.`,
    when: need
      ? `${describeNeed(need.need)} ${due}${passed ? ": that time has passed" : ""}.`
      : null,
    privacy: "For your privacy, this email contains no details of the case. Sign in to see them:",
    footer: isReminder(kind)
      ? "You receive reminders before deadlines. You can turn reminder emails off at"
      : "Messages like this one cannot be turned off, because they tell you about a step in a process you are part of.",
  };
  const text = [
    `Dear ${recipientName},`,
    "",
    lines.what,
    ...(lines.when ? [lines.when] : []),
    "",
    lines.privacy,
    "",
    link,
    "",
    isReminder(kind) ? `${lines.footer} ${input.preferencesLink}` : lines.footer,
    "",
    "Peer Concerns",
  ].join("\n");
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1e293b; margin: 0; padding: 24px;">
<p>Dear ${escapeHtml(recipientName)},</p>
<p>${escapeHtml(lines.what)}</p>
${lines.when ? `<p style="font-weight: bold;">${escapeHtml(lines.when)}</p>\n` : ""}<p>${escapeHtml(lines.privacy)}</p>
<p><a href="${escapeHtml(link)}" style="color: #1d4ed8; font-weight: bold;">Sign in to Peer Concerns to see ${reference ? `case ${escapeHtml(reference)}` : "it"}</a></p>
<p style="font-size: 14px;">Or copy this address into your browser: ${escapeHtml(link)}</p>
<p style="font-size: 14px; color: #475569;">${
    isReminder(kind)
      ? `You receive reminders before deadlines. You can <a href="${escapeHtml(input.preferencesLink)}" style="color: #1d4ed8;">turn reminder emails off</a>.`
      : escapeHtml(lines.footer)
  }</p>
<p>Peer Concerns</p>
</body>
</html>`;
  return { subject, text, html };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
