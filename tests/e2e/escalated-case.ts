import { type Browser, expect } from "@playwright/test";
import { fileConcernThroughForm, uniquePostUrl } from "./concerns";
import { confirmStep, personSignedIn } from "./support";

/** A significant concern, disputed by the colleague and escalated by the reporter. */
export async function escalatedCase(
  browser: Browser,
  reporterEmail: string,
  subject: { name: string; email: string },
  description?: string,
) {
  const reporter = await personSignedIn(browser, reporterEmail);
  const concernId = await fileConcernThroughForm(reporter.page, {
    colleague: subject.name,
    postUrl: uniquePostUrl(),
    significant: true,
    description,
  });
  const colleague = await personSignedIn(browser, subject.email);
  await colleague.page.goto(`/notices/${concernId}`);
  await colleague.page.getByLabel("Your explanation").fill("It was a fictional scenario.");
  await colleague.page.getByRole("button", { name: "Send explanation" }).click();
  await expect(colleague.page.getByText("Your explanation has been sent.")).toBeVisible();
  await reporter.page.reload();
  const escalate = reporter.page.locator("form").filter({ hasText: "Escalate to compliance" });
  await escalate.getByLabel("Reason").fill("It names a real ward and a real date.");
  await confirmStep(escalate, "Escalate to compliance…", "Escalate to compliance");
  await expect(reporter.page.locator("header").getByText("With the compliance team")).toBeVisible();
  return { concernId, reporter, colleague };
}
