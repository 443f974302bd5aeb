import { type Browser, expect, test } from "@playwright/test";
import {
  act,
  PASSWORD,
  type Person,
  setUpStep,
  signInOverHttp,
} from "./authorisation-matrix-world";
import { uniquePostUrl } from "./concerns";
import {
  approvePendingRoles,
  givePassword,
  setWorkflowSettings,
  withE2eDatabase,
} from "./database";
import { formArgs } from "./server-actions";
import { confirmStep, DEMO } from "./support";

/**
 * Patterns across cases: a colleague gets three concerns from two colleagues, each of which
 * ends between peers; the officers of their department find a pattern review in the queue,
 * the colleague is told and answers, the officer decides, and the colleague reads the
 * outcome. Everyone is in a department of this test's own, so no other journey's concerns
 * count towards this colleague's pattern.
 */

// Digits only: a name must share no word with what the confidential reporter writes.
const tag = String(Date.now()).slice(-6);
let baseURL: string;

async function newPerson(admin: string, departmentId: string, role: string, label: string) {
  const name = `Pattern ${label} ${tag}`;
  const email = `pattern-${label.toLowerCase().replace(/\W+/g, "-")}-${tag}@hospital.example`;
  const [, id] = await setUpStep(
    { baseURL },
    "app/(app)/admin/users/actions.ts#createUserAction",
    admin,
    "/admin/users/new",
    { name, email, departmentId, roles: role },
    /^\/admin\/users\/([0-9a-f-]{36})\?saved=created(?:_requested)?$/,
  );
  // A new officer's role waits for a second person's approval (not this journey's subject).
  await approvePendingRoles(email);
  await givePassword(email, PASSWORD);
  return { id: id!, name, email, cookie: await signInOverHttp({ baseURL }, email) };
}

/** A browser of the person's own, signed in with the session made over HTTP. */
async function browserOf(browser: Browser, person: Person) {
  const context = await browser.newContext();
  const [name, ...value] = person.cookie.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: baseURL }]);
  return context.newPage();
}

/** A concern about the colleague's post, not significant, the reporter named or not. */
async function raise(reporter: Person, subject: Person, disclosure: "named" | "confidential") {
  const [, id] = await setUpStep(
    { baseURL },
    "app/(app)/concerns/actions.ts#fileConcernAction",
    reporter.cookie,
    "/concerns/new",
    {
      subjectId: subject.id,
      postUrl: uniquePostUrl(),
      platform: "x",
      seenOn: new Date().toISOString().slice(0, 10),
      description: "A post mocking a group of patients, seen on a public profile.",
      categories: ["undermining_trust"],
      severity: "appears_unprofessional",
      disclosure,
    },
    /^\/concerns\/([0-9a-f-]{36})\?done=filed$/,
  );
  return id!;
}

function step(
  person: Person,
  action: Parameters<typeof act>[1],
  path: string,
  fields: Record<string, string>,
  done: string,
) {
  return setUpStep(
    { baseURL },
    action,
    person.cookie,
    path,
    fields,
    new RegExp(`\\?done=${done}$`),
  );
}

