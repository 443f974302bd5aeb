import { randomBytes } from "node:crypto";
import { type Browser, expect, test } from "@playwright/test";
import { heldCase, type Person, setUpStep, signInOverHttp } from "./authorisation-matrix-world";
import { approvePendingRoles, givePassword, withE2eDatabase } from "./database";
import { confirmStep, DEMO, personSignedIn } from "./support";

/**
 * Separation of duties: an officer steps aside from a case and it is out of their sight
 * while another officer decides it; an administrator cannot make herself an officer; an
 * officer role asked for by one administrator takes effect only when a second approves it.
 * People of this journey's own, so no other journey's queue or counts move.
 */

// The password signInOverHttp (the matrix's helper) signs in with.
const PASSWORD = "matrix-password-1";
const tag = randomBytes(3).toString("hex");
const baseURL = () => ({ baseURL: test.info().project.use.baseURL! });

async function createPerson(adminCookie: string, key: string, name: string, role: string) {
  const email = `separation-${key}-${tag}@hospital.example`;
  const [, id] = await setUpStep(
    baseURL(),
    "app/(app)/admin/users/actions.ts#createUserAction",
    adminCookie,
    "/admin/users/new",
    { name, email, departmentId: "", roles: role },
    /^\/admin\/users\/([0-9a-f-]{36})\?saved=created(?:_requested)?$/,
  );
  await approvePendingRoles(email);
  await givePassword(email, PASSWORD);
  return { id: id!, name, email, cookie: await signInOverHttp(baseURL(), email) };
}

async function pageFor(browser: Browser, person: Person) {
  const context = await browser.newContext();
  const [name, value] = person.cookie.split(/=(.*)/s) as [string, string];
  await context.addCookies([{ name, value, url: test.info().project.use.baseURL! }]);
  return context.newPage();
}

test("an officer steps aside from a case: it leaves their queue and their sight, and another officer decides it", async ({
  browser,
}) => {
  const admin = await signInOverHttp(baseURL(), DEMO.admin);
  const reporter = await createPerson(admin, "reporter", `Dr Rhea Vance ${tag}`, "physician");
  const subject = await createPerson(admin, "subject", `Dr Silas Moor ${tag}`, "physician");
  const stepping = await createPerson(
    admin,
    "stepping",
    `Officer Petra Lind ${tag}`,
    "compliance_officer",
  );
  const deciding = await createPerson(
    admin,
    "deciding",
    `Officer Omar Reyes ${tag}`,
    "compliance_officer",
  );
  const caseId = await heldCase(baseURL(), reporter, subject, stepping);

  const mine = await pageFor(browser, stepping);
  await mine.goto(`/compliance/cases/${caseId}`);
  const reference = /PC-\d{6}/.exec(
    (await mine.getByRole("heading", { level: 1 }).textContent())!,
  )![0];
  await mine
    .getByLabel("Why you are stepping aside")
    .fill("The colleague concerned is my brother-in-law.");
  await confirmStep(mine, "Step aside from this case…", "Step aside");
  await expect(mine).toHaveURL(/\/compliance\?done=recused$/);
  await expect(mine.getByRole("status")).toContainText("You have stepped aside from the case");
  await mine.goto(`/compliance?state=all&q=${reference}`);
  await expect(mine.getByRole("link", { name: reference })).toHaveCount(0);
  // Not found, by its address, its export or its timeline.
  await mine.goto(`/compliance/cases/${caseId}`);
  await expect(mine.getByRole("heading", { level: 1 })).toHaveText("Not found");
  const exported = await mine.request.get(`/compliance/cases/${caseId}/export/pdf`);
  expect(exported.status()).toBe(404);

  const theirs = await pageFor(browser, deciding);
  await theirs.goto("/notifications");
  await expect(theirs.locator("main")).toContainText("An officer stepped aside");
  await theirs.goto(`/compliance?q=${reference}`);
  await theirs.getByRole("link", { name: reference }).click();
  await expect(theirs.getByTestId("assignee")).toHaveText("Nobody");
  await expect(theirs.locator("main")).toContainText("An officer stepped aside from the case");
  await expect(theirs.locator("main")).toContainText("my brother-in-law");
  // The officer who stepped aside cannot be given the case.
  const picker = theirs.getByLabel("Assign to");
  await expect(picker.locator("option", { hasText: stepping.name })).toHaveCount(0);
  await expect(picker.locator("option", { hasText: deciding.name })).toHaveCount(1);
  await theirs.getByRole("button", { name: "Claim this case" }).click();
  await expect(theirs.getByTestId("assignee")).toContainText(deciding.name);
  await theirs.getByLabel("No violation").check();
  await theirs.getByLabel("Rationale").fill("The post names nobody and was removed within a day.");
  await confirmStep(theirs, "Close the case…", "Close case with this outcome");
  await expect(theirs.getByRole("status")).toContainText("Case closed.");
  await mine.context().close();
  await theirs.context().close();
});

