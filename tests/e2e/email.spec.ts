import { expect, type Page, test } from "@playwright/test";
import { fileConcernThroughForm, uniquePostUrl } from "./concerns";
import { setWorkflowSettings, withE2eDatabase } from "./database";
import { DEMO, personSignedIn } from "./support";

// The launcher under test runs with no SMTP_URL, so mail is captured for the mailbox.
// Chloe is the colleague here: other journeys count Ben's unread notifications.
const REPORTER = "david.levi@hospital.example";
const COLLEAGUE = "chloe.nguyen@hospital.example";
const DESCRIPTION = "A story about the patient in bay 4 with enough detail to identify them.";

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

/** The mailbox, reloaded until a message matching `filter` is there (the worker sends it). */
async function mailboxEntry(page: Page, filter: { to: string; hasText: string }) {
  const entry = page
    .getByTestId("captured-email")
    .filter({ has: page.getByTestId("captured-email-to").getByText(filter.to, { exact: true }) })
    .filter({ hasText: filter.hasText });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(entry).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000, intervals: [1000] });
  return entry;
}

test("a filed concern's notice email reaches the development mailbox, without case content or the reporter's name", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, REPORTER);
  const concernId = await fileConcernThroughForm(reporter.page, {
    colleague: "Chloe Nguyen",
    postUrl: uniquePostUrl(),
    description: DESCRIPTION,
  });

  const subject = await personSignedIn(browser, COLLEAGUE);
  await subject.page.getByRole("link", { name: "Development mailbox" }).click();
  const email = await mailboxEntry(subject.page, {
    to: COLLEAGUE,
    hasText: `/notices/${concernId}`,
  });
  await expect(email.getByRole("heading")).toHaveText(
    /^A notice about one of your posts \(PC-\d{6}\) – respond by \w+day \d+ \w+ \d{4}, \d+:\d\d [ap]m E[SD]T$/,
  );
  await expect(email).toContainText("Dear Dr Chloe Nguyen,");
  await expect(email).not.toContainText("bay 4");
  await expect(email).not.toContainText("David");
  await expect(email).not.toContainText("Levi");

  // The mailbox is each person's own: the reporter does not see the colleague's notice.
  await reporter.page.goto("/dev/mailbox");
  await expect(reporter.page.getByRole("heading", { name: "Development mailbox" })).toBeVisible();
  await expect(
    reporter.page.getByTestId("captured-email-to").filter({ hasText: COLLEAGUE }),
  ).toHaveCount(0);
  await expect(reporter.page.getByText(`/notices/${concernId}`)).toHaveCount(0);

  // The link in the email leads the colleague to the notice.
  await subject.page.goto(new URL(`/notices/${concernId}`, subject.page.url()).pathname);
  await expect(
    subject.page.getByText("When physicians see content posted by colleagues").first(),
  ).toBeVisible();
});

async function referenceOn(page: Page): Promise<string> {
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  return heading!.match(/PC-\d{6}/)![0];
}

async function chooseTimeZone(page: Page, zone: string) {
  await page.goto("/preferences/email");
  await page.getByLabel("Your time zone").selectOption({ label: zone });
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText(/^Time zone saved\./)).toBeVisible();
}

