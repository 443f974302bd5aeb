import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { fileConcernThroughForm, fillConcernForm } from "./concerns";
import { setWorkflowSettings } from "./database";
import { confirmStep, DEMO, personSignedIn } from "./support";

// Physicians of the demo organisation (tests/e2e/support.ts has the sign-in details).
const CHLOE = "chloe.nguyen@hospital.example";
const DAVID = "david.levi@hospital.example";
const ELENA = "elena.rossi@hospital.example";

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

test("two physicians raise the same post: one case, one answer, both reporters heard, one officer file", async ({
  browser,
}) => {
  const post = `social.example/drlevi/posts/${randomBytes(6).toString("hex")}`;

  // The first raises it confidentially, as appearing unprofessional.
  const first = await personSignedIn(browser, CHLOE);
  const concernId = await fileConcernThroughForm(first.page, {
    colleague: "David Levi",
    postUrl: `https://${post}`,
  });

  // The second pastes it with an upper-case host and a tracking parameter, named, and
  // judges it significant: the filing joins the open case.
  const second = await personSignedIn(browser, ELENA);
  await fillConcernForm(second.page, {
    colleague: "David Levi",
    postUrl: `https://${post.replace("social.example", "SOCIAL.EXAMPLE")}?utm_source=x`,
    significant: true,
    named: true,
    description: "The same post: it shows a patient's chart on a screen behind the doctor.",
  });
  await second.page.getByRole("button", { name: "Raise concern and notify colleague" }).click();
  await expect(second.page.getByText("Your concern joined an existing case").first()).toBeVisible();
  expect(second.page.url()).toContain(`/concerns/${concernId}`);
  await expect(second.page.getByTestId("joined-case")).toContainText("2 colleagues raised it");

  // The colleague sees one notice that says more than one colleague raised it, naming only
  // the one who chose to be named: the confidential reporter is nowhere in what they load.
  const colleague = await personSignedIn(browser, DAVID);
  await colleague.page.goto("/notices");
  await expect(colleague.page.locator(`a[href="/notices/${concernId}"]`)).toHaveCount(1);
  await expect(colleague.page.locator(`a[href="/notices/${concernId}"]`)).toContainText(
    "raised by 2 colleagues",
  );
  for (const path of ["/notices", `/notices/${concernId}`, "/notifications"]) {
    const response = await colleague.page.goto(path);
    const html = (await response?.text()) ?? "";
    expect(html, path).not.toContain("Chloe Nguyen");
    expect(html, path).not.toContain("chloe.nguyen");
  }
  await colleague.page.goto(`/notices/${concernId}`);
  await expect(colleague.page.getByTestId("raised-by")).toHaveText(
    "2 colleagues: a colleague (confidential) and Dr Elena Rossi",
  );
  await expect(colleague.page.getByTestId("raised-by-many")).toContainText(
    "More than one colleague raised this post",
  );
  // It is as serious as the most serious judgement given.
  await expect(colleague.page.getByTestId("if-you-do-nothing")).toContainText(
    "goes to the compliance team",
  );

  // The colleague answers once.
  await colleague.page.getByLabel("Removed the post").check();
  await colleague.page.getByLabel(/^Note/).fill("Deleted it this morning, and I am sorry.");
  await colleague.page.getByRole("button", { name: "Report action" }).click();
  await expect(
    colleague.page.getByText("The colleague who raised this has been told."),
  ).toBeVisible();

  // Both reporters see the response; the first confirms, which only records the answer.
  await first.page.goto(`/concerns/${concernId}`);
  await expect(
    first.page.getByText("Deleted it this morning, and I am sorry.").first(),
  ).toBeVisible();
  await confirmStep(first.page, "Confirm the action…", "Confirm: the concern is resolved");
  await expect(first.page.getByText("Your answer is recorded.")).toBeVisible();
  await expect(first.page.getByRole("button", { name: /Confirm/ })).toHaveCount(0);

  // The second rejects it: a significant concern goes to compliance.
  await second.page.goto(`/concerns/${concernId}`);
  await expect(
    second.page.getByText("Deleted it this morning, and I am sorry.").first(),
  ).toBeVisible();
  await second.page.getByLabel("Reason").fill("The same chart is still on the profile page.");
  await confirmStep(second.page, "Say it is not enough…", "Say it is not enough");
  await expect(second.page.locator("header").getByText("With the compliance team")).toBeVisible();

  // The officer sees one case listing both reporters.
  const officer = await personSignedIn(browser, DEMO.officer);
  await officer.page.goto("/compliance?sort=newest");
  await expect(officer.page.locator(`a[href="/compliance/cases/${concernId}"]`)).toHaveCount(1);
  await officer.page.locator(`a[href="/compliance/cases/${concernId}"]`).click();
  const reporters = officer.page.getByTestId("case-reporters");
  await expect(reporters).toContainText("Dr Chloe Nguyen (chloe.nguyen@hospital.example)");
  await expect(reporters).toContainText("Dr Elena Rossi (elena.rossi@hospital.example)");
  await expect(officer.page.getByText("Raised by 2 colleagues")).toBeVisible();
});