test("an administrator cannot make herself an officer, and one she asks for another takes effect only when a second administrator approves it", async ({
  browser,
}) => {
  const hana = await personSignedIn(browser, DEMO.admin);
  const hanaId = await withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>("select id from users where email = $1", [
      DEMO.admin,
    ]);
    return rows[0]!.id;
  });
  await hana.page.goto(`/admin/users/${hanaId}`);
  await hana.page.getByRole("checkbox", { name: /^Compliance officer/ }).check();
  await hana.page.getByRole("button", { name: "Save changes" }).click();
  await expect(hana.page.locator("main")).toContainText(
    "You cannot give yourself a role. Ask another administrator.",
  );
  await hana.page.goto(`/admin/users/${hanaId}`);
  await expect(hana.page.getByRole("checkbox", { name: /^Compliance officer/ })).not.toBeChecked();
  await expect(hana.page.getByRole("link", { name: "Compliance queue" })).toHaveCount(0);
  expect((await hana.page.request.get("/compliance")).status()).toBe(403);

  // A second administrator, and a physician Hana asks to make an officer.
  const second = {
    name: `Admin Ida Berg ${tag}`,
    email: `separation-admin-${tag}@hospital.example`,
  };
  const officer = {
    name: `Dr Nils Ek ${tag}`,
    email: `separation-officer-${tag}@hospital.example`,
  };
  for (const [person, role] of [
    [second, /^Administrator/],
    [officer, /^Compliance officer/],
  ] as const) {
    await hana.page.goto("/admin/users/new");
    await hana.page.getByLabel("Full name").fill(person.name);
    await hana.page.getByLabel("Email").fill(person.email);
    await hana.page.getByRole("checkbox", { name: role }).check();
    await hana.page.getByRole("button", { name: "Create account" }).click();
    await expect(hana.page).toHaveURL(/saved=created_requested/);
    await givePassword(person.email, PASSWORD);
  }
  await expect(hana.page.getByRole("status")).toContainText(
    "The compliance officer and administrator roles take effect only when another administrator or a compliance officer approves them",
  );
  // Hana's second administrator is one only once someone else approves (here, Farah).
  await approvePendingRoles(second.email);
  await expect(hana.page.locator("main")).toContainText("Waiting for approval: Compliance officer");

  // Until approved, the physician is no officer.
  const nils = await personSignedIn(browser, officer.email, PASSWORD);
  await expect(nils.page).toHaveURL(/\/concerns$/);
  expect((await nils.page.request.get("/compliance")).status()).toBe(403);

  // Hana asked, so Hana cannot approve.
  await hana.page.getByRole("link", { name: "Role requests" }).first().click();
  const hanasRow = hana.page.getByRole("row").filter({ hasText: officer.name });
  await expect(hanasRow).toContainText("You asked for this, so someone else decides.");
  await expect(hanasRow.getByRole("button")).toHaveCount(0);

  const ida = await personSignedIn(browser, second.email, PASSWORD);
  await ida.page.goto("/role-requests");
  const row = ida.page.getByRole("row").filter({ hasText: officer.name });
  await expect(row).toContainText("Compliance officer");
  await expect(row).toContainText(/Sato/);
  await confirmStep(row, "Approve…", `Approve the compliance officer role for ${officer.name}`);
  await expect(ida.page.getByRole("status")).toContainText("Approved.");
  await expect(ida.page.getByRole("row").filter({ hasText: officer.name })).toHaveCount(0);

  // Now an officer: signing in again, with two-factor sign-in as officers must.
  await nils.context.close();
  const officerNow = await personSignedIn(browser, officer.email, PASSWORD);
  await officerNow.page.goto("/compliance");
  await expect(officerNow.page.getByRole("heading", { name: "Compliance queue" })).toBeVisible();

  // Recorded, with who decided.
  await hana.page.goto(`/admin/security-log?email=${encodeURIComponent(officer.email)}`);
  await expect(hana.page.locator("main")).toContainText("Role approved and granted");
  await expect(hana.page.locator("main")).toContainText("Role asked for");
  for (const person of [hana, ida, officerNow]) await person.context.close();
});
