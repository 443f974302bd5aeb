import { randomBytes } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  act,
  fileCase,
  type Person,
  setUpStep,
  signInOverHttp,
} from "./authorisation-matrix-world";
import {
  approvePendingRoles,
  givePassword,
  setWorkflowSettings,
  withE2eDatabase,
} from "./database";
import { formArgs } from "./server-actions";
import { DEMO } from "./support";

/**
 * The thread between a confidential reporter and the colleague, on a phone: they write to
 * each other, the colleague never meets the reporter's name (page, its payload, mailbox),
 * reports a message to the officers of their department, and once the concern is
 * withdrawn the thread is read-only. People of this journey's own, in a department of
 * their own, so no other journey's counts move.
 */

// The password signInOverHttp (the matrix's helper) signs in with.
const PASSWORD = "matrix-password-1";
const PHONE = { width: 390, height: 844 };
const tag = randomBytes(3).toString("hex");
const REPORTER_NAME = `Dr Quillon Vantreight ${tag}`;
const FIRST = "Could you take the post about the night shift down, please?";
const REPLY = "Stop writing to me about this.";

async function createPerson(
  admin: string,
  key: string,
  name: string,
  role: string,
  departmentId: string,
): Promise<Person> {
  const email = `thread-${key}-${tag}@hospital.example`;
  const [, id] = await setUpStep(
    { baseURL: test.info().project.use.baseURL! },
    "app/(app)/admin/users/actions.ts#createUserAction",
    admin,
    "/admin/users/new",
    { name, email, departmentId, roles: role },
    /^\/admin\/users\/([0-9a-f-]{36})\?saved=created(?:_requested)?$/,
  );
  await approvePendingRoles(email);
  // As if the invitation were accepted: the account's own password, set outside the form.
  await givePassword(email, PASSWORD);
  const cookie = await signInOverHttp({ baseURL: test.info().project.use.baseURL! }, email);
  return { id: id!, name, email, cookie };
}

async function pageFor(browser: Browser, person: Person, javaScript = true): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: javaScript });
  const [name, value] = person.cookie.split(/=(.*)/s) as [string, string];
  await context.addCookies([{ name, value, url: test.info().project.use.baseURL! }]);
  return context.newPage();
}

async function mailboxHas(page: Page, to: string, hasText: string) {
  const entry = page
    .getByTestId("captured-email")
    .filter({ has: page.getByTestId("captured-email-to").getByText(to, { exact: true }) })
    .filter({ hasText });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(entry.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000, intervals: [1000] });
  return entry;
}

