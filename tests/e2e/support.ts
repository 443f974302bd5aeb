import { type Browser, type Cookie, expect, type Locator, type Page } from "@playwright/test";
import { freshCode, hasSecret, rememberSecret } from "./two-factor-codes";

export const DEMO_PASSWORD = "demo-password-1";

export const DEMO = {
  physician: "amara.okafor@hospital.example",
  otherPhysician: "ben.carter@hospital.example",
  officer: "farah.haddad@hospital.example",
  admin: "hana.sato@hospital.example",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await passSecondFactor(page, email);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/**
 * After the password: nothing more for someone without two-factor sign-in; a code for
 * someone with it; and for someone who must have it but has not, setting it up as a
 * person would, keeping the key shown for their later sign-ins.
 */
export async function passSecondFactor(page: Page, email: string): Promise<void> {
  await expect(page).not.toHaveURL(/\/sign-in(\?.*)?$/);
  if (/\/sign-in\/two-factor\/set-up/.test(page.url())) {
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    rememberSecret(email, (await page.locator("li code").first().textContent()) ?? "");
    await page.getByLabel("Code from your authenticator app").fill(await freshCode(email));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.getByRole("link", { name: "I have kept them: continue" }).click();
  } else if (/\/sign-in\/two-factor/.test(page.url())) {
    await page.getByLabel(/Code from your authenticator app/).fill(await freshCode(email));
    await page.getByRole("button", { name: "Continue" }).click();
  }
}

/**
 * A browser context of its own: separate cookies, as a separate person's browser. Someone
 * with two-factor sign-in gets the session they signed in with last, while it still
 * holds (a journey may have signed it out): each time step's code is accepted only once,
 * so signing the same officer in afresh for every journey would wait for the next step.
 */
export async function personSignedIn(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const kept = twoFactorSessions.get(email);
  if (kept) {
    await context.addCookies(kept);
    await page.goto("/");
    if (!/\/sign-in/.test(page.url())) return { context, page };
    await context.clearCookies();
  }
  await signIn(page, email, password);
  if (hasSecret(email)) twoFactorSessions.set(email, await context.cookies());
  return { context, page };
}

const twoFactorSessions = new Map<string, Cookie[]>();

/** The form's own message; Next.js adds an empty route announcer with role=alert too. */
export function formAlert(page: Page) {
  return page.locator("form").getByRole("alert");
}

/**
 * An irreversible step asks first (components/ui/confirm-step.tsx): open it with the
 * question's words, then press the button that does it.
 */
export async function confirmStep(
  scope: Page | Locator,
  ask: string | RegExp,
  button: string,
): Promise<void> {
  await scope.locator("summary", { hasText: ask }).click();
  await scope.getByRole("button", { name: button, exact: true }).click();
}
