import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { withE2eDatabase } from "./database";
import { DEMO_PASSWORD, personSignedIn } from "./support";

// Two physicians of this journey alone, with 60 concerns between them, a notification of
// each for the colleague and a long conversation on the newest: written straight into the
// database (test setup), since filing sixty concerns through the form proves nothing more.
// Of this worker process alone: after a failed journey Playwright starts a fresh worker,
// which sets the two up again for the journeys left.
const RUN = randomBytes(4).toString("hex");
const REPORTER = `paging.reporter.${RUN}@hospital.example`;
const COLLEAGUE = `paging.colleague.${RUN}@hospital.example`;
const CONCERNS = 60;
const MESSAGES = 40;
const SHOTS = ".test-results/paginated-lists";
let newestCase = "";

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  newestCase = await withE2eDatabase(async (client) => {
    const { rows: people } = await client.query<{ id: string; email: string }>(
      `insert into users (email, name, password_hash)
       values ($1, 'Dr Paula Pager', $3), ($2, 'Dr Colm Pager', $3)
       returning id, email`,
      [REPORTER, COLLEAGUE, passwordHash],
    );
    const reporterId = people.find((person) => person.email === REPORTER)!.id;
    const colleagueId = people.find((person) => person.email === COLLEAGUE)!.id;
    await client.query(
      "insert into user_roles (user_id, role) select id, 'physician' from unnest($1::uuid[]) id",
      [[reporterId, colleagueId]],
    );
    // Filed in pairs at the same moment, so only the id orders each pair.
    const { rows: concerns } = await client.query<{ id: string }>(
      `insert into concerns (reporter_id, subject_id, post_url, post_url_normalised, platform,
         seen_on, description, categories, severity, disclosure, response_due_at, created_at)
       select $1, $2, 'https://x.com/paging/' || g, 'https://x.com/paging/' || g, 'x',
         current_date - 5, 'A post seen while paging.', array['privacy']::concern_category[],
         'appears_unprofessional', 'named', now() + interval '7 days',
         now() - interval '4 days' - (g / 2) * interval '1 hour'
       from generate_series(0, $3::int - 1) g
       returning id, created_at`,
      [reporterId, colleagueId, CONCERNS],
    );
    await client.query(
      `insert into notifications (recipient_id, concern_id, recipient_relation, kind, created_at)
       select $1, id, 'subject', 'concern_filed', created_at from concerns where subject_id = $1`,
      [colleagueId],
    );
    const { rows: newest } = await client.query<{ id: string }>(
      "select id from concerns where reporter_id = $1 order by created_at desc, id desc limit 1",
      [reporterId],
    );
    await client.query(
      `insert into case_messages (concern_id, sender_id, body, sent_at)
       select $1, case when g % 2 = 0 then $2::uuid else $3::uuid end, 'Paging message ' || g,
         now() - interval '3 days' + g * interval '1 minute'
       from generate_series(1, $4::int) g`,
      [newest[0]!.id, reporterId, colleagueId, MESSAGES],
    );
    return concerns.length ? newest[0]!.id : "";
  });
});

async function withoutJavaScript(browser: Browser, email: string, width: number) {
  const signedIn = await personSignedIn(browser, email);
  const context = await browser.newContext({
    storageState: await signedIn.context.storageState(),
    javaScriptEnabled: false,
    viewport: { width, height: 844 },
  });
  await signedIn.context.close();
  return { context, page: await context.newPage() };
}