test("a confidential reporter and the colleague talk on a phone; the colleague never sees who, reports a message, and a withdrawn case's thread is read-only", async ({
  browser,
}) => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
  const baseURL = test.info().project.use.baseURL!;
  const admin = await signInOverHttp({ baseURL }, DEMO.admin);
  const department = `Thread ${tag}`;
  await act(
    { baseURL },
    "app/(app)/admin/users/actions.ts#createDepartmentAction",
    admin,
    "/admin/departments",
    formArgs({ name: department }),
  );
  const departmentId = await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>("select id from departments where name = $1", [
      department,
    ]);
    return rows[0]!.id;
  });
  const reporter = await createPerson(admin, "reporter", REPORTER_NAME, "physician", departmentId);
  const colleague = await createPerson(
    admin,
    "colleague",
    `Dr Zora Threadwell ${tag}`,
    "physician",
    departmentId,
  );
  const officer = await createPerson(
    admin,
    "officer",
    `Officer Ines Marlow ${tag}`,
    "compliance_officer",
    departmentId,
  );
  const caseId = await fileCase({ baseURL }, reporter, colleague, true);

  // The reporter writes first, from their page of the concern.
  const mine = await pageFor(browser, reporter);
  await mine.goto(`/concerns/${caseId}`);
  await mine.getByLabel(/^Your message to/).fill(FIRST);
  await mine.getByRole("button", { name: "Send message" }).click();
  await expect(mine.getByText("Message sent.")).toBeVisible();
  const myThread = mine.locator("#thread");
  await expect(myThread.getByTestId("thread-message").filter({ hasText: FIRST })).toContainText(
    "You",
  );

  // The colleague reads it as from "the colleague who raised this", and answers.
  const theirs = await pageFor(browser, colleague);
  await theirs.goto(`/notices/${caseId}`);
  const first = theirs.getByTestId("thread-message").filter({ hasText: FIRST });
  await expect(first).toContainText("The colleague who raised this");
  await theirs.getByLabel(/^Your message to the colleague who raised this/).fill(REPLY);
  await theirs.getByRole("button", { name: "Send message" }).click();
  await expect(theirs.getByText("Message sent.")).toBeVisible();

  // They report the reporter's message; the reporter is not told.
  await first.locator("summary", { hasText: "Report this message" }).click();
  await first.getByLabel("Why (optional)").fill("It keeps coming at night.");
  await first.getByRole("button", { name: "Report to the compliance team" }).click();
  await expect(theirs.getByText(/^Thank you\. The compliance team has been told/)).toBeVisible();
  await expect(theirs.getByTestId("thread-message").filter({ hasText: FIRST })).toContainText(
    "You reported this message to the compliance team.",
  );

  // Nowhere on the colleague's page, nor in what the server sent with it, is the reporter.
  const html = await theirs.content();
  for (const secret of [REPORTER_NAME, "Vantreight", reporter.email]) {
    expect(html, `the notice page holds ${secret}`).not.toContain(secret);
  }

  // The colleague's mailbox says there is a new message, never its words or its writer.
  const mail = await mailboxHas(
    theirs,
    colleague.email,
    "A new message about a concern on your post",
  );
  for (const secret of [REPORTER_NAME, "Vantreight", reporter.email, FIRST]) {
    await expect(mail.first()).not.toContainText(secret);
  }
  const mailHtml = await theirs.content();
  expect(mailHtml).not.toContain("Vantreight");
  const toReporter = await mailboxHas(mine, reporter.email, "A new message about your concern");
  await expect(toReporter.first()).not.toContainText(REPLY);

  // The officer of the colleague's department was alerted and reads it on the queue.
  const officers = await pageFor(browser, officer);
  await officers.goto("/notifications");
  await expect(
    officers.getByText("A message between the colleagues of a case was reported as abusive."),
  ).toBeVisible();
  await officers.goto("/compliance");
  const reported = officers.getByTestId("reported-message").filter({ hasText: FIRST });
  await expect(reported).toContainText("It keeps coming at night.");
  await expect(reported).toContainText(REPORTER_NAME);

  // The reporter sees the reply, and withdraws: the thread is read-only for both.
  await mine.goto(`/concerns/${caseId}`);
  await expect(mine.getByTestId("thread-message").filter({ hasText: REPLY })).toContainText(
    colleague.name,
  );
  await setUpStep(
    { baseURL },
    "app/(app)/concerns/actions.ts#answerResponseAction",
    reporter.cookie,
    `/concerns/${caseId}`,
    { concernId: caseId, decision: "withdraw", reason: "" },
    /\?done=withdraw$/,
  );
  for (const [page, path] of [
    [mine, `/concerns/${caseId}`],
    [theirs, `/notices/${caseId}`],
  ] as const) {
    await page.goto(path);
    await expect(page.getByTestId("thread-closed")).toHaveText(
      /^This concern was withdrawn, so its conversation is closed\./,
    );
    await expect(page.getByRole("button", { name: "Send message" })).toHaveCount(0);
  }
  // Without JavaScript the colleague's page reads the same, and still never names the reporter.
  const plain = await pageFor(browser, colleague, false);
  await plain.goto(`/notices/${caseId}`);
  await expect(plain.getByTestId("thread-message")).toHaveCount(2);
  expect(await plain.content()).not.toContain("Vantreight");
});
