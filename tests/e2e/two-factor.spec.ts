import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { act, passwordOnlySession } from "./authorisation-matrix-world";
import { givePassword, withE2eDatabase } from "./database";
import { formArgs } from "./server-actions";
import { confirmStep, DEMO, DEMO_PASSWORD, personSignedIn, signIn } from "./support";
import { freshCode, rememberSecret } from "./two-factor-codes";

test("an officer signs in with the password and then a code from the app; a wrong code is refused", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.officer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();

  await page.getByLabel(/Code from your authenticator app/).fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#code-error")).toContainText("That code is not right");
  await page.goto("/compliance");
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);

  await page.getByLabel(/Code from your authenticator app/).fill(await freshCode(DEMO.officer));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL("/compliance");
  await expect(page.getByRole("heading", { level: 1, name: "Compliance queue" })).toBeVisible();
});

test("an officer's password-only session is refused by a page, a route handler and a server action", async ({
  baseURL,
}) => {
  const world = { baseURL: baseURL! };
  const cookie = await passwordOnlySession(world, DEMO.officer);
  const get = (path: string) =>
    fetch(new URL(path, baseURL), { redirect: "manual", headers: { Cookie: cookie } });

  const page = await get("/compliance");
  expect(page.status).toBe(307);
  expect(page.headers.get("location")).toMatch(/\/sign-in\/two-factor$/);
  expect(await page.text()).not.toContain("Compliance queue</h1>");

  const [concern] = await withE2eDatabase(
    async (db) => (await db.query<{ id: string }>("select id::text from concerns limit 1")).rows,
  );
  const download = await get(`/compliance/cases/${concern?.id ?? randomUUID()}/export/csv`);
  expect(download.status).toBe(307);
  expect(download.headers.get("location")).toMatch(/\/sign-in$/);
  expect(download.headers.get("content-disposition")).toBeNull();

  const footprint = () =>
    withE2eDatabase(async (db) =>
      JSON.stringify(
        (
          await db.query(
            "select count(*)::int as n from audit_events where actor_id = (select id from users where email = $1)",
            [DEMO.officer],
          )
        ).rows,
      ),
    );
  const before = await footprint();
  const answer = await act(
    world,
    "app/(app)/compliance/actions.ts#claimCaseAction",
    cookie,
    "/compliance",
    formArgs({ concernId: concern?.id ?? randomUUID() }),
  );
  expect(answer.redirectedTo).toBe("/sign-in/two-factor");
  expect(answer.returned).toBeNull();
  expect(await footprint()).toBe(before);
});

test("a physician sets up two-factor sign-in of their own accord, is asked for a code next time, and turns it off", async ({
  browser,
}) => {
  const email = `e2e-2fa-${randomBytes(4).toString("hex")}@hospital.example`;
  const password = "an e2e password 123";
  const admin = await personSignedIn(browser, DEMO.admin);
  await admin.page.goto("/admin/users/new");
  await admin.page.getByLabel("Full name").fill("Dr Careful Person");
  await admin.page.getByLabel("Email").fill(email);
  await admin.page.getByRole("button", { name: "Create account" }).click();
  await expect(admin.page.getByRole("status")).toHaveText("Account created.");
  await admin.context.close();
  // As if the invitation were accepted: the account's own password, set outside the form.
  await givePassword(email, password);

  const doctor = await personSignedIn(browser, email, password);
  await expect(doctor.page).toHaveURL("/concerns");
  await doctor.page.goto("/preferences/two-factor");
  await expect(doctor.page.getByText("It is optional for you.")).toBeVisible();
  await doctor.page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const key = (await doctor.page.locator("li code").first().textContent()) ?? "";
  rememberSecret(email, key);
  await expect(
    doctor.page.getByRole("link", { name: "open it in your authenticator app" }),
  ).toHaveAttribute("href", /^otpauth:\/\/totp\/.*secret=/);
  await doctor.page.getByLabel("Code from your authenticator app").fill(await freshCode(email));
  await doctor.page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = doctor.page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(doctor.page.getByText("You have 10 unused recovery codes.")).toBeVisible();

  // The next sign-in asks for a code; a recovery code does instead.
  const recoveryCode = (await codes.first().textContent()) ?? "";
  await doctor.page.getByRole("button", { name: "Sign out" }).click();
  await doctor.page.getByLabel("Email").fill(email);
  await doctor.page.getByLabel("Password").fill(password);
  await doctor.page.getByRole("button", { name: "Sign in" }).click();
  await expect(doctor.page).toHaveURL(/\/sign-in\/two-factor/);
  await doctor.page.getByLabel(/Code from your authenticator app/).fill(recoveryCode);
  await doctor.page.getByRole("button", { name: "Continue" }).click();
  await expect(doctor.page).toHaveURL("/concerns");

  await doctor.page.goto("/preferences/two-factor");
  await expect(doctor.page.getByText("You have 9 unused recovery codes.")).toBeVisible();
  await doctor.page.getByLabel("Code from your authenticator app").fill(await freshCode(email));
  await confirmStep(doctor.page, "Turn off two-factor sign-in", "Turn it off");
  await expect(doctor.page.getByRole("status")).toHaveText("Two-factor sign-in is off.");

  await doctor.context.close();
  const again = await browser.newContext();
  await signIn(await again.newPage(), email, password);
  await again.close();
});
