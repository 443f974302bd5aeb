import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export function uniquePostUrl(): string {
  return `https://social.example/posts/${randomBytes(6).toString("hex")}`;
}

/** Files a concern through the real form and returns the new case's id from the URL. */
export async function fileConcernThroughForm(
  page: Page,
  options: {
    colleague: string;
    postUrl: string;
    significant?: boolean;
    named?: boolean;
    description?: string;
  },
): Promise<string> {
  await page.goto("/concerns/new");
  await page.getByRole("combobox", { name: "Colleague" }).fill(options.colleague.slice(0, 6));
  await page.getByRole("option", { name: new RegExp(options.colleague) }).click();
  await page.getByLabel("Link to the post").fill(options.postUrl);
  await page.getByLabel("Platform").selectOption("x");
  await page
    .getByLabel("What the post shows")
    .fill(
      options.description ??
        "A post mocking a named group of patients in a way that reads as unprofessional.",
    );
  await page.getByLabel(/Undermining trust in the profession/).check();
  await page
    .getByLabel(
      options.significant ? "Significantly violates professional norms" : "Appears unprofessional",
    )
    .check();
  if (options.named) await page.getByLabel(/^Named/).check();
  await page.getByRole("button", { name: "Raise concern and notify colleague" }).click();
  await expect(page.getByText("Concern raised.")).toBeVisible();
  return page.url().match(/\/concerns\/([0-9a-f-]{36})/)![1]!;
}

/** Reloads until the case shows the expected status: the worker moves timed steps. */
export async function expectStatusEventually(page: Page, status: string, timeoutMs = 30_000) {
  await expect(async () => {
    await page.reload();
    await expect(page.locator("header").getByText(status, { exact: true })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: timeoutMs, intervals: [1000] });
}
