import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { escalatedCase } from "./concerns";
import { setWorkflowSettings, withE2eDatabase } from "./database";
import { confirmStep, DEMO, formAlert, personSignedIn } from "./support";

const GEORGE = "george.lindqvist@hospital.example";
const CHLOE = "chloe.nguyen@hospital.example";
const DAVID = "david.levi@hospital.example";
const ELENA = "elena.rossi@hospital.example";

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

async function referenceOn(page: Page): Promise<string> {
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  return heading!.match(/PC-\d{6}/)![0];
}

test("two officers claim the same case at once: one holds it, the other is told who does", async ({
  browser,
}) => {
  // Not Ben Carter or Amara Okafor: the workflow journeys count Ben's unread notifications
  // and expect one queue row for Amara.
  const { concernId } = await escalatedCase(browser, ELENA, {
    name: "Chloe Nguyen",
    email: CHLOE,
  });
  const farah = await personSignedIn(browser, DEMO.officer);
  const george = await personSignedIn(browser, GEORGE);
  await farah.page.goto(`/compliance/cases/${concernId}`);
  await george.page.goto(`/compliance/cases/${concernId}`);
  const farahClaim = farah.page.getByRole("button", { name: "Claim this case" });
  const georgeClaim = george.page.getByRole("button", { name: "Claim this case" });
  await expect(farahClaim).toBeVisible();
  await expect(georgeClaim).toBeVisible();

  // Both press at the same moment; the database lets exactly one through.
  await Promise.all([farahClaim.click(), georgeClaim.click()]);
  const outcomes = await Promise.all(
    [farah.page, george.page].map(async (page) => {
      const won = page.getByText("You hold this case now.");
      const lost = formAlert(page).filter({ hasText: /assigned to/ });
      await expect(won.or(lost)).toBeVisible();
      return (await won.isVisible()) ? "won" : ((await lost.textContent()) ?? "");
    }),
  );
  expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
  const winner = outcomes[0] === "won" ? "Farah Haddad" : "George Lindqvist";
  const loserMessage = outcomes.find((o) => o !== "won")!;
  expect(loserMessage).toContain(`assigned to ${winner}`);

  // The queue shows who holds it.
  await george.page.goto(`/compliance?q=${await referenceOn(farah.page)}`);
  const row = george.page.getByRole("row", { name: /Dr Chloe Nguyen/ });
  await expect(row).toContainText(outcomes[1] === "won" ? "You" : winner);
});

