import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { generate } from "otplib";
import { DEMO_ACCOUNTS } from "../../db/seed/demo-organisation";
import { TIME_STEP_SECONDS } from "../../lib/domain/two-factor";
import { e2eServer } from "./e2e-server";

/**
 * Authenticator apps for the journeys: the demo organisation's published keys, and the
 * keys of people the journeys enrolled. The app accepts each time step's code once, so
 * each code handed out is of a step not handed out before for that person: the current
 * one, else the next (which the app also accepts); only a third sign-in within one
 * step's 30 seconds waits. What was handed out is kept beside the run's database, so a
 * worker restarted after a failed test does not hand out a used code again.
 */
const statePath = () => `${e2eServer().dataDir}/authenticator.json`;

interface Authenticator {
  secrets: Record<string, string>;
  lastStep: Record<string, number>;
}

function load(): Authenticator {
  if (existsSync(statePath()))
    return JSON.parse(readFileSync(statePath(), "utf8")) as Authenticator;
  const secrets = Object.fromEntries(
    DEMO_ACCOUNTS.flatMap((account) =>
      account.twoFactorSecret ? [[account.email, account.twoFactorSecret]] : [],
    ),
  );
  return { secrets, lastStep: {} };
}

function save(state: Authenticator): void {
  mkdirSync(e2eServer().dataDir, { recursive: true });
  writeFileSync(statePath(), JSON.stringify(state));
}

export function rememberSecret(email: string, secret: string): void {
  const state = load();
  state.secrets[email.toLowerCase()] = secret.replace(/\s/g, "");
  delete state.lastStep[email.toLowerCase()];
  save(state);
}

export function hasSecret(email: string): boolean {
  return email.toLowerCase() in load().secrets;
}

export async function freshCode(email: string): Promise<string> {
  const key = email.toLowerCase();
  const state = load();
  const secret = state.secrets[key];
  if (!secret) throw new Error(`No authenticator key is known for ${email}.`);
  const now = () => Math.floor(Date.now() / 1000 / TIME_STEP_SECONDS);
  const step = Math.max(now(), (state.lastStep[key] ?? 0) + 1);
  while (step > now() + 1) await new Promise((resolve) => setTimeout(resolve, 1000));
  state.lastStep[key] = step;
  save(state);
  return generate({ secret, epoch: step * TIME_STEP_SECONDS });
}
