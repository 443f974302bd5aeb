import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  test,
} from "@playwright/test";
import { HOSTILE_PAYLOADS } from "../support/hostile-payloads";
import { fileConcernThroughForm, uniquePostUrl } from "./concerns";
import {
  approvePendingRoles,
  givePassword,
  setWorkflowSettings,
  withE2eDatabase,
} from "./database";
import { e2eServer } from "./e2e-server";
import { confirmStep, DEMO, DEMO_PASSWORD, personSignedIn } from "./support";

// Hostile input through the real server, and the two canaries of a confidential case: the
// reporter's name and a patient's name pasted into the description. The people are created
// here, through the admin pages, so no demo account another journey counts on is touched.
test.describe.configure({ mode: "serial" });

const RUN = randomBytes(3).toString("hex");
const PASSWORD = "hostile-input-password";
const CANARY_REPORTER = `Canary-Reporter-Qzv${RUN}`;
const CANARY_PATIENT = `Canary-Patient-Zyx${RUN}`;
const DEPARTMENT = `Hostile Ward ${RUN} <script>alert("department")</script>`;
const PEOPLE = {
  reporter: { name: CANARY_REPORTER, email: `hostile-r-${RUN}@hospital.example` },
  subject: { name: `Hostile Subject ${RUN}`, email: `hostile-s-${RUN}@hospital.example` },
  stranger: { name: `Hostile Stranger ${RUN}`, email: `hostile-x-${RUN}@hospital.example` },
  officer: { name: `Hostile Officer ${RUN}`, email: `hostile-o-${RUN}@hospital.example` },
} as const;

// What each party types: script that would run if any page rendered it as markup.
const TYPED = {
  description: `${CANARY_PATIENT} is named in it. <script>alert("description")</script><img src=x onerror=alert("img")><svg onload=alert("svg")>`,
  explanation: `"><iframe srcdoc="<script>alert('dispute')</script>"></iframe> javascript:alert('dispute')`,
  escalation: `<img src=x onerror=alert('escalate')> '; drop table users; --`,
  note: `<script>alert('note')</script> =HYPERLINK("http://evil.example")`,
  question: `<svg/onload=alert('question')> when was it removed?`,
  answer: `<a href="javascript:alert('answer')">click</a> \u202Eevil`,
  rationale: `=HYPERLINK("http://evil.example","<script>alert('rationale')</script>") coaching given`,
};

let concernId = "";
const dialogs: string[] = [];

/** Any dialog (alert, confirm, prompt) means a payload ran: record it, and fail at the end. */
function watchDialogs(context: BrowserContext) {
  context.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
}

async function signedIn(browser: Browser, email: string, password = PASSWORD) {
  const person = await personSignedIn(browser, email, password);
  watchDialogs(person.context);
  return person;
}

/** The payload is on the page as text a person can read, and no element it names exists. */
async function expectInert(page: Page, ...texts: string[]) {
  for (const text of texts) {
    await expect(page.getByText(text.trim(), { exact: false }).first()).toBeVisible();
  }
  await expect(
    page.locator("main script, main iframe, main svg[onload], main [onerror], main [onload]"),
  ).toHaveCount(0);
}

test.beforeAll(async ({ browser }) => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
  const admin = await signedIn(browser, DEMO.admin, DEMO_PASSWORD);
  await admin.page.goto("/admin/departments");
  await admin.page.getByLabel("New department").fill(DEPARTMENT);
  await admin.page.getByRole("button", { name: "Add department" }).click();
  await expect(admin.page.getByText(DEPARTMENT).first()).toBeVisible();
  for (const [key, person] of Object.entries(PEOPLE)) {
    await admin.page.goto("/admin/users/new");
    await admin.page.getByLabel("Full name").fill(person.name);
    await admin.page.getByLabel("Email").fill(person.email);
    if (key === "subject" || key === "officer") {
      await admin.page
        .getByLabel("Department", { exact: true })
        .selectOption({ label: DEPARTMENT });
    }
    if (key === "officer") {
      await admin.page.getByRole("checkbox", { name: /^Physician/ }).uncheck();
      await admin.page.getByRole("checkbox", { name: /^Compliance officer/ }).check();
    }
    await admin.page.getByRole("button", { name: "Create account" }).click();
    await expect(admin.page).toHaveURL(/saved=created/);
    await approvePendingRoles(person.email);
    await givePassword(person.email, PASSWORD);
    await expect(admin.page.getByRole("heading", { level: 1 })).toHaveText(person.name);
  }
  await admin.context.close();
});

