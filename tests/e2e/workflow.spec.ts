import { expect, test } from "@playwright/test";
import {
  expectStatusEventually,
  fileConcernThroughForm,
  fillConcernForm,
  uniquePostUrl,
} from "./concerns";
import { setWorkflowSettings } from "./database";
import { confirmStep, DEMO, DEMO_PASSWORD, personSignedIn } from "./support";

// Physicians of the demo organisation (tests/e2e/support.ts has the sign-in details).
const CHLOE = "chloe.nguyen@hospital.example";
const DAVID = "david.levi@hospital.example";
const ELENA = "elena.rossi@hospital.example";

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

test("file, colleague removes the post, reporter confirms: resolved for both", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, DEMO.physician);
  const concernId = await fileConcernThroughForm(reporter.page, {
    colleague: "Ben Carter",
    postUrl: uniquePostUrl(),
  });
  await expect(
    reporter.page.locator("header").getByText("Awaiting your colleague's response"),
  ).toBeVisible();

  const subject = await personSignedIn(browser, DEMO.otherPhysician);
  await expect(subject.page.getByTestId("notification-bell")).toContainText("1");
  await subject.page.goto("/notices");
  await expect(subject.page.getByText("New").first()).toBeVisible();
  await subject.page.goto(`/notices/${concernId}`);
  await expect(
    subject.page.getByText("When physicians see content posted by colleagues").first(),
  ).toBeVisible();
  await subject.page.getByLabel("Removed the post").check();
  await subject.page.getByLabel(/^Note/).fill("Deleted it this morning. Sorry.");
  await subject.page.getByRole("button", { name: "Report action" }).click();
  await expect(
    subject.page.getByText("The colleague who raised this has been told."),
  ).toBeVisible();

  await reporter.page.reload();
  await expect(reporter.page.getByText("Deleted it this morning. Sorry.").first()).toBeVisible();
  await confirmStep(reporter.page, "Confirm the action…", "Confirm: the concern is resolved");
  await expect(
    reporter.page.locator("header").getByText("Resolved", { exact: true }),
  ).toBeVisible();

  await subject.page.reload();
  await expect(subject.page.locator("header").getByText("Resolved", { exact: true })).toBeVisible();
  await expect(subject.page.getByRole("button", { name: "Report action" })).toHaveCount(0);
});

test("significant and unanswered: escalated at the deadline, an officer closes it, both see it closed", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, CHLOE);
  await setWorkflowSettings({ remediationWindowSeconds: 3 });
  let concernId: string;
  try {
    concernId = await fileConcernThroughForm(reporter.page, {
      colleague: "David Levi",
      postUrl: uniquePostUrl(),
      significant: true,
    });
  } finally {
    await setWorkflowSettings({});
  }
  await expectStatusEventually(reporter.page, "With the compliance team");

  const officer = await personSignedIn(browser, DEMO.officer);
  // Newest first: other journeys' cases fill the oldest-first page.
  await officer.page.goto("/compliance?sort=newest");
  await officer.page
    .getByRole("row", { name: /Dr David Levi/ })
    .locator(`a[href="/compliance/cases/${concernId}"]`)
    .click();
  await expect(
    officer.page.getByText("Dr Chloe Nguyen (chloe.nguyen@hospital.example)"),
  ).toBeVisible();
  // A case is decided by the officer who holds it.
  await officer.page.getByRole("button", { name: "Claim this case" }).click();
  await expect(officer.page.getByText("You hold this case now.")).toBeVisible();
  await officer.page.getByLabel("Coaching conversation").check();
  await officer.page
    .getByLabel("Rationale")
    .fill("Discussed with the colleague; they understood the concern.");
  await confirmStep(officer.page, "Close the case…", "Close case with this outcome");
  await expect(officer.page.getByText("Case closed. Both parties have been told.")).toBeVisible();

  await reporter.page.reload();
  await expect(
    reporter.page.locator("header").getByText("Closed by the compliance team"),
  ).toBeVisible();
  const subject = await personSignedIn(browser, DAVID);
  await subject.page.goto(`/notices/${concernId}`);
  await expect(
    subject.page.locator("header").getByText("Closed by the compliance team"),
  ).toBeVisible();
  await expect(subject.page.getByText("Discussed with the colleague")).toHaveCount(0);
});