async function expectNoSidewaysScrolling(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

async function expectTappable(page: Page, name: string) {
  const box = await page.getByRole("link", { name }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
}

test("my concerns come 25 at a time, older and newer by plain links, without JavaScript", async ({
  browser,
}) => {
  const { context, page } = await withoutJavaScript(browser, REPORTER, 390);
  await page.goto("/concerns");
  const pages = page.getByRole("navigation", { name: "Pages of your concerns" });
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(25);
  await expect(pages.getByTestId("page-summary")).toHaveText("Showing 1–25 of 60 concerns.");
  await expect(pages.getByRole("link", { name: "Newer concerns" })).toHaveCount(0);
  const firstPage = await rows.allTextContents();
  await expectTappable(page, "Older concerns");
  await expectNoSidewaysScrolling(page);
  await page.screenshot({ path: `${SHOTS}/my-concerns-first-390-no-js.png`, fullPage: true });

  await pages.getByRole("link", { name: "Older concerns" }).click();
  await expect(pages.getByTestId("page-summary")).toHaveText("Showing 26–50 of 60 concerns.");
  const secondPage = await rows.allTextContents();
  expect(secondPage.filter((row) => firstPage.includes(row))).toEqual([]);
  await expectNoSidewaysScrolling(page);
  await page.screenshot({ path: `${SHOTS}/my-concerns-second-390-no-js.png`, fullPage: true });

  await pages.getByRole("link", { name: "Older concerns" }).click();
  await expect(pages.getByTestId("page-summary")).toHaveText("Showing 51–60 of 60 concerns.");
  await expect(rows).toHaveCount(10);
  await expect(pages.getByRole("link", { name: "Older concerns" })).toHaveCount(0);

  // Read with waiting assertions: without JavaScript a click starts a whole page load, and
  // rows read at once may be those of the page being left, or none.
  await pages.getByRole("link", { name: "Newer concerns" }).click();
  await expect(pages.getByTestId("page-summary")).toHaveText("Showing 26–50 of 60 concerns.");
  await expect(rows).toHaveText(secondPage);
  await pages.getByRole("link", { name: "Newer concerns" }).click();
  await expect(pages.getByTestId("page-summary")).toHaveText("Showing 1–25 of 60 concerns.");
  await expect(rows).toHaveText(firstPage);

  // A tampered link is the first page with a sentence saying so, never an error.
  const tampered = await page.goto("/concerns?older=eyJub3QiOiJhIGN1cnNvciJ9");
  expect(tampered!.status()).toBe(200);
  await expect(page.getByRole("status")).toHaveText(
    "That page link is not valid, so you are on the first page.",
  );
  expect(await rows.allTextContents()).toEqual(firstPage);
  await context.close();

  const wide = await withoutJavaScript(browser, REPORTER, 1280);
  await wide.page.goto("/concerns");
  await wide.page.getByRole("link", { name: "Older concerns" }).click();
  await expect(wide.page.getByTestId("page-summary")).toHaveText("Showing 26–50 of 60 concerns.");
  await wide.page.screenshot({
    path: `${SHOTS}/my-concerns-second-1280-no-js.png`,
    fullPage: true,
  });
  await wide.context.close();
});

test("notifications come 25 cases at a time, the latest news first, and the count stays whole", async ({
  browser,
}) => {
  const { context, page } = await personSignedIn(browser, COLLEAGUE);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/notifications");
  const groups = page.getByTestId("notification-group");
  await expect(groups).toHaveCount(25);
  // Every notice is unread, on whichever page: the page and the menu count all sixty.
  await expect(page.getByText("60 unread.")).toBeVisible();
  const firstPage = await groups.getByRole("heading").allTextContents();
  await expectTappable(page, "Older notifications");
  await expectNoSidewaysScrolling(page);

  await page.getByRole("link", { name: "Older notifications" }).click();
  await expect(page).toHaveURL(/\/notifications\?older=/);
  await expect(groups).toHaveCount(25);
  const secondPage = await groups.getByRole("heading").allTextContents();
  expect(secondPage.filter((heading) => firstPage.includes(heading))).toEqual([]);
  await expectNoSidewaysScrolling(page);
  await page.screenshot({ path: `${SHOTS}/notifications-second-390.png`, fullPage: true });

  await page.getByRole("link", { name: "Older notifications" }).click();
  await expect(groups).toHaveCount(10);
  await expect(page.getByRole("link", { name: "Older notifications" })).toHaveCount(0);
  await page.getByRole("link", { name: "Newer notifications" }).click();
  await expect(groups.getByRole("heading")).toHaveText(secondPage);

  // "Mark all read" on the second page marks all sixty, not only what this page shows.
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByText("60 notifications marked as read.")).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByText("All read.")).toBeVisible();
  await context.close();
});

test("the conversation shows its latest 30 messages, earlier ones a link away, and a reply lands on the latest", async ({
  browser,
}) => {
  const { context, page } = await withoutJavaScript(browser, REPORTER, 390);
  await page.goto(`/concerns/${newestCase}`);
  const thread = page.locator("#thread");
  const messages = thread.getByTestId("thread-message");
  await expect(messages).toHaveCount(30);
  await expect(messages.last()).toContainText(`Paging message ${MESSAGES}`);
  await expect(messages.first()).toContainText(`Paging message ${MESSAGES - 29}`);

  await thread.getByRole("link", { name: "Show earlier messages" }).click();
  await expect(messages).toHaveCount(MESSAGES - 30);
  await expect(messages.first()).toContainText("Paging message 1");
  await expect(thread.getByRole("link", { name: "Show earlier messages" })).toHaveCount(0);
  await expectTappable(page, "Show later messages");
  await expectNoSidewaysScrolling(page);
  await page.screenshot({ path: `${SHOTS}/thread-earlier-390-no-js.png`, fullPage: true });

  // Writing from the earlier page shows the latest messages, the new one last.
  await page.getByLabel(/^Your message to/).fill("Written from the earlier page.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Message sent.")).toBeVisible();
  await expect(messages).toHaveCount(30);
  await expect(messages.last()).toContainText("Written from the earlier page.");
  await context.close();
});
