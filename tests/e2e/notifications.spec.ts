import { expect, type Page, test } from "@playwright/test";
import { fileConcernThroughForm, uniquePostUrl } from "./concerns";
import { setWorkflowSettings } from "./database";
import { confirmStep, personSignedIn } from "./support";

// David raises concerns with Elena here. Other journeys leave Elena notifications of her
// own, so the checks look at the cases this one makes, which are the newest.
const REPORTER = "david.levi@hospital.example";
const COLLEAGUE = "elena.rossi@hospital.example";

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

async function referenceOn(page: Page): Promise<string> {
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  return heading!.match(/PC-\d{6}/)![0];
}

test("notifications are grouped by case with the latest news first, say what is needed by when, and can all be marked read without JavaScript", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, REPORTER);
  const withdrawnId = await fileConcernThroughForm(reporter.page, {
    colleague: "Elena Rossi",
    postUrl: uniquePostUrl(),
  });
  const withdrawnReference = await referenceOn(reporter.page);
  const openId = await fileConcernThroughForm(reporter.page, {
    colleague: "Elena Rossi",
    postUrl: uniquePostUrl(),
  });
  const openReference = await referenceOn(reporter.page);
  // A fresh 7-day deadline says so, not "6 days left".
  await expect(reporter.page.locator("main header")).toContainText("(7 days left)");
  // The first concern gets the latest news: it is withdrawn after the second was raised.
  await reporter.page.goto(`/concerns/${withdrawnId}`);
  const withdraw = reporter.page.locator("form").filter({ hasText: "Withdraw the concern" });
  await confirmStep(withdraw, "Withdraw…", "Withdraw");
  await expect(reporter.page.getByText("Concern withdrawn.")).toBeVisible();

  const signedIn = await personSignedIn(browser, COLLEAGUE);
  const context = await browser.newContext({
    storageState: await signedIn.context.storageState(),
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await page.goto("/notifications");
  const groups = page.getByTestId("notification-group");
  await expect(groups.nth(0).getByRole("heading")).toHaveText(
    `${withdrawnReference} · A notice about one of your posts`,
  );
  await expect(groups.nth(1).getByRole("heading")).toHaveText(
    `${openReference} · A notice about one of your posts`,
  );

  // Newest first within a case; what happened, in words addressed to the reader.
  const withdrawn = groups.nth(0);
  await expect(withdrawn.getByTestId("notification")).toHaveText([
    /^UnreadThe concern about your post was withdrawn\./,
    /^UnreadA colleague raised a concern about one of your posts\./,
  ]);
  await expect(withdrawn).toContainText("Withdrawn by the colleague who raised it");
  await expect(withdrawn).toContainText("Nothing is needed from you now.");
  await expect(withdrawn.getByRole("link", { name: withdrawnReference })).toHaveAttribute(
    "href",
    `/notices/${withdrawnId}`,
  );

  // The open notice: whose move it is, and by when, in words and in the organisation's zone.
  const open = groups.nth(1);
  await expect(open).toContainText("Awaiting your response");
  await expect(open.getByRole("link", { name: openReference })).toHaveAttribute(
    "href",
    `/notices/${openId}`,
  );
  await expect(open.getByTestId("needed-by")).toHaveText(
    /^Your response is needed by \w+day \d+ \w+ \d{4}, \d+:\d\d [ap]m E[SD]T \(7 days left\)$/,
  );
  await expect(open.getByTestId("notification").locator("time")).toHaveAttribute(
    "dateTime",
    /^\d{4}-\d{2}-\d{2}T/,
  );
  // No case content and no confidential reporter.
  await expect(page.locator("main")).not.toContainText("David");
  await expect(page.locator("main")).not.toContainText("mocking a named group");

  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("status")).toHaveText(/^\d+ notifications? marked as read\.$/);
  await expect(page.getByText("All read.")).toBeVisible();
  await expect(page.getByTestId("notification").filter({ hasText: /^Unread/ })).toHaveCount(0);
  await expect(page.getByTestId("notification-bell")).toHaveText(/Notifications, 0 unread/);
  // Read, not gone.
  await expect(groups.nth(0).getByTestId("notification")).toHaveCount(2);
  await context.close();
});
