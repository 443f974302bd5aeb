/**
 * The words of an email. Deliberately empty of case content: an email can be forwarded,
 * read over a shoulder or land in a shared mailbox, so it says only whom it is for, that
 * something in Peer Concerns needs their attention, and where to sign in to see it. No
 * description, post, note, outcome, and no name but the recipient's own, so a confidential
 * reporter can never be named in one.
 */
import { isOverdueReminder, isReminder, type NotificationKind } from "./notification-kinds";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface EmailInput {
  recipientName: string;
  kind: NotificationKind;
  /** Absolute link to the page where the recipient sees the update, after signing in. */
  link: string;
  /** Absolute link to the email preferences page. */
  preferencesLink: string;
}

export function renderEmail({
  recipientName,
  kind,
  link,
  preferencesLink,
}: EmailInput): EmailContent {
  const reminder = isReminder(kind);
  const overdue = isOverdueReminder(kind);
  const subject = overdue
    ? "Reminder: a deadline has passed in Peer Concerns"
    : reminder
      ? "Reminder: a deadline is approaching in Peer Concerns"
      : "Something in Peer Concerns needs your attention";
  const lead = overdue
    ? "A deadline has passed on something in Peer Concerns that is waiting for you."
    : reminder
      ? "A deadline is approaching on something in Peer Concerns that is waiting for you."
      : "There is an update in Peer Concerns that needs your attention.";
  const footer = reminder
    ? `You receive reminders before deadlines. You can turn reminder emails off at ${preferencesLink}`
    : "Messages like this one cannot be turned off, because they tell you about a step in a process you are part of.";
  const text = [
    `Dear ${recipientName},`,
    "",
    lead,
    "For your privacy, this email contains no details. Sign in to see them:",
    "",
    link,
    "",
    footer,
    "",
    "Peer Concerns",
  ].join("\n");
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1e293b; margin: 0; padding: 24px;">
<p>Dear ${escapeHtml(recipientName)},</p>
<p>${escapeHtml(lead)}</p>
<p>For your privacy, this email contains no details. Sign in to see them:</p>
<p><a href="${escapeHtml(link)}" style="color: #1d4ed8; font-weight: bold;">Sign in to Peer Concerns</a></p>
<p style="font-size: 14px;">Or copy this address into your browser: ${escapeHtml(link)}</p>
<p style="font-size: 14px; color: #475569;">${
    reminder
      ? `You receive reminders before deadlines. You can <a href="${escapeHtml(preferencesLink)}" style="color: #1d4ed8;">turn reminder emails off</a>.`
      : escapeHtml(footer)
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
