/**
 * The words of an account email: a link to set one's password, after a reset was asked
 * for or for a new account. It carries the link and nothing about any case.
 */
import type { AccountTokenPurpose } from "@/db/schema";
import { formatDateTime } from "@/lib/domain/date-words";
import type { EmailContent } from "./render-email";

export interface AccountEmailInput {
  recipientName: string;
  purpose: AccountTokenPurpose;
  link: string;
  expiresAt: Date;
  timeZone: string;
}

export function renderAccountEmail(input: AccountEmailInput): EmailContent {
  const until = formatDateTime(input.expiresAt, input.timeZone);
  const words =
    input.purpose === "password_reset"
      ? {
          subject: "Reset your Peer Concerns password",
          lead: "Someone, hopefully you, asked to reset the password of your Peer Concerns account. To choose a new password, open this link:",
          after: `The link works once, until ${until}. If you did not ask for it, ignore this email: your password stays as it is.`,
        }
      : {
          subject: "Your Peer Concerns account: set your password",
          lead: "An account on Peer Concerns has been created for you. To choose your password and sign in, open this link:",
          after: `The link works once, until ${until}. If it has expired, ask your administrator to send a new one.`,
        };
  const text = [
    `Dear ${input.recipientName},`,
    "",
    words.lead,
    "",
    input.link,
    "",
    words.after,
    "",
    "Nobody at Peer Concerns will ever ask you for your password.",
    "",
    "Peer Concerns",
  ].join("\n");
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(words.subject)}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1e293b; margin: 0; padding: 24px;">
<p>Dear ${escapeHtml(input.recipientName)},</p>
<p>${escapeHtml(words.lead)}</p>
<p><a href="${escapeHtml(input.link)}" style="color: #1d4ed8; font-weight: bold;">${input.purpose === "password_reset" ? "Choose a new password" : "Set your password"}</a></p>
<p style="font-size: 14px;">Or copy this address into your browser: ${escapeHtml(input.link)}</p>
<p>${escapeHtml(words.after)}</p>
<p style="font-size: 14px; color: #475569;">Nobody at Peer Concerns will ever ask you for your password.</p>
<p>Peer Concerns</p>
</body>
</html>`;
  return { subject: words.subject, text, html };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