test("dispute, reporter escalates: the case appears in the compliance queue", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, ELENA);
  const concernId = await fileConcernThroughForm(reporter.page, {
    colleague: "Amara Okafor",
    postUrl: uniquePostUrl(),
    significant: true,
  });

  const subject = await personSignedIn(browser, DEMO.physician);
  await subject.page.goto(`/notices/${concernId}`);
  await subject.page
    .getByLabel("Your explanation")
    .fill("The post is a parody account that is not mine.");
  await subject.page.getByRole("button", { name: "Send explanation" }).click();
  await expect(subject.page.getByText("Your explanation has been sent.")).toBeVisible();

  await reporter.page.reload();
  await expect(
    reporter.page.locator("header").getByText("Disputed: your answer is needed"),
  ).toBeVisible();
  const escalate = reporter.page.locator("form").filter({ hasText: "Escalate to compliance" });
  await escalate.getByLabel("Reason").fill("The account is verified as theirs.");
  await confirmStep(escalate, "Escalate to compliance…", "Escalate to compliance");
  await expect(reporter.page.locator("header").getByText("With the compliance team")).toBeVisible();

  const officer = await personSignedIn(browser, "george.lindqvist@hospital.example");
  await officer.page.goto("/compliance?sort=newest");
  await expect(officer.page.getByRole("row", { name: /Dr Amara Okafor/ })).toBeVisible();
  await officer.page.goto(`/compliance/cases/${concernId}`);
  await expect(
    officer.page.getByText("The post is a parody account that is not mine.").first(),
  ).toBeVisible();
});

test("not significant and unanswered: the concern lapses", async ({ browser }) => {
  const reporter = await personSignedIn(browser, DAVID);
  await setWorkflowSettings({ remediationWindowSeconds: 3 });
  try {
    await fileConcernThroughForm(reporter.page, {
      colleague: "Elena Rossi",
      postUrl: uniquePostUrl(),
    });
  } finally {
    await setWorkflowSettings({});
  }
  await expectStatusEventually(reporter.page, "Closed without a response");
  await expect(reporter.page.getByRole("button", { name: /Withdraw/ })).toHaveCount(0);
});

test("a confidential reporter's name appears nowhere the colleague can look", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, DAVID);
  const concernId = await fileConcernThroughForm(reporter.page, {
    colleague: "Chloe Nguyen",
    postUrl: uniquePostUrl(),
    significant: true,
  });
  const withdraw = reporter.page.locator("form").filter({ hasText: "Withdraw the concern" });
  await confirmStep(withdraw, "Withdraw…", "Withdraw");
  await expect(
    reporter.page.locator("header").getByText("You withdrew this concern", { exact: true }),
  ).toBeVisible();

  const subject = await personSignedIn(browser, CHLOE);
  for (const path of ["/notices", `/notices/${concernId}`, "/notifications"]) {
    const response = await subject.page.goto(path);
    const html = (await response?.text()) ?? "";
    expect(html, path).not.toContain("David Levi");
    expect(html, path).not.toContain("david.levi");
    await expect(subject.page.locator("body")).not.toContainText("David Levi");
  }
  await subject.page.goto(`/notices/${concernId}`);
  await expect(subject.page.getByTestId("raised-by")).toHaveText("a colleague (confidential)");
});

test("a named reporter's name is shown to the colleague", async ({ browser }) => {
  const reporter = await personSignedIn(browser, CHLOE);
  const concernId = await fileConcernThroughForm(reporter.page, {
    colleague: "Elena Rossi",
    postUrl: uniquePostUrl(),
    named: true,
  });
  const subject = await personSignedIn(browser, ELENA);
  await subject.page.goto(`/notices/${concernId}`);
  await expect(subject.page.getByTestId("raised-by")).toHaveText("Dr Chloe Nguyen");
});

test("changing the id in a URL to someone else's case finds nothing", async ({ browser }) => {
  const reporter = await personSignedIn(browser, DEMO.physician);
  const concernId = await fileConcernThroughForm(reporter.page, {
    colleague: "David Levi",
    postUrl: uniquePostUrl(),
  });

  const stranger = await personSignedIn(browser, ELENA);
  for (const path of [`/concerns/${concernId}`, `/notices/${concernId}`]) {
    const response = await stranger.page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(stranger.page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  expect((await stranger.page.goto(`/compliance/cases/${concernId}`))?.status()).toBe(403);

  // Not yet escalated, so not even an officer sees it.
  const officer = await personSignedIn(browser, DEMO.officer);
  expect((await officer.page.goto(`/compliance/cases/${concernId}`))?.status()).toBe(404);
});

test("a second open concern about the same post is refused with a link to the first", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, ELENA);
  const postUrl = uniquePostUrl();
  const firstId = await fileConcernThroughForm(reporter.page, { colleague: "Ben Carter", postUrl });
  await reporter.page.goto("/concerns/new");
  await reporter.page.getByRole("combobox", { name: "Colleague" }).fill("Ben Ca");
  await reporter.page.getByRole("option", { name: /Ben Carter/ }).click();
  await reporter.page.getByLabel("Link to the post").fill(`${postUrl}/`);
  await reporter.page.getByLabel("Platform").selectOption("x");
  await reporter.page
    .getByLabel("What the post shows")
    .fill("The same post again, reported a second time by mistake.");
  await reporter.page.getByLabel(/Undermining trust/).check();
  await reporter.page.getByLabel("Appears unprofessional").check();
  await reporter.page.getByRole("button", { name: "Raise concern and notify colleague" }).click();
  await expect(reporter.page.locator("#postUrl-error")).toHaveText(
    "You already have an open concern about this post.",
  );
  await expect(
    reporter.page.getByRole("link", { name: "Open your existing concern" }),
  ).toHaveAttribute("href", `/concerns/${firstId}`);
});