test("three concerns from two colleagues, each ended between peers, open a pattern review the colleague answers and the officer decides", async ({
  browser,
}) => {
  baseURL = test.info().project.use.baseURL!;
  await setWorkflowSettings({ dailyFilingLimit: 100 });
  const admin = await signInOverHttp({ baseURL }, DEMO.admin);
  const department = `Pattern review ${tag}`;
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
  const colleague = await newPerson(admin, departmentId, "physician", "Colleague");
  const quiet = await newPerson(admin, departmentId, "physician", "First reporter");
  const named = await newPerson(admin, departmentId, "physician", "Second reporter");
  const officer = await newPerson(admin, departmentId, "compliance_officer", "Officer");

  // 1. Raised confidentially, removed by the colleague, confirmed: resolved.
  const resolved = await raise(quiet, colleague, "confidential");
  await step(
    colleague,
    "app/(app)/notices/actions.ts#reportRemediationAction",
    `/notices/${resolved}`,
    { concernId: resolved, action: "removed", note: "" },
    "report_remediation",
  );
  await step(
    quiet,
    "app/(app)/concerns/actions.ts#answerResponseAction",
    `/concerns/${resolved}`,
    { concernId: resolved, decision: "confirm_remediation", reason: "" },
    "confirm_remediation",
  );
  // 2. Raised by the same colleague again, then withdrawn.
  const withdrawn = await raise(quiet, colleague, "confidential");
  await step(
    quiet,
    "app/(app)/concerns/actions.ts#answerResponseAction",
    `/concerns/${withdrawn}`,
    { concernId: withdrawn, decision: "withdraw", reason: "We talked it through." },
    "withdraw",
  );
  // 3. Raised by a second colleague, disputed, the explanation accepted.
  const accepted = await raise(named, colleague, "named");
  await step(
    colleague,
    "app/(app)/notices/actions.ts#disputeAction",
    `/notices/${accepted}`,
    { concernId: accepted, explanation: "It was a fictional teaching scenario." },
    "dispute",
  );
  await step(
    named,
    "app/(app)/concerns/actions.ts#answerResponseAction",
    `/concerns/${accepted}`,
    { concernId: accepted, decision: "accept_dispute", reason: "" },
    "accept_dispute",
  );

  // The officer of the department finds the review in the queue, listing all three.
  const officerPage = await browserOf(browser, officer);
  await officerPage.goto("/compliance");
  const section = officerPage.locator("section", {
    has: officerPage.getByRole("heading", { name: "Pattern reviews" }),
  });
  const row = section.getByRole("row", { name: new RegExp(colleague.name) });
  await expect(row).toContainText("3");
  await row.getByRole("link").click();
  await expect(officerPage.getByRole("heading", { level: 1 })).toContainText("Pattern review PR-");
  await expect(officerPage.getByText("3 concerns from 2 different colleagues")).toBeVisible();
  const listed = officerPage.getByRole("table", { name: "Concerns in this review" });
  await expect(listed.getByRole("row")).toHaveCount(4);
  await expect(listed).toContainText(named.name);
  await expect(officerPage.locator("body")).not.toContainText(quiet.name);

  // Due process: the officer takes it at once, but cannot decide while the colleague may
  // still answer (a week from the opening, the organisation's notice window).
  await officerPage.getByRole("button", { name: "Claim this review" }).click();
  await expect(officerPage.getByText("You hold this review now.")).toBeVisible();
  await expect(officerPage.getByTestId("answer-window")).toContainText(
    `Not yet. ${colleague.name} was told when the review opened and may answer until`,
  );
  await expect(officerPage.getByTestId("decision-waits")).toContainText(
    "You can decide once they answer or that time passes.",
  );
  await expect(officerPage.getByRole("button", { name: "Decide the review…" })).toHaveCount(0);

  // The colleague is told, in plain words, and answers before any decision.
  const colleaguePage = await browserOf(browser, colleague);
  await colleaguePage.goto("/notifications");
  await colleaguePage
    .getByTestId("pattern-review-notification")
    .getByRole("link", { name: "Open the review" })
    .click();
  await expect(colleaguePage.getByRole("heading", { level: 1 })).toHaveText(
    "A review of several concerns about your posts",
  );
  await expect(colleaguePage.getByText("You can answer until the review is decided")).toBeVisible();
  await expect(colleaguePage.getByTestId("decision-not-before")).toContainText(
    "The review will not be decided before",
  );
  await expect(colleaguePage.locator("body")).not.toContainText(quiet.name);
  await expect(colleaguePage.locator("body")).not.toContainText(named.name);
  const answer =
    "Each of these posts came down within a day; I have since reviewed my privacy settings.";
  await colleaguePage.getByLabel("Your answer").fill(answer);
  await colleaguePage.getByRole("button", { name: "Send my answer" }).click();
  await expect(
    colleaguePage.getByText("Your answer has been sent to the compliance team."),
  ).toBeVisible();
  await expect(colleaguePage.getByTestId("your-answer")).toHaveText(answer);

  await expect(colleaguePage.getByTestId("decision-not-before")).toHaveCount(0);

  // Answered: the officer reads the answer and may decide now.
  await officerPage.reload();
  await expect(officerPage.getByTestId("colleague-answer")).toHaveText(answer);
  await expect(officerPage.getByTestId("decision-waits")).toHaveCount(0);
  await officerPage.getByLabel("Coaching conversation").check();
  const rationale =
    "Three posts within the year show a habit worth a conversation, though each was resolved.";
  await officerPage.getByLabel("Rationale").fill(rationale);
  const summary = "A coaching conversation about posting will be arranged with you.";
  await officerPage.getByLabel("What the colleague is told").fill(summary);
  await confirmStep(officerPage, "Decide the review…", "Decide the review with this outcome");
  await expect(officerPage.getByTestId("review-decision")).toContainText("Coaching conversation");

  // The colleague sees the outcome and the summary, never the rationale.
  await colleaguePage.reload();
  const outcome = colleaguePage.getByTestId("review-outcome");
  await expect(outcome).toContainText("Coaching conversation");
  await expect(outcome).toContainText(summary);
  await expect(colleaguePage.locator("body")).not.toContainText(rationale);
});
