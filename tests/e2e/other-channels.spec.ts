import { expect, test } from "@playwright/test";
import { uniquePostUrl } from "./concerns";
import { confirmStep, DEMO, personSignedIn } from "./support";

const ELENA = "elena.rossi@hospital.example";
const OFFICER_NAME = /Farah|Haddad/;

test("an officer records a phoned-in anonymous concern; the colleague is told it came by telephone and responds; the officer confirms for the caller", async ({
  browser,
}) => {
  const officer = await personSignedIn(browser, DEMO.officer);
  await officer.page.goto("/compliance");
  await officer.page.getByRole("link", { name: /Record a concern that came by phone/ }).click();
  await expect(
    officer.page.getByRole("heading", { name: "Record a concern that came by another channel" }),
  ).toBeVisible();
  await officer.page.getByRole("radio", { name: "By telephone", exact: true }).check();
  await officer.page.getByLabel(/^Anonymous/).check();
  await officer.page.getByRole("combobox", { name: "Colleague" }).fill("Elena");
  await officer.page.getByRole("option", { name: /Elena Rossi/ }).click();
  await officer.page.getByLabel("Link to the post").fill(uniquePostUrl());
  await officer.page.getByLabel("Platform").selectOption("facebook");
  await officer.page
    .getByLabel("What the post shows")
    .fill("A caller reports a post ridiculing patients who arrive late to the clinic.");
  await officer.page.getByLabel(/Undermining trust in the profession/).check();
  await officer.page.getByLabel("Appears unprofessional").check();
  await officer.page.getByRole("button", { name: "Record concern and notify colleague" }).click();
  await expect(officer.page.getByText("Concern recorded.")).toBeVisible();
  const concernId = officer.page.url().match(/\/concerns\/([0-9a-f-]{36})/)![1]!;
  await expect(officer.page.getByTestId("how-raised")).toContainText(
    "You recorded this (by telephone) for an anonymous source",
  );

  const colleague = await personSignedIn(browser, ELENA);
  await colleague.page.goto("/notices");
  await expect(
    colleague.page.getByRole("link", { name: /By telephone; who raised it is not named/ }),
  ).toBeVisible();
  await colleague.page.goto(`/notices/${concernId}`);
  await expect(colleague.page.getByTestId("raised-by")).toHaveText(
    "By telephone; who raised it is not named",
  );
  await expect(colleague.page.getByText(/raised with the compliance team/)).toBeVisible();
  await expect(colleague.page.locator("body")).not.toContainText(OFFICER_NAME);
  await colleague.page.getByLabel("Removed the post").check();
  await colleague.page.getByLabel(/^Note/).fill("Removed it as soon as I read this.");
  await colleague.page.getByRole("button", { name: "Report action" }).click();
  await expect(
    colleague.page.getByText("The colleague who raised this has been told."),
  ).toBeVisible();
  await expect(colleague.page.locator("body")).not.toContainText(OFFICER_NAME);

  // The officer finds it among the concerns they follow, and answers as reporter of record.
  await officer.page.goto("/concerns");
  await officer.page.locator(`a[href="/concerns/${concernId}"]`).click();
  await expect(officer.page.getByText("Removed it as soon as I read this.").first()).toBeVisible();
  await confirmStep(officer.page, "Confirm the action…", "Confirm: the concern is resolved");
  await expect(officer.page.locator("header").getByText("Resolved", { exact: true })).toBeVisible();

  await colleague.page.reload();
  await expect(
    colleague.page.locator("header").getByText("Resolved", { exact: true }),
  ).toBeVisible();
  await expect(colleague.page.locator("body")).not.toContainText(OFFICER_NAME);

  // A party to it, the officer never works the case as an officer.
  const asOfficer = await officer.page.goto(`/compliance/cases/${concernId}`);
  expect(asOfficer?.status()).toBe(404);
});