test("bad input is explained field by field and nothing is filed", async ({ browser }) => {
  const reporter = await personSignedIn(browser, DAVID);
  await reporter.page.goto("/concerns/new");
  await reporter.page.getByLabel("Link to the post").fill("javascript:alert(1)");
  await reporter.page.getByRole("button", { name: "Raise concern and notify colleague" }).click();
  await expect(reporter.page.locator("#postUrl-error")).toContainText("starting with https://");
  await expect(reporter.page.getByText("Choose the colleague from the directory.")).toBeVisible();
  await expect(
    reporter.page.getByText("Choose at least one consideration the post touches."),
  ).toBeVisible();
  await expect(reporter.page).toHaveURL("/concerns/new");
});

test("without JavaScript, a physician finds the colleague in a search step and files the concern", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DAVID);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  await page.goto("/concerns/new");
  // The filing form waits for the colleague, so nothing typed can be lost to the search.
  await expect(page.getByLabel("What the post shows")).toBeHidden();
  await page.getByLabel("Their name or email").fill("Chloe");
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("link", { name: "Choose Dr Chloe Nguyen" }).click();

  await expect(page.getByRole("combobox", { name: "Colleague" })).toHaveValue("Dr Chloe Nguyen");
  await page.getByLabel("Link to the post").fill(uniquePostUrl().replace("https://", ""));
  await page.getByLabel("Platform").selectOption("facebook");
  await page
    .getByLabel("What the post shows")
    .fill("A post mocking a named group of patients, filed without JavaScript.");
  await page.getByLabel(/Undermining trust in the profession/).check();
  await page.getByLabel("Appears unprofessional").check();
  await page.getByRole("button", { name: "Raise concern and notify colleague" }).click();
  await expect(
    page.getByText("Concern raised. Your colleague has been sent a notice."),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/concerns\/[0-9a-f-]{36}\?done=filed$/);
  await expect(page.locator("header").getByText("Dr Chloe Nguyen", { exact: false })).toBeVisible();
  await context.close();
});

test("with JavaScript, the filing answers with the concern's address alone and the browser goes there", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, ELENA);
  await fillConcernForm(reporter.page, { colleague: "Ben Carter", postUrl: uniquePostUrl() });
  // The action's answer, read as it passes: the browser moves on before it could be asked.
  let answer: { redirect?: string; body: string } | undefined;
  await reporter.page.route(
    (url) => url.pathname === "/concerns/new",
    async (route) => {
      if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) {
        return route.fallback();
      }
      const response = await route.fetch();
      answer = { redirect: response.headers()["x-action-redirect"], body: await response.text() };
      await route.fulfill({ response });
    },
  );
  await reporter.page.getByRole("button", { name: "Raise concern and notify colleague" }).click();
  // Not the concern's page rendered into the action's answer: only where to go.
  await expect.poll(() => answer).toBeDefined();
  expect(answer!.redirect).toBeUndefined();
  expect(answer!.body).toMatch(/"goTo":"\/concerns\/[0-9a-f-]{36}\?done=filed"/);
  expect(answer!.body).not.toContain("Concern raised");
  await expect(reporter.page.getByText("Concern raised.")).toBeVisible();
  await expect(reporter.page).toHaveURL(/\/concerns\/[0-9a-f-]{36}\?done=filed$/);
  await expect(
    reporter.page.locator("header").getByText("Awaiting your colleague's response"),
  ).toBeVisible();
});

test("a name typed before the page's scripts have loaded still finds the colleague", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, ELENA);
  // The page's scripts are held back until the name is in the box: a slow phone, or a
  // busy server, where a person types before the page has come to life.
  let releaseScripts!: () => void;
  const typed = new Promise<void>((resolve) => {
    releaseScripts = resolve;
  });
  await reporter.page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await typed;
    await route.fallback();
  });
  await reporter.page.goto("/concerns/new", { waitUntil: "commit" });
  await reporter.page.getByRole("combobox", { name: "Colleague" }).fill("Ben Ca");
  releaseScripts();
  await reporter.page.getByRole("option", { name: /Ben Carter/ }).click();
  await expect(reporter.page.getByRole("combobox", { name: "Colleague" })).toHaveValue(
    "Dr Ben Carter",
  );
});
