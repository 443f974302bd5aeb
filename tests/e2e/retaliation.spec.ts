import { expect, type Page, test } from "@playwright/test";
import { fileConcernThroughForm, uniquePostUrl } from "./concerns";
import { setWorkflowSettings } from "./database";
import { confirmStep, personSignedIn } from "./support";

const CHLOE = "chloe.nguyen@hospital.example";
const DAVID = "david.levi@hospital.example";
const GEORGE = "george.lindqvist@hospital.example";

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

/** The case's number as its page shows it, e.g. PC-000123. */
async function caseNumber(page: Page): Promise<string> {
  const text = (await page.locator("main").textContent()) ?? "";
  return text.match(/PC-\d{6}/)![0];
}

async function disputeAndEscalate(reporter: Page, subject: Page, concernId: string) {
  await subject.goto(`/notices/${concernId}`);
  await subject.getByLabel("Your explanation").fill("That account is not mine at all.");
  await subject.getByRole("button", { name: "Send explanation" }).click();
  await expect(subject.getByText("Your explanation has been sent.")).toBeVisible();

  await reporter.goto(`/concerns/${concernId}`);
  const escalate = reporter.locator("form").filter({ hasText: "Escalate to compliance" });
  await escalate.getByLabel("Reason").fill("The account is verified as theirs.");
  await confirmStep(escalate, "Escalate to compliance…", "Escalate to compliance");
  await expect(reporter.locator("header").getByText("With the compliance team")).toBeVisible();
}

test("a concern raised against its reporter right after is marked for officers, never for the parties", async ({
  browser,
}) => {
  const chloe = await personSignedIn(browser, CHLOE);
  const david = await personSignedIn(browser, DAVID);

  // Chloe raises a concern about David; a minute later David raises one about Chloe.
  const first = await fileConcernThroughForm(chloe.page, {
    colleague: "David Levi",
    postUrl: uniquePostUrl(),
    significant: true,
  });
  const firstNumber = await caseNumber(chloe.page);
  const second = await fileConcernThroughForm(david.page, {
    colleague: "Chloe Nguyen",
    postUrl: uniquePostUrl(),
    significant: true,
  });
  const secondNumber = await caseNumber(david.page);

  await disputeAndEscalate(david.page, chloe.page, second);
  await disputeAndEscalate(chloe.page, david.page, first);

  const officer = await personSignedIn(browser, GEORGE);
  await officer.page.goto(`/compliance/cases/${second}`);
  const mark = officer.page.getByTestId("retaliation-mark");
  await expect(mark.getByRole("heading", { name: "Possible retaliation" })).toBeVisible();
  // This case's colleague, Chloe, had raised the first concern about its reporter, David.
  await expect(mark).toContainText(`Dr Chloe Nguyen had raised ${firstNumber} about Dr David Levi`);
  await expect(mark.getByRole("link", { name: firstNumber })).toHaveAttribute(
    "href",
    `/compliance/cases/${first}`,
  );

  // The earlier case carries the same mark, the other way round.
  await officer.page.goto(`/compliance/cases/${first}`);
  await expect(officer.page.getByTestId("retaliation-mark")).toContainText(
    `Dr David Levi then raised ${secondNumber} about Dr Chloe Nguyen`,
  );

  // Neither party sees the mark on either side of either case.
  for (const [page, path] of [
    [david.page, `/concerns/${second}`],
    [chloe.page, `/notices/${second}`],
    [chloe.page, `/concerns/${first}`],
    [david.page, `/notices/${first}`],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/retaliation/i)).toHaveCount(0);
  }
});
