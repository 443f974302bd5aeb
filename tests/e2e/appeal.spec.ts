import { type Browser, expect, type Page, test } from "@playwright/test";
import { escalatedCase } from "./concerns";
import { setWorkflowSettings } from "./database";
import { confirmStep, DEMO, formAlert, personSignedIn } from "./support";

const GEORGE = "george.lindqvist@hospital.example";
const DAVID = "david.levi@hospital.example";
const ELENA = { name: "Elena Rossi", email: "elena.rossi@hospital.example" };

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

/**
 * A confidential concern by David about Elena's post, disputed, escalated, claimed by Farah
 * and closed by her with coaching.
 */
async function decidedCase(browser: Browser) {
  const { concernId, reporter, colleague } = await escalatedCase(browser, DAVID, ELENA);
  const decider = await personSignedIn(browser, DEMO.officer);
  await decider.page.goto(`/compliance/cases/${concernId}`);
  await decider.page.getByRole("button", { name: "Claim this case" }).click();
  await decider.page.getByLabel("Coaching conversation").check();
  await decider.page.getByLabel("Rationale").fill("A coaching conversation about the ward's name.");
  await decider.page
    .getByLabel("What the reporter and the colleague are told")
    .fill("A coaching conversation will take place.");
  await confirmStep(decider.page, "Close the case…", "Close case with this outcome");
  await expect(decider.page.getByText("Case closed. Both parties have been told.")).toBeVisible();
  return { concernId, reporter, colleague, decider };
}

/** Each party's own page of the case, opened afresh. */
async function bothPartiesOn(concernId: string, reporter: Page, colleague: Page) {
  await colleague.goto(`/notices/${concernId}`);
  await reporter.goto(`/concerns/${concernId}`);
  return [colleague, reporter];
}

test("the colleague appeals; the deciding officer cannot take it; another upholds it and both parties see the new outcome", async ({
  browser,
}) => {
  const { concernId, reporter, colleague, decider } = await decidedCase(browser);

  // The colleague appeals within the window, with an explanation.
  await colleague.page.goto(`/notices/${concernId}`);
  const appealForm = colleague.page.locator("form").filter({ hasText: "Why do you appeal" });
  await appealForm
    .getByLabel("Why do you appeal the decision?")
    .fill("The ward in the post is invented, so no patient could be identified.");
  await confirmStep(appealForm, "Appeal the decision…", "Send my appeal");
  await expect(colleague.page.getByText("Your appeal has been sent.")).toBeVisible();
  await expect(colleague.page.getByTestId("appeal-outcome")).toContainText(
    "Appeal waiting for an officer",
  );
  // Once per decision: the form is gone.
  await expect(colleague.page.getByRole("heading", { name: "Appeal the decision" })).toHaveCount(0);

  // The officer who decided sees it waiting, and why it is not theirs to take.
  await decider.page.goto("/compliance");
  const waiting = decider.page.getByTestId("open-appeal").filter({ hasText: ELENA.name });
  await expect(waiting.first()).toContainText(
    "You made the decision under appeal, so a different officer must take it.",
  );
  await decider.page.goto(`/compliance/cases/${concernId}`);
  await expect(decider.page.getByTestId("appeal-not-yours")).toHaveText(
    "You made the decision under appeal, so a different officer must take it.",
  );
  await expect(decider.page.getByRole("button", { name: "Take this appeal" })).toHaveCount(0);

  // A different officer takes it and upholds it with a new outcome.
  const george = await personSignedIn(browser, GEORGE);
  await george.page.goto(`/compliance/cases/${concernId}`);
  await expect(george.page.getByTestId("appeal-section")).toContainText(
    "The ward in the post is invented",
  );
  await george.page.getByRole("button", { name: "Take this appeal" }).click();
  await expect(george.page.getByText("You have taken this appeal.")).toBeVisible();
  const decide = george.page.locator("form").filter({ hasText: "Decision on the appeal" });
  await decide.getByLabel("Uphold: change the outcome").check();
  await decide.getByLabel("No violation").check();
  await decide.getByLabel("Rationale").fill("On a second reading, the ward is plainly invented.");
  await decide
    .getByLabel("What the reporter and the colleague are told")
    .fill("On appeal, no violation was found.");
  await confirmStep(decide, "Decide the appeal…", "Decide the appeal");
  await expect(george.page.getByText("Appeal decided. Both parties have been told.")).toBeVisible();

  // Both parties see the result: the new outcome and the summary, never the rationale.
  for (const page of await bothPartiesOn(concernId, reporter.page, colleague.page)) {
    await expect(page.getByTestId("appeal-outcome")).toContainText(
      "Appeal upheld: the outcome was changed",
    );
    await expect(page.getByTestId("appeal-outcome")).toContainText(
      "changed from Coaching conversation to No violation",
    );
    await expect(page.getByTestId("case-outcome")).toContainText("No violation");
    await expect(page.getByTestId("case-outcome")).toContainText(
      "On appeal, no violation was found.",
    );
    await expect(page.getByText("the ward is plainly invented")).toHaveCount(0);
    await expect(page.getByText("undefined")).toHaveCount(0);
  }
  // The colleague is never told who raised the concern.
  await expect(colleague.page.getByText("David Levi")).toHaveCount(0);

  // Both were told in their notifications.
  await colleague.page.goto("/notifications");
  await expect(colleague.page.getByText("Your appeal was upheld")).toBeVisible();
  await reporter.page.goto("/notifications");
  await expect(
    reporter.page.getByText("An appeal of the decision on your concern was upheld"),
  ).toBeVisible();
});

test("an appeal dismissed leaves the outcome as decided, and both parties are told", async ({
  browser,
}) => {
  const { concernId, reporter, colleague } = await decidedCase(browser);
  await colleague.page.goto(`/notices/${concernId}`);
  const appealForm = colleague.page.locator("form").filter({ hasText: "Why do you appeal" });
  // Too short an explanation is refused, and the words typed stay.
  await appealForm.getByLabel("Why do you appeal the decision?").fill("I disagree.");
  await confirmStep(appealForm, "Appeal the decision…", "Send my appeal");
  await expect(formAlert(colleague.page)).toBeVisible();
  await expect(appealForm.getByLabel("Why do you appeal the decision?")).toHaveValue("I disagree.");
  await appealForm
    .getByLabel("Why do you appeal the decision?")
    .fill("I disagree: the coaching is out of proportion to a fictional post.");
  await confirmStep(appealForm, "Appeal the decision…", "Send my appeal");
  await expect(colleague.page.getByText("Your appeal has been sent.")).toBeVisible();

  const george = await personSignedIn(browser, GEORGE);
  await george.page.goto(`/compliance/cases/${concernId}`);
  await george.page.getByRole("button", { name: "Take this appeal" }).click();
  const decide = george.page.locator("form").filter({ hasText: "Decision on the appeal" });
  await decide.getByLabel("Dismiss: the decision stands").check();
  await decide.getByLabel("Rationale").fill("Coaching is the proportionate response here.");
  await confirmStep(decide, "Decide the appeal…", "Decide the appeal");
  await expect(george.page.getByText("Appeal decided. Both parties have been told.")).toBeVisible();

  for (const page of await bothPartiesOn(concernId, reporter.page, colleague.page)) {
    await expect(page.getByTestId("appeal-outcome")).toContainText(
      "Appeal dismissed: the decision stands",
    );
    await expect(page.getByTestId("case-outcome")).toContainText("Coaching conversation");
  }
});