test("an officer opens a case, asks the colleague, gets the answer, decides, and exports it", async ({
  browser,
}) => {
  const { concernId, reporter, colleague } = await escalatedCase(browser, DEMO.physician, {
    name: "David Levi",
    email: DAVID,
  });
  const officer = await personSignedIn(browser, GEORGE);
  await officer.page.goto(`/compliance/cases/${concernId}`);
  const reference = await referenceOn(officer.page);
  // Opening the file is on its record, with who opened it: in the access log, not as a
  // timeline entry per reload.
  const history = officer.page.getByRole("list", { name: "Case history" });
  await expect(officer.page.getByRole("region", { name: "Access log" })).toContainText(
    /You \(.+\): opened once/,
  );
  await expect(history.getByText("Case file opened")).toHaveCount(0);
  await expect(
    officer.page.getByText("Dr Amara Okafor (amara.okafor@hospital.example)"),
  ).toBeVisible();

  await officer.page.getByRole("button", { name: "Claim this case" }).click();
  await expect(officer.page.getByText("You hold this case now.")).toBeVisible();
  await officer.page
    .getByLabel("New internal note")
    .fill("Check whether the ward is identifiable.");
  await officer.page.getByRole("button", { name: "Add note" }).click();
  await expect(officer.page.getByText("Note added.")).toBeVisible();

  await officer.page.getByRole("radio", { name: "The colleague concerned" }).check();
  await officer.page
    .getByRole("textbox", { name: /^Question/ })
    .fill("Which ward does the post describe?");
  await officer.page.getByRole("button", { name: "Send question" }).click();
  await expect(officer.page.getByText("Question sent.")).toBeVisible();

  // The colleague sees the question in their own view of the case, and answers there.
  await colleague.page.goto(`/notices/${concernId}`);
  await expect(colleague.page.getByText("Which ward does the post describe?")).toBeVisible();
  await expect(colleague.page.getByText("Check whether the ward")).toHaveCount(0);
  await expect(colleague.page.getByText("Dr Amara Okafor")).toHaveCount(0);
  await colleague.page.getByLabel("Your answer").fill("None: it was an invented ward.");
  await colleague.page.getByRole("button", { name: "Send answer" }).click();
  await expect(colleague.page.getByText("Your answer has been sent")).toBeVisible();
  // The reporter was not asked, and sees neither the question nor the note.
  await reporter.page.goto(`/concerns/${concernId}`);
  await expect(reporter.page.getByText("Which ward does the post describe?")).toHaveCount(0);
  await expect(reporter.page.getByText("Check whether the ward")).toHaveCount(0);

  await officer.page.reload();
  await expect(history.getByText("Information provided")).toBeVisible();
  await expect(history.getByText("None: it was an invented ward.")).toBeVisible();

  await officer.page.getByLabel("No violation").check();
  await officer.page
    .getByLabel("Rationale")
    .fill("The ward is invented; no patient is identifiable.");
  await confirmStep(officer.page, "Close the case…", "Close case with this outcome");
  await expect(officer.page.getByText("Case closed. Both parties have been told.")).toBeVisible();
  await colleague.page.reload();
  await expect(
    colleague.page.locator("header").getByText("Closed by the compliance team"),
  ).toBeVisible();

  for (const format of ["PDF", "CSV"]) {
    const [download] = await Promise.all([
      officer.page.waitForEvent("download"),
      officer.page.getByRole("link", { name: `Download ${format}`, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(
        `^${reference}-case-file-without-notes-\\d{4}-\\d\\d-\\d\\d\\.${format.toLowerCase()}$`,
      ),
    );
    const content = await readFile((await download.path())!);
    if (format === "PDF") expect(content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(content.toString("latin1")).toContain(reference);
    if (format === "CSV") {
      expect(content.toString("utf8")).toContain("None: it was an invented ward.");
      expect(content.toString("utf8")).not.toContain("Check whether the ward");
    }
  }
  await officer.page.reload();
  await expect(history.getByText("Case file exported")).toHaveCount(2);

  // An administrator reopens it by reference, without seeing the case.
  const admin = await personSignedIn(browser, DEMO.admin);
  await admin.page.goto("/admin/reopen-case");
  await admin.page.getByLabel("Case reference").fill(reference);
  await admin.page.getByLabel("Reason for reopening").fill("The colleague appealed the decision.");
  await admin.page.getByRole("button", { name: "Reopen case" }).click();
  await expect(admin.page.getByText(`${reference} is reopened`)).toBeVisible();
  await expect(admin.page.getByText("invented ward")).toHaveCount(0);
  await officer.page.reload();
  await expect(officer.page.locator("header").getByText("Waiting for an officer")).toBeVisible();
  await expect(history.locator("li").filter({ hasText: "Case reopened" })).toContainText(
    "The colleague appealed the decision.",
  );
});

async function accessEventsFor(concernId: string): Promise<string[]> {
  const { rows } = await withE2eDatabase((client) =>
    client.query<{ action: string }>(
      `select action from audit_events
        where entity_id = $1 and action in ('case_viewed', 'case_exported') order by id`,
      [concernId],
    ),
  );
  return rows.map((row) => row.action);
}

test("a link from another site to a case file or an export records nothing and downloads nothing", async ({
  browser,
}) => {
  const { concernId } = await escalatedCase(browser, CHLOE, {
    name: "David Levi",
    email: DAVID,
  });
  const officer = await personSignedIn(browser, GEORGE);
  const crossSite = { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" };
  const interstitial = await officer.page.request.get(`/compliance/cases/${concernId}`, {
    headers: crossSite,
  });
  expect(interstitial.status()).toBe(200);
  const html = await interstitial.text();
  expect(html).toContain("Open the case file");
  expect(html).not.toContain("It names a real ward");
  for (const format of ["pdf", "csv?notes=include"]) {
    const download = await officer.page.request.get(
      `/compliance/cases/${concernId}/export/${format}`,
      { headers: crossSite, maxRedirects: 0 },
    );
    expect(download.status(), format).toBe(403);
    expect(download.headers()["content-disposition"], format).toBeUndefined();
  }
  expect(await accessEventsFor(concernId)).toEqual([]);

  // The same link on another site, followed in a browser: a page with one button, and the
  // file only after it.
  const caseUrl = new URL(`/compliance/cases/${concernId}`, officer.page.url()).href;
  await officer.page.route("https://elsewhere.example/", (route) =>
    route.fulfill({ contentType: "text/html", body: `<a href="${caseUrl}">a case</a>` }),
  );
  await officer.page.goto("https://elsewhere.example/");
  await officer.page.getByRole("link", { name: "a case" }).click();
  await expect(officer.page.getByRole("button", { name: "Open the case file" })).toBeVisible();
  expect(await accessEventsFor(concernId)).toEqual([]);
  await officer.page.getByRole("button", { name: "Open the case file" }).click();
  await expect(officer.page.getByRole("region", { name: "Access log" })).toBeVisible();
  expect(await accessEventsFor(concernId)).toEqual(["case_viewed"]);
});

test("a physician cannot reach any officer page or export, even with the case's address", async ({
  browser,
}) => {
  const { concernId, reporter } = await escalatedCase(browser, CHLOE, {
    name: "Elena Rossi",
    email: ELENA,
  });
  for (const path of [
    "/compliance",
    "/compliance/insights",
    `/compliance/cases/${concernId}`,
    `/compliance/cases/${concernId}/export/pdf`,
    `/compliance/cases/${concernId}/export/csv?notes=include`,
  ]) {
    const response = await reporter.page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
    expect(await response.text(), path).not.toContain("It names a real ward");
  }
  // An administrator is no case reader either.
  const admin = await personSignedIn(browser, DEMO.admin);
  for (const path of [
    `/compliance/cases/${concernId}`,
    `/compliance/cases/${concernId}/export/pdf`,
  ]) {
    expect((await admin.page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
});

test("the queue filters by what officers ask for and explains a tampered filter", async ({
  browser,
}) => {
  const officer = await personSignedIn(browser, DEMO.officer);
  await officer.page.goto("/compliance?sort=random()&platform=myspace");
  await expect(officer.page.getByText("Choose a listed order.")).toBeVisible();
  await expect(officer.page.getByText("Choose a listed platform.")).toBeVisible();
  await officer.page.getByLabel("Assigned to").selectOption("unassigned");
  await officer.page.getByLabel("Order").selectOption("due");
  await officer.page.getByRole("button", { name: "Apply" }).click();
  await expect(officer.page).toHaveURL(/assignee=unassigned/);
  await expect(officer.page).toHaveURL(/sort=due/);
  await expect(officer.page.getByText("Choose a listed order.")).toHaveCount(0);
});
