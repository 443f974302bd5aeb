import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { givePassword } from "./database";
import { confirmStep, DEMO, formAlert, passSecondFactor, personSignedIn, signIn } from "./support";

test.describe("signing in", () => {
  for (const [role, email, home, heading] of [
    ["physician", DEMO.physician, "/concerns", "My concerns"],
    ["compliance officer", DEMO.officer, "/compliance", "Compliance queue"],
    ["administrator", DEMO.admin, "/admin/users", "Users"],
  ] as const) {
    test(`a ${role} signs in and lands on their home page`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(home);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    });
  }

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO.physician);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("Incorrect email or password.");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/concerns");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a signed-out visitor is sent to sign in and then back to the page they asked for", async ({
    page,
  }) => {
    await page.goto("/admin/departments");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fdepartments/);
    await page.getByLabel("Email").fill(DEMO.admin);
    await page.getByLabel("Password").fill("demo-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    // Through the two-factor step, which keeps the page asked for.
    await expect(page).toHaveURL(/\/sign-in\/two-factor\?callbackUrl=%2Fadmin%2Fdepartments/);
    await passSecondFactor(page, DEMO.admin);
    await expect(page).toHaveURL("/admin/departments");
  });

  for (const callbackUrl of [
    "/%09/evil.example/",
    "/%0A/evil.example/",
    "/%20/evil.example/",
    "/%5Cevil.example/",
    "/%252F/evil.example/",
    "%2F%2Fevil.example/",
  ]) {
    test(`signing in from ?callbackUrl=${callbackUrl} stays on this site`, async ({
      page,
      baseURL,
    }) => {
      await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
      await page.getByLabel("Email").fill(DEMO.physician);
      await page.getByLabel("Password").fill("demo-password-1");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL("/concerns");
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }
});

test.describe("access", () => {
  test("a physician opening an admin page is refused", async ({ page }) => {
    await signIn(page, DEMO.physician);
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(
      page.getByRole("heading", { name: "You do not have access to this page" }),
    ).toBeVisible();
    await expect(page.getByText("hana.sato@hospital.example")).toHaveCount(0);
  });

  test("a deactivated person's open session is refused on its next request", async ({
    browser,
  }) => {
    const email = `e2e-${randomBytes(4).toString("hex")}@hospital.example`;
    const password = "an e2e password 123";
    const admin = await personSignedIn(browser, DEMO.admin);
    await admin.page.goto("/admin/users/new");
    await admin.page.getByLabel("Full name").fill("Dr Soon Gone");
    await admin.page.getByLabel("Email").fill(email);
    await admin.page.getByRole("button", { name: "Create account" }).click();
    await expect(admin.page.getByRole("status")).toHaveText("Account created.");
    await givePassword(email, password);

    const doctor = await personSignedIn(browser, email, password);
    await expect(doctor.page).toHaveURL("/concerns");

    await confirmStep(admin.page, "Deactivate account…", "Deactivate account");
    await expect(
      admin.page.getByText("Account deactivated. Their sessions have ended."),
    ).toBeVisible();

    await doctor.page.reload();
    await expect(doctor.page).toHaveURL(/\/sign-in/);
    await doctor.page.getByLabel("Email").fill(email);
    await doctor.page.getByLabel("Password").fill(password);
    await doctor.page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(doctor.page)).toHaveText(
      "This account has been deactivated. Contact your administrator.",
    );
  });

  test("after signing out, a replayed session cookie is refused", async ({ browser }) => {
    const { context, page } = await personSignedIn(browser, DEMO.otherPhysician);
    const cookies = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/concerns");
    await expect(replayPage).toHaveURL(/\/sign-in/);
  });
});

test.describe("administration", () => {
  test("a duplicate email is explained next to the field and nothing is created", async ({
    page,
  }) => {
    await signIn(page, DEMO.admin);
    await page.goto("/admin/users/new");
    await page.getByLabel("Full name").fill("Dr Duplicate");
    await page.getByLabel("Email").fill(DEMO.physician.toUpperCase());
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#email-error")).toHaveText(
      "An account with this email already exists.",
    );
    await page.goto("/admin/users?q=Duplicate");
    await expect(page.getByText("No accounts match these filters.")).toBeVisible();
  });
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ database: "reachable" });
});
