import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { fileConcernThroughForm } from "./concerns";
import { setWorkflowSettings, withE2eDatabase } from "./database";
import { DEMO, DEMO_PASSWORD, personSignedIn, signIn } from "./support";

const ELENA = { name: "Elena Rossi", email: "elena.rossi@hospital.example" };

async function clearSupportProgramme() {
  await withE2eDatabase((client) =>
    client.query(
      `update organisation_settings set support_programme_name = null,
         support_programme_url = null, support_programme_phone = null`,
    ),
  );
}

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});
test.afterAll(clearSupportProgramme);

test("the filing form explains severity with examples, the boards' numbers and what each choice leads to, without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO.physician, DEMO_PASSWORD);
  // Without scripts the form follows the colleague search step.
  await page.goto("/concerns/new?find=Elena");
  await page
    .getByRole("link", { name: /Elena Rossi/ })
    .first()
    .click();
  const guidance = page.locator("details").filter({ hasText: "Not sure how serious it is?" });
  await expect(guidance.getByText("81%")).toBeHidden();
  await guidance.getByText("Not sure how serious it is?").click();
  await expect(guidance.getByText("Misleading claims about treatment outcomes")).toBeVisible();
  await expect(guidance.getByText("46%")).toBeVisible();
  await expect(guidance.getByText(/Greysen SR et al\./)).toBeVisible();
  await expect(page.getByText("If they do nothing, the concern closes as lapsed.")).toBeVisible();
  await expect(
    page.getByText(
      "If they do nothing by then, or you reject their answer, the case goes to the compliance team.",
    ),
  ).toBeVisible();
  await expect(page.getByText(/has 7 days to remove the post/).first()).toBeVisible();
  await context.close();
});

test("the notice leads with what was seen and the deadline, shows the link's real site, offers support and says what doing nothing leads to", async ({
  browser,
}) => {
  const admin = await personSignedIn(browser, DEMO.admin);
  await admin.page.goto("/admin/settings");
  await admin.page.getByLabel("Wellbeing programme's name").fill("Physician Wellness Service");
  await admin.page
    .getByLabel("Wellbeing programme's web page")
    .fill("https://wellbeing.hospital.example/physicians");
  await admin.page.getByLabel("Wellbeing programme's phone number").fill("+1 (555) 010-4477");
  await admin.page.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.page.getByText("Settings saved.")).toBeVisible();

  const reporter = await personSignedIn(browser, DEMO.physician);
  const post = randomBytes(6).toString("hex");
  const concernId = await fileConcernThroughForm(reporter.page, {
    colleague: ELENA.name,
    postUrl: `https://facebook.com@evil.example/posts/${post}`,
  });

  const colleague = await personSignedIn(browser, ELENA.email);
  await colleague.page.goto(`/notices/${concernId}`);
  const main = colleague.page.getByRole("main");
  await expect(main.getByText("Goes to the site evil.example")).toBeVisible();
  await expect(main.getByRole("note").filter({ hasText: "facebook.com@" })).toContainText(
    "It goes to evil.example.",
  );
  await expect(
    main.getByRole("link", { name: `https://evil.example/posts/${post}` }),
  ).toBeVisible();
  await expect(colleague.page.getByTestId("if-you-do-nothing")).toHaveText(
    /closes as lapsed and goes no further/,
  );
  const support = main.getByRole("region", { name: "Support for you" });
  await expect(support.getByRole("link", { name: "Physician Wellness Service" })).toHaveAttribute(
    "href",
    "https://wellbeing.hospital.example/physicians",
  );
  await expect(support.getByRole("link", { name: "+1 (555) 010-4477" })).toHaveAttribute(
    "href",
    "tel:+15550104477",
  );
  // What to act on first, the policy after it.
  const headings = await main.getByRole("heading", { level: 2 }).allTextContents();
  const order = ["What was seen", "Please respond by", "What you can do", "Support for you"].map(
    (start) => headings.findIndex((heading) => heading.startsWith(start)),
  );
  expect(order.every((index) => index >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  const policy = await main.getByText("Why you are receiving this: the policy").boundingBox();
  const supportBox = await support.boundingBox();
  expect(policy!.y).toBeGreaterThan(supportBox!.y);

  // Without a programme in Settings, the notice offers none.
  await clearSupportProgramme();
  await colleague.page.reload();
  await expect(main.getByRole("region", { name: "Support for you" })).toHaveCount(0);
});
