import { randomBytes } from "node:crypto";
import {
  type APIRequestContext,
  type Browser,
  expect,
  type Page,
  type Request,
} from "@playwright/test";
import { confirmStep, personSignedIn } from "./support";

export function uniquePostUrl(): string {
  return `https://social.example/posts/${randomBytes(6).toString("hex")}`;
}

export interface FilingOptions {
  colleague: string;
  postUrl: string;
  significant?: boolean;
  named?: boolean;
  description?: string;
}

export async function fillConcernForm(page: Page, options: FilingOptions): Promise<void> {
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
}

const SUBMIT_FILING = "Raise concern and notify colleague";

/** Files a concern through the real form and returns the new case's id from the URL. */
export async function fileConcernThroughForm(page: Page, options: FilingOptions): Promise<string> {
  await fillConcernForm(page, options);
  await page.getByRole("button", { name: SUBMIT_FILING }).click();
  await expect(page.getByText("Concern raised.")).toBeVisible();
  return page.url().match(/\/concerns\/([0-9a-f-]{36})/)![1]!;
}

/** The filing form's server action request exactly as the browser sends it. */
export interface CapturedFiling {
  url: string;
  headers: Record<string, string>;
  body: string;
  postUrl: string;
}

/**
 * Fills and submits the real form but holds the browser's request back (it never reaches
 * the server), so a test can send that very request itself: many times at once, or
 * naming other posts.
 */
export async function captureFilingRequest(
  page: Page,
  options: FilingOptions,
): Promise<CapturedFiling> {
  await fillConcernForm(page, options);
  const isFiling = (request: Request) =>
    request.method() === "POST" && Boolean(request.headers()["next-action"]);
  await page.route(
    (url) => url.pathname === "/concerns/new",
    (route) => (isFiling(route.request()) ? route.abort() : route.fallback()),
  );
  const [request] = await Promise.all([
    page.waitForRequest(isFiling),
    page.getByRole("button", { name: SUBMIT_FILING }).click(),
  ]);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return {
    url: request.url(),
    headers: request.headers(),
    body: request.postDataBuffer()!.toString("utf8"),
    postUrl: options.postUrl,
  };
}

/**
 * Sends a captured filing again with the browser's cookies (`request` is the page's or
 * its context's), optionally about another post. Returns the response and, when the app
 * filed it and told the form to go on to the new case, that case's id.
 */
export async function sendFiling(
  request: APIRequestContext,
  filing: CapturedFiling,
  postUrl = filing.postUrl,
) {
  const response = await request.fetch(filing.url, {
    method: "POST",
    headers: filing.headers,
    data: Buffer.from(filing.body.replaceAll(filing.postUrl, postUrl), "utf8"),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  // The filing answers with the new case's address for the form to go to (formAction's
  // navigate: "separately"), not with a redirect.
  const text = await response.text();
  const filedId = text.match(/"goTo":"\/concerns\/([0-9a-f-]{36})\?done=filed"/)?.[1];
  return { response, filedId, text };
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
