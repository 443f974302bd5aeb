/**
 * How long to wait before trying an email again after each failed attempt. Short at
 * first, so a mail server that restarts gets its backlog within minutes, then longer,
 * so an outage of hours is still covered: 12 attempts over about eight hours. After
 * the last one the delivery is failed and shown to administrators.
 */
const DELAYS_SECONDS = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400] as const;

export const EMAIL_MAX_ATTEMPTS = DELAYS_SECONDS.length + 1;

/** The wait after the given number of failed attempts (1 = the first failed), or null after the last. */
export function retryDelayMs(failedAttempts: number): number | null {
  if (failedAttempts >= EMAIL_MAX_ATTEMPTS) return null;
  return DELAYS_SECONDS[Math.max(0, failedAttempts - 1)]! * 1000;
}
