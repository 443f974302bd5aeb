import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls until `done` holds: for work another process or worker does. The timeout only
 * turns a hang into a failure; nothing is asserted about how long it took.
 */
export async function waitUntil(
  done: () => Promise<boolean>,
  timeoutMs: number,
  what = "the condition",
): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > giveUpAt) throw new Error(`Gave up waiting for ${what}.`);
    await sleep(50);
  }
}