test("an email names the case's reference, what needs attention and the deadline in the reader's own zone, and nothing of the case", async ({
  browser,
}) => {
  const subject = await personSignedIn(browser, COLLEAGUE);
  await chooseTimeZone(subject.page, "Asia / Tokyo");
  try {
    const reporter = await personSignedIn(browser, REPORTER);
    const postUrl = uniquePostUrl();
    const concernId = await fileConcernThroughForm(reporter.page, {
      colleague: "Chloe Nguyen",
      postUrl,
      description: DESCRIPTION,
    });
    const reference = await referenceOn(reporter.page);

    // The deadline as the notice page words it for the colleague: in Tokyo time.
    await subject.page.goto(`/notices/${concernId}`);
    const deadline = (await subject.page
      .getByRole("heading", { name: /^Please respond by/ })
      .locator("time")
      .textContent())!;
    expect(deadline).toMatch(/^\w+day \d+ \w+ \d{4}, \d+:\d\d [ap]m GMT\+9$/);

    const notice = await mailboxEntry(subject.page, {
      to: COLLEAGUE,
      hasText: `/notices/${concernId}`,
    });
    await expect(notice.getByRole("heading")).toHaveText(
      `A notice about one of your posts (${reference}) – respond by ${deadline}`,
    );
    await expect(notice).toContainText(`A notice about one of your posts: case ${reference}.`);
    await expect(notice).toContainText(`Your response is needed by ${deadline}.`);
    for (const content of ["bay 4", postUrl, "David", "Levi"]) {
      await expect(notice).not.toContainText(content);
    }

    // The colleague answers: the reporter is told there is a response, and by when to answer
    // it, in the organisation's zone (New York), and not what the colleague wrote.
    await subject.page.goto(`/notices/${concernId}`);
    await subject.page
      .getByLabel("Your explanation")
      .fill("It was a training scenario, no patient.");
    await subject.page.getByRole("button", { name: "Send explanation" }).click();
    await expect(subject.page.getByText("Your explanation has been sent.")).toBeVisible();
    const response = await mailboxEntry(reporter.page, {
      to: REPORTER,
      hasText: `/concerns/${concernId}`,
    });
    await expect(response.getByRole("heading")).toHaveText(
      new RegExp(
        `^A response to your concern \\(${reference}\\) – answer by \\w+day \\d+ \\w+ \\d{4}, \\d+:\\d\\d [ap]m E[SD]T$`,
      ),
    );
    await expect(response).not.toContainText("training scenario");
    await expect(response).not.toContainText("Chloe");
  } finally {
    await chooseTimeZone(subject.page, "The organisation's: America / New York");
  }
});

test("an administrator sees an email that failed after its last retry, by recipient, error and time only, and retries it into the recipient's mailbox", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, REPORTER);
  const concernId = await fileConcernThroughForm(reporter.page, {
    colleague: "Chloe Nguyen",
    postUrl: uniquePostUrl(),
    description: DESCRIPTION,
  });
  // A notification whose email exhausted its retries (a mail server that was down for
  // hours): made directly, since the captured mail of this server cannot fail.
  const notificationId = await withE2eDatabase(async (client) => {
    const notification = await client.query<{ id: string; recipient_id: string }>(
      `insert into notifications (recipient_id, concern_id, recipient_relation, kind)
       select subject_id, id, 'subject', 'remediation_rejected' from concerns where id = $1
       returning id, recipient_id`,
      [concernId],
    );
    const { id, recipient_id } = notification.rows[0]!;
    await client.query(
      `insert into email_deliveries
         (idempotency_key, notification_id, recipient_id, kind, status, attempts, last_error, failed_at, last_attempt_at)
       values ($1, $2, $3, 'remediation_rejected', 'failed', 12, 'connect ECONNREFUSED 10.0.0.25:25', now(), now())`,
      [`notification:${id}`, id, recipient_id],
    );
    return id;
  });

  const admin = await personSignedIn(browser, DEMO.admin);
  await admin.page.getByRole("link", { name: "Failed emails" }).click();
  const row = admin.page.getByRole("row").filter({ hasText: "ECONNREFUSED 10.0.0.25:25" });
  await expect(row).toContainText(COLLEAGUE);
  // Not what kind of email it was: a notice to one person and a response to another at the
  // same hour would pair a reporter with their colleague.
  await expect(row).not.toContainText("Reported action not accepted");
  await expect(admin.page.locator("main")).not.toContainText("bay 4");
  await row.getByRole("button", { name: `Retry the email to ${COLLEAGUE}` }).click();
  // Queued again: it leaves the list of failures.
  await expect(
    admin.page.getByRole("row").filter({ hasText: "ECONNREFUSED 10.0.0.25:25" }),
  ).toHaveCount(0);

  // Each person reads their own mail: the colleague does, the administrator does not.
  const colleague = await personSignedIn(browser, COLLEAGUE);
  const email = await mailboxEntry(colleague.page, {
    to: COLLEAGUE,
    hasText: `<notification-${notificationId}@localhost>`,
  });
  await expect(email).toContainText(`/notices/${concernId}`);
  await admin.page.goto("/dev/mailbox");
  await expect(admin.page.getByText(`<notification-${notificationId}@localhost>`)).toHaveCount(0);
});
