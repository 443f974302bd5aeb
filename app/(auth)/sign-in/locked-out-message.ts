/**
 * What someone whose sign-in is paused reads: when to try again, and whom to ask (the
 * contact in Settings) rather than guessing on. Said whether or not the password was
 * right: a paused attempt is not checked at all.
 */
export function lockedOutMessage(retryAt: Date, supportContact: string | null, now = new Date()) {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  const contact = supportContact?.trim()
    ? `If you cannot sign in, contact ${supportContact.trim()}.`
    : "If you cannot sign in, contact your organisation's IT service desk or your Peer Concerns administrator.";
  return `Too many failed sign-in attempts. For your account's safety, sign-in is paused: try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password by email. ${contact}`;
}
