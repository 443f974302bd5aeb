import { randomBytes } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO, formAlert, personSignedIn, signIn } from "./support";

// One person's account from invitation to lock-out, in order: each step needs the last.
test.describe.configure({ mode: "serial" });

const tag = randomBytes(4).toString("hex");
const PERSON = { name: `Dr Invited ${tag}`, email: `invited-${tag}@hospital.example` };
const FIRST_PASSWORD = "my own first password";
const SECOND_PASSWORD = "a changed password of mine";
const THIRD_PASSWORD = "reset by the emailed link";
const CONTACT = `IT service desk ${tag}, it-help@hospital.example, extension 4357`;

/** The link in the newest email to `to` whose text has `hasText`, read in the development mailbox. */
async function linkInMailbox(page: Page, to: string, hasText: string, path: string) {
  const entry = page
    .getByTestId("captured-email")
    .filter({ has: page.getByTestId("captured-email-to").getByText(to, { exact: true }) })
    .filter({ hasText });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(entry.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000, intervals: [1000] });
  const text = (await entry.first().locator("pre").textContent()) ?? "";
  // Nothing of any case: no reference, no description.
  expect(text).not.toMatch(/PC-\d{6}/);
  const match = new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(text);
  expect(match, text).not.toBeNull();
  return `${path}/${match![1]}`;
}

async function signedOutPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

async function setPassword(page: Page, password: string, button: string) {
  await page.getByLabel(/^New password(?! again)/).fill(password);
  await page.getByLabel(/^New password again/).fill(password);
  await page.getByRole("button", { name: button }).click();
}

test("a new account's person sets their own password from the emailed invitation", async ({
  browser,
}) => {
  const admin = await personSignedIn(browser, DEMO.admin);
  await admin.page.goto("/admin/users/new");
  await expect(admin.page.getByLabel(/password/i)).toHaveCount(0);
  await admin.page.getByLabel("Full name").fill(PERSON.name);
  await admin.page.getByLabel("Email").fill(PERSON.email);
  await admin.page.getByRole("button", { name: "Create account" }).click();
  await expect(admin.page.getByRole("status")).toHaveText("Account created.");
  await expect(admin.page.getByText(/has not set a password yet/)).toBeVisible();

  const link = await linkInMailbox(admin.page, PERSON.email, "set your password", "/invitation");
  const person = await signedOutPage(browser);
  await person.page.goto(link);
  await expect(person.page.getByRole("heading", { level: 1 })).toHaveText(
    "Welcome to Peer Concerns: set your password",
  );
  await setPassword(person.page, FIRST_PASSWORD, "Set my password");
  await expect(person.page).toHaveURL(/\/sign-in\?password=set$/);
  await expect(person.page.getByRole("status")).toHaveText(
    "Your password is set. Sign in with it.",
  );
  await signIn(person.page, PERSON.email, FIRST_PASSWORD);
  await expect(person.page).toHaveURL("/concerns");

  // The link worked once.
  await person.page.goto(link);
  await expect(person.page.getByRole("heading", { level: 1 })).toHaveText(
    "This invitation no longer works",
  );
  await admin.context.close();
  await person.context.close();
});

test("a person changes their password, and their other sessions end", async ({ browser }) => {
  const here = await personSignedIn(browser, PERSON.email, FIRST_PASSWORD);
  const elsewhere = await personSignedIn(browser, PERSON.email, FIRST_PASSWORD);
  await here.page.goto("/preferences/email");
  await here.page.getByRole("link", { name: "Change your password" }).click();
  await here.page.getByLabel(/^Current password/).fill(FIRST_PASSWORD);
  await here.page.getByLabel(/^New password(?! again)/).fill(SECOND_PASSWORD);
  await here.page.getByLabel(/^New password again/).fill(SECOND_PASSWORD);
  await here.page.getByRole("button", { name: "Change password" }).click();
  await expect(here.page.getByRole("status")).toHaveText(
    "Password changed. You stay signed in here; everywhere else you were signed out.",
  );
  await here.page.goto("/concerns");
  await expect(here.page).toHaveURL("/concerns");
  await elsewhere.page.goto("/concerns");
  await expect(elsewhere.page).toHaveURL(/\/sign-in/);
  await here.context.close();
  await elsewhere.context.close();
});

test("a forgotten password is reset by the emailed link, which works once", async ({ browser }) => {
  const person = await signedOutPage(browser);
  await person.page.goto("/sign-in");
  await person.page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(person.page).toHaveURL("/forgot-password");
  await person.page.getByLabel("Email").fill(PERSON.email);
  await person.page.getByRole("button", { name: "Email me a link" }).click();
  const said = person.page.getByRole("status");
  await expect(said).toContainText("If an account uses this email address");
  // An address without an account hears exactly the same.
  const words = await said.textContent();
  await person.page.goto("/forgot-password");
  await person.page.getByLabel("Email").fill(`nobody-${tag}@hospital.example`);
  await person.page.getByRole("button", { name: "Email me a link" }).click();
  await expect(person.page.getByRole("status")).toHaveText(words ?? "");

  const admin = await personSignedIn(browser, DEMO.admin);
  const link = await linkInMailbox(
    admin.page,
    PERSON.email,
    "reset the password",
    "/reset-password",
  );
  await person.page.goto(link);
  await setPassword(person.page, THIRD_PASSWORD, "Save the new password");
  await expect(person.page).toHaveURL(/\/sign-in\?password=reset$/);
  await signIn(person.page, PERSON.email, THIRD_PASSWORD);
  await person.page.goto(link);
  await expect(person.page.getByRole("heading", { level: 1 })).toHaveText(
    "This link no longer works",
  );
  await admin.context.close();
  await person.context.close();
});

test("the administrator sees the person's sign-ins and password events in the security log", async ({
  browser,
}) => {
  const admin = await personSignedIn(browser, DEMO.admin);
  await admin.page.goto("/admin/users");
  await admin.page.getByRole("link", { name: "Security log" }).first().click();
  await admin.page.getByLabel("Person's email").fill(PERSON.email);
  await admin.page.getByRole("button", { name: "Filter" }).click();
  const log = admin.page.getByRole("table");
  for (const what of [
    "Invitation sent",
    "Invitation accepted: password set",
    "Signed in",
    "Password changed",
    "Password reset link requested",
    "Password reset by emailed link",
  ]) {
    await expect(log.getByRole("cell", { name: what, exact: true }).first()).toBeVisible();
  }
  await admin.context.close();
});

test("a paused sign-in names whom to contact, as set in Settings", async ({ browser }) => {
  const admin = await personSignedIn(browser, DEMO.admin);
  await admin.page.goto("/admin/settings");
  await admin.page.getByLabel(/^Whom to contact when locked out/).fill(CONTACT);
  await admin.page.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.page.getByRole("status")).toBeVisible();
  await admin.context.close();

  const person = await signedOutPage(browser);
  await person.page.goto("/sign-in");
  for (let attempt = 0; attempt < 6; attempt++) {
    await person.page.getByLabel("Email").fill(PERSON.email);
    await person.page.getByLabel("Password").fill(`wrong guess ${attempt}`);
    await Promise.all([
      person.page.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().includes("/sign-in"),
      ),
      person.page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    await expect(person.page.getByLabel("Password")).toHaveValue("");
  }
  await expect(formAlert(person.page)).toHaveText(
    new RegExp(
      `^Too many failed sign-in attempts\\. .* If you cannot sign in, contact ${CONTACT.replace(/[.]/g, "\\.")}\\.$`,
    ),
  );
  await person.context.close();
});
