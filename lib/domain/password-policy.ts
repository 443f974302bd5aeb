// Shared by the password forms' hints and the server's schemas; free of zod, so a form's
// browser bundle does not carry the schemas.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// Characters that take no visible place: zero-width spaces and joiners, the BOM, soft
// hyphens. Twelve of them are not a password of twelve characters.
const INVISIBLE_ONLY = /^[\p{Cf}\p{Cc}]+$/u;

/** Characters a person actually typed and sees, counting a composed emoji as one. */
export function visibleLength(password: string): number {
  return [...new Intl.Segmenter().segment(password)].filter(
    ({ segment }) => !INVISIBLE_ONLY.test(segment),
  ).length;
}

/**
 * Why a new password is refused, or null when it is acceptable. Length is what matters
 * (NIST SP 800-63B): no composition rules, but not the person's own email address.
 */
export function newPasswordProblem(password: string, email?: string): string | null {
  if (visibleLength(password) < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH)
    return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return "Do not use your email address as your password.";
  }
  return null;
}