test.afterAll(() => {
  expect(dialogs, "no payload may run as script").toEqual([]);
});

test("script typed into every field of a case shows as text on every page and never runs", async ({
  browser,
}) => {
  const reporter = await signedIn(browser, PEOPLE.reporter.email);
  concernId = await fileConcernThroughForm(reporter.page, {
    colleague: PEOPLE.subject.name,
    postUrl: uniquePostUrl(),
    significant: true,
    description: TYPED.description,
  });
  await expectInert(reporter.page, TYPED.description);

  const subject = await signedIn(browser, PEOPLE.subject.email);
  await subject.page.goto(`/notices/${concernId}`);
  await expectInert(subject.page, TYPED.description);
  await subject.page.getByLabel("Your explanation").fill(TYPED.explanation);
  await subject.page.getByRole("button", { name: "Send explanation" }).click();
  await expect(subject.page.getByText("Your explanation has been sent.")).toBeVisible();

  await reporter.page.reload();
  await expectInert(reporter.page, TYPED.explanation);
  const escalate = reporter.page.locator("form").filter({ hasText: "Escalate to compliance" });
  await escalate.getByLabel("Reason").fill(TYPED.escalation);
  await confirmStep(escalate, "Escalate to compliance…", "Escalate to compliance");
  await expect(reporter.page.locator("header").getByText("With the compliance team")).toBeVisible();

  const officer = await signedIn(browser, PEOPLE.officer.email);
  await officer.page.goto(`/compliance/cases/${concernId}`);
  await officer.page.getByRole("button", { name: "Claim this case" }).click();
  await expect(officer.page.getByText("You hold this case now.")).toBeVisible();
  await officer.page.getByLabel("New internal note").fill(TYPED.note);
  await officer.page.getByRole("button", { name: "Add note" }).click();
  await expect(officer.page.getByText("Note added.")).toBeVisible();
  await officer.page.getByRole("radio", { name: "The colleague concerned" }).check();
  await officer.page.getByRole("textbox", { name: /^Question/ }).fill(TYPED.question);
  await officer.page.getByRole("button", { name: "Send question" }).click();
  await expect(officer.page.getByText("Question sent.")).toBeVisible();

  await subject.page.goto(`/notices/${concernId}`);
  await expectInert(subject.page, TYPED.question);
  await subject.page.getByLabel("Your answer").fill(TYPED.answer);
  await subject.page.getByRole("button", { name: "Send answer" }).click();
  await expect(subject.page.getByText("Your answer has been sent")).toBeVisible();
  await expectInert(subject.page, TYPED.description, TYPED.answer);

  await officer.page.reload();
  await expectInert(
    officer.page,
    TYPED.description,
    TYPED.explanation,
    TYPED.escalation,
    TYPED.note,
    TYPED.question,
    TYPED.answer,
  );
  await officer.page.getByLabel("Coaching conversation").check();
  await officer.page.getByLabel("Rationale").fill(TYPED.rationale);
  await confirmStep(officer.page, "Close the case…", "Close case with this outcome");
  await expect(officer.page.getByText("Case closed. Both parties have been told.")).toBeVisible();
  await expectInert(officer.page, TYPED.rationale);

  // The lists and inboxes that name the case or its people, and the mail shown in the app.
  for (const [page, path] of [
    [officer.page, `/compliance?state=open&q=${encodeURIComponent(PEOPLE.subject.name)}`],
    [officer.page, "/compliance/insights"],
    [officer.page, "/notifications"],
    [reporter.page, "/concerns"],
    [reporter.page, `/concerns/${concernId}`],
    [reporter.page, "/notifications"],
    [subject.page, "/notices"],
    [subject.page, `/notices/${concernId}`],
    [subject.page, "/notifications"],
    [subject.page, "/dev/mailbox"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  // The case file an officer exports shows the formula as text, never as a formula.
  const csv = await (
    await officer.context.request.get(`/compliance/cases/${concernId}/export/csv?notes=include`)
  ).text();
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example""`);
  expect(csv).toContain("<script>alert('note')</script>");
  expect(csv).not.toMatch(/(^|,)"[=+\-@\t\r]/m);
});

test("no query parameter or address, however hostile, makes any page fail or reflect markup", async ({
  browser,
}) => {
  const asPhysician = (await signedIn(browser, PEOPLE.subject.email)).context.request;
  const asOfficer = (await signedIn(browser, PEOPLE.officer.email)).context.request;
  const asAdmin = (await signedIn(browser, DEMO.admin, DEMO_PASSWORD)).context.request;
  const [{ id: userId }] = await withE2eDatabase(
    async (client) =>
      (await client.query("select id from users where email = $1", [PEOPLE.stranger.email])).rows,
  );

  const queueKeys = ["state", "department", "category", "severity", "platform", "assignee"];
  const targets: (readonly [APIRequestContext, (value: string) => string])[] = [
    [asPhysician, (v) => `/api/directory?q=${v}`],
    [asPhysician, (v) => `/notices/${concernId}?done=${v}`],
    [asPhysician, (v) => `/notices/${v}`],
    [asPhysician, (v) => `/concerns/${v}`],
    [asPhysician, (v) => `/sign-in?callbackUrl=${v}`],
    ...[...queueKeys, "overdue", "sort", "q", "after"].map(
      (key) => [asOfficer, (v: string) => `/compliance?${key}=${v}`] as const,
    ),
    [asOfficer, (v) => `/compliance/insights?from=${v}`],
    [asOfficer, (v) => `/compliance/insights?from=2026-01-01&to=${v}`],
    [asOfficer, (v) => `/compliance/cases/${concernId}?done=${v}`],
    [asOfficer, (v) => `/compliance/cases/${v}`],
    [asOfficer, (v) => `/compliance/cases/${concernId}/export/csv?notes=${v}`],
    [asOfficer, (v) => `/compliance/cases/${concernId}/export/${v}`],
    [asOfficer, (v) => `/compliance/cases/${v}/export/pdf`],
    [asAdmin, (v) => `/admin/users?q=${v}`],
    [asAdmin, (v) => `/admin/users?role=${v}&status=${v}`],
    [asAdmin, (v) => `/admin/users/${userId}?saved=${v}`],
    [asAdmin, (v) => `/admin/users/${v}`],
  ];

  const failures: string[] = [];
  for (const payload of HOSTILE_PAYLOADS) {
    const value = urlComponent(payload.value);
    await Promise.all(
      targets.map(async ([request, address]) => {
        const url = address(value);
        const where = `${payload.name} at ${address("…")}`;
        const response = await request.get(url, { maxRedirects: 0 }).catch((error: Error) => {
          // An address over the server's header limit is refused (431) and the connection
          // closed, which a client still writing its megabyte sees as the pipe breaking.
          if (
            url.length > HEADER_LIMIT_BYTES &&
            /EPIPE|ECONNRESET|socket hang up/.test(error.message)
          ) {
            return null;
          }
          throw error;
        });
        if (!response) return;
        if (response.status() >= 500) failures.push(`${response.status()} for ${where}`);
        const type = response.headers()["content-type"] ?? "";
        if (type.includes("html") && payload.value.includes("<")) {
          const body = await response.text();
          if (body.includes(payload.value)) failures.push(`markup reflected for ${where}`);
        }
      }),
    );
  }
  expect(failures).toEqual([]);

  // A control character in a search is refused with a message, not ignored in silence.
  const refused = await asPhysician.get(`/api/directory?q=${encodeURIComponent("ab\u0000c")}`);
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual({ error: "Remove the control characters from the search." });
  const queue = await asOfficer.get(`/compliance?q=${encodeURIComponent("ab\u0000c")}`);
  expect(await queue.text()).toContain("Remove the control characters from the search.");
});

/** Node's limit on a request's headers, the request line included. */
const HEADER_LIMIT_BYTES = 16 * 1024;

/** A URL cannot carry half a character: send the bytes a hostile client would, invalid UTF-8. */
function urlComponent(text: string): string {
  return text
    .split(/(\p{Cs})/u)
    .map((part) => (/\p{Cs}/u.test(part) ? "%ED%A0%80" : encodeURIComponent(part)))
    .join("");
}

test("the canaries reach no one who may not see them: not the colleague, not a stranger, no email, no log line", async ({
  browser,
}) => {
  expect(concernId, "the case from the first journey").not.toBe("");
  const subject = await signedIn(browser, PEOPLE.subject.email);
  const stranger = await signedIn(browser, PEOPLE.stranger.email);
  const officer = await signedIn(browser, PEOPLE.officer.email);

  /** A page as its HTML and as the RSC payload a client-side navigation fetches. */
  async function served(request: APIRequestContext, path: string): Promise<string> {
    const html = await request.get(path);
    const rsc = await request.get(path, { headers: { RSC: "1" } });
    expect(html.status(), path).toBeLessThan(500);
    expect(rsc.status(), path).toBeLessThan(500);
    return `${await html.text()}\n${await rsc.text()}`;
  }

  // Those entitled do see the canary, so its absence below is not a blind check.
  expect(await served(officer.context.request, `/compliance/cases/${concernId}`)).toContain(
    CANARY_REPORTER,
  );
  expect(await served(subject.context.request, `/notices/${concernId}`)).toContain(CANARY_PATIENT);

  const casePages = [
    `/notices/${concernId}`,
    `/concerns/${concernId}`,
    `/compliance/cases/${concernId}`,
    `/compliance/cases/${concernId}/export/csv`,
    "/notices",
    "/concerns",
    "/notifications",
    "/",
  ];
  for (const path of casePages) {
    expect(await served(subject.context.request, path), `subject: ${path}`).not.toContain(
      CANARY_REPORTER,
    );
    const toStranger = await served(stranger.context.request, path);
    expect(toStranger, `stranger: ${path}`).not.toContain(CANARY_REPORTER);
    expect(toStranger, `stranger: ${path}`).not.toContain(CANARY_PATIENT);
  }

  // An administrator manages accounts, not cases: none of the reporter's free text on any
  // page an administrator can open, the mailbox and failed deliveries included.
  const admin = await signedIn(browser, DEMO.admin, DEMO_PASSWORD);
  const reporterFreeText = [CANARY_PATIENT, "drop table users; --"];
  const reporterId = await withE2eDatabase(
    async (client) =>
      (await client.query("select id from users where email = $1", [PEOPLE.reporter.email])).rows[0]
        .id as string,
  );
  for (const path of [
    ...casePages,
    `/compliance/cases/${concernId}/export/pdf`,
    `/compliance/cases/${concernId}/export/csv?notes=include`,
    "/admin/users",
    `/admin/users/${reporterId}`,
    "/admin/departments",
    "/admin/settings",
    "/admin/email-deliveries",
    "/admin/reopen-case",
    "/dev/mailbox",
  ]) {
    const page = await served(admin.context.request, path);
    for (const text of reporterFreeText) expect(page, `admin: ${path}`).not.toContain(text);
  }

  // Every email about the case has been sent (the worker sends them), then read them all.
  const recipients = [PEOPLE.reporter.email, PEOPLE.subject.email, PEOPLE.officer.email];
  await expect(async () => {
    const pending = await withE2eDatabase(
      async (client) =>
        (
          await client.query(
            `select count(*)::int as n from email_deliveries d join users u on u.id = d.recipient_id
            where u.email = any($1) and d.status in ('pending', 'retrying')`,
            [recipients],
          )
        ).rows[0].n,
    );
    expect(pending).toBe(0);
  }).toPass({ timeout: 30_000, intervals: [500] });
  const emails = await withE2eDatabase(
    async (client) =>
      (
        await client.query<{
          to_address: string;
          subject: string;
          text_body: string;
          html_body: string;
        }>("select to_address, subject, text_body, html_body from captured_emails")
      ).rows,
  );
  const toSubject = emails.filter((e) => e.to_address === PEOPLE.subject.email);
  expect(toSubject.length, "the colleague was emailed about the case").toBeGreaterThan(0);
  for (const email of emails) {
    const whole = `${email.subject}\n${email.text_body}\n${email.html_body}`;
    expect(whole, `email to ${email.to_address}`).not.toContain(CANARY_PATIENT);
    if (email.to_address !== PEOPLE.reporter.email) {
      expect(whole, `email to ${email.to_address}`).not.toContain(CANARY_REPORTER);
    }
  }

  // Everything the server printed while serving all of the above.
  const log = await readFile(e2eServer().log, "utf8");
  expect(log).toContain("Peer Concerns is ready on");
  expect(log).not.toContain(CANARY_REPORTER);
  expect(log).not.toContain(CANARY_PATIENT);
});
