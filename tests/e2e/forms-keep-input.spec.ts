import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { SERVER_ACTIONS } from "./authorisation-matrix";
import {
  askQuestion,
  claimReview,
  closedCase,
  enrolOverHttp,
  fileCase,
  freshPatternReview,
  heldCase,
  type Person,
  passwordOnlySession,
  setUpStep,
  setUpWorld,
  takenAppeal,
  type World,
} from "./authorisation-matrix-world";
import { mintAccountLink } from "./database";

/**
 * No form throws away what was typed. Every form, from one table: what to type in each of
 * its fields, one of them wrong; sent with JavaScript on and off, the form must come back
 * with every value as typed (a password excepted), an error summary at the top that
 * links to the field and (with scripts) has focus, and the message beside the field, tied
 * to it for screen readers. A server action without a row here fails the first test.
 */

type ActionId = keyof typeof SERVER_ACTIONS;

interface Control {
  label: string | RegExp;
  kind: "text" | "select" | "check" | "radio";
  value: string;
  /** Never shown again, by design (a password). */
  secret?: boolean;
}

interface FormRow {
  /** Who opens the form, where, in a world of this test's own. */
  open: (world: World) => Promise<{ as: Person | null; path: string }>;
  /** The form, where its page has several. */
  within?: (page: Page) => Locator;
  controls: Control[];
  /** The field typed wrong (its wrong value is kept too), and what it is told. */
  bad: Control & { message: RegExp };
  submit: string;
  /** The first press of an irreversible step, which asks before the button sends. */
  confirm?: string;
}

type FormOrNot = FormRow | { noTypedFields: string };

const NOW = () => new Date().toISOString().slice(0, 10);

async function subjectNotice(world: World) {
  const { reporter, subject } = world.people;
  return fileCase(world, reporter, subject, true);
}

/** A case whose colleague reported an action, waiting on the reporter's answer. */
async function remediatedCase(world: World) {
  const id = await subjectNotice(world);
  await setUpStep(
    world,
    "app/(app)/notices/actions.ts#reportRemediationAction",
    world.people.subject.cookie,
    `/notices/${id}`,
    { concernId: id, action: "removed", note: "" },
    /\?done=report_remediation$/,
  );
  return id;
}

async function officerCase(world: World) {
  const { reporter, subject, assignedOfficer } = world.people;
  return heldCase(world, reporter, subject, assignedOfficer);
}

// Passwords are never shown again, whichever field was wrong.
const NEW_PASSWORD: Control = {
  label: /^New password(?! again)/,
  kind: "text",
  value: "a new password to keep",
  secret: true,
};
const TYPED_DIFFERENTLY = {
  label: /^New password again/,
  kind: "text",
  value: "a different password",
  secret: true,
  message: /not the same/,
} as const;

const byForm = (button: string) => (page: Page) =>
  page.locator("form").filter({ has: page.getByRole("button", { name: button, exact: true }) });

const FORMS: Record<ActionId, FormOrNot> = {
  "app/(auth)/sign-in/actions.ts#signInWithPassword": {
    open: async () => ({ as: null, path: "/sign-in" }),
    controls: [{ label: "Email", kind: "text", value: "spare@hospital.example" }],
    bad: {
      label: "Password",
      kind: "text",
      value: "",
      secret: true,
      message: /Enter your password/,
    },
    submit: "Sign in",
  },
  "app/(auth)/sign-in/actions.ts#signInWithSso": { noTypedFields: "a button to the provider" },
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": {
    open: async () => ({ as: null, path: "/forgot-password" }),
    controls: [],
    bad: { label: "Email", kind: "text", value: "not-an-email", message: /valid email/ },
    submit: "Email me a link",
  },
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": {
    open: async (world) => ({
      as: null,
      path: `/reset-password/${await mintAccountLink(world.people.spare.email, "password_reset")}`,
    }),
    controls: [NEW_PASSWORD],
    bad: TYPED_DIFFERENTLY,
    submit: "Save the new password",
  },
  "app/(auth)/invitation/actions.ts#acceptInvitationAction": {
    open: async (world) => ({
      as: null,
      path: `/invitation/${await mintAccountLink(world.people.spare.email, "invitation")}`,
    }),
    controls: [NEW_PASSWORD],
    bad: TYPED_DIFFERENTLY,
    submit: "Set my password",
  },
  "app/(app)/preferences/password/actions.ts#changeOwnPasswordAction": {
    open: async (world) => ({ as: world.people.reporter, path: "/preferences/password" }),
    controls: [
      { label: /^Current password/, kind: "text", value: "matrix-password-1", secret: true },
      NEW_PASSWORD,
    ],
    bad: TYPED_DIFFERENTLY,
    submit: "Change password",
  },
  "app/(app)/sign-out-action.ts#signOutAction": { noTypedFields: "a button" },
  "app/(auth)/sign-in/two-factor/actions.ts#beginEnrolmentAction": { noTypedFields: "a button" },
  "app/(app)/preferences/two-factor/actions.ts#regenerateRecoveryCodesAction": {
    noTypedFields: "a button behind its question",
  },
  // Blank: refused by the schema, so no failed sign-in is counted. A one-time code is never
  // sent back (lib/actions/read-form.ts), like a password.
  "app/(auth)/sign-in/two-factor/actions.ts#passSecondFactorAction": {
    open: async (world) => ({
      as: {
        ...world.people.assignedOfficer,
        cookie: await passwordOnlySession(world, world.people.assignedOfficer.email),
      },
      path: "/sign-in/two-factor",
    }),
    controls: [],
    bad: {
      label: /Code from your authenticator app/,
      kind: "text",
      value: "   ",
      secret: true,
      message: /Enter the code from your authenticator app/,
    },
    submit: "Continue",
  },
  "app/(auth)/sign-in/two-factor/actions.ts#confirmEnrolmentAction": {
    open: async (world) => {
      await setUpStep(
        world,
        "app/(auth)/sign-in/two-factor/actions.ts#beginEnrolmentAction",
        world.people.colleague.cookie,
        "/preferences/two-factor",
        {},
        /^\/preferences\/two-factor$/,
      );
      return { as: world.people.colleague, path: "/preferences/two-factor" };
    },
    controls: [],
    bad: {
      label: "Code from your authenticator app",
      kind: "text",
      value: "12ab",
      secret: true,
      message: /Enter the 6-digit code/,
    },
    submit: "Turn on two-factor sign-in",
  },
  "app/(app)/preferences/two-factor/actions.ts#disableTwoFactorAction": {
    open: async (world) => {
      await enrolOverHttp(world, world.people.spare.email, world.people.spare.cookie);
      return { as: world.people.spare, path: "/preferences/two-factor" };
    },
    controls: [],
    bad: {
      label: "Code from your authenticator app",
      kind: "text",
      value: "12ab",
      secret: true,
      message: /Enter the 6-digit code/,
    },
    confirm: "Turn off two-factor sign-in",
    submit: "Turn it off",
  },
  "app/(app)/preferences/email/actions.ts#updateEmailPreferencesAction": {
    noTypedFields: "one checkbox, which no value can make wrong",
  },
  "app/(app)/preferences/email/actions.ts#updateOwnTimeZoneAction": {
    noTypedFields: "one list of time zones, which no choice in it can make wrong",
  },
  "app/(app)/notifications/actions.ts#markAllNotificationsReadAction": {
    noTypedFields: "a button",
  },
  "app/(app)/concerns/actions.ts#fileConcernAction": {
    open: async (world) => ({
      as: world.people.reporter,
      path: `/concerns/new?colleague=${world.people.subject.id}`,
    }),
    controls: [
      { label: "Platform", kind: "select", value: "instagram" },
      { label: "Date you saw it", kind: "text", value: NOW() },
      {
        label: "What the post shows",
        kind: "text",
        value: "A photo from the ward with a caption mocking a patient's family.",
      },
      { label: /^Patient privacy/, kind: "check", value: "on" },
      { label: /^Other$/, kind: "check", value: "on" },
      {
        label: "If you ticked Other: which professional norm does it touch?",
        kind: "text",
        value: "Misleading claims about outcomes",
      },
      { label: /no patient can be identified/, kind: "check", value: "on" },
      { label: /^Significantly violates/, kind: "radio", value: "on" },
      { label: /^Named/, kind: "radio", value: "on" },
    ],
    bad: {
      label: "Link to the post",
      kind: "text",
      value: "not a link at all",
      message: /starting with https/,
    },
    submit: "Raise concern and notify colleague",
  },
  "app/(app)/compliance/record-concern/actions.ts#recordConcernAction": {
    open: async (world) => ({
      as: world.people.assignedOfficer,
      path: `/compliance/record-concern?colleague=${world.people.subject.id}`,
    }),
    controls: [
      { label: "By letter", kind: "radio", value: "on" },
      { label: /^Someone else/, kind: "radio", value: "on" },
      { label: "Their name, or the name of the body", kind: "text", value: "Ms Ada Byron" },
      { label: "Platform", kind: "select", value: "linkedin" },
      { label: "Date the post was seen", kind: "text", value: NOW() },
      {
        label: "What the post shows",
        kind: "text",
        value: "A letter describes a post mocking a patient's family in the waiting room.",
      },
      { label: /^Undermining trust/, kind: "check", value: "on" },
      { label: /^Appears unprofessional/, kind: "radio", value: "on" },
      { label: /^Named/, kind: "radio", value: "on" },
    ],
    bad: {
      label: "Link to the post",
      kind: "text",
      value: "not a link at all",
      message: /starting with https/,
    },
    submit: "Record concern and notify colleague",
  },
  "app/(app)/concerns/actions.ts#answerResponseAction": {
    open: async (world) => ({
      as: world.people.reporter,
      path: `/concerns/${await remediatedCase(world)}`,
    }),
    controls: [],
    within: (page) =>
      page.locator("main form").filter({
        has: page.locator("summary", { hasText: "Say it is not enough…" }),
      }),
    bad: { label: /^Reason/, kind: "text", value: "No", message: /at least 5|short reason/ },
    submit: "Say it is not enough",
    confirm: "Say it is not enough…",
  },
  "app/(app)/concerns/actions.ts#answerInformationAction": {
    open: async (world) => {
      const id = await officerCase(world);
      await askQuestion(world, world.people.assignedOfficer, id, "subject");
      return { as: world.people.subject, path: `/notices/${id}` };
    },
    controls: [],
    bad: { label: "Your answer", kind: "text", value: "x", message: /Write your answer/ },
    submit: "Send answer",
  },
  // Over the daily limit, the form says so and keeps the message: the limit is reached first.
  "app/(app)/concerns/actions.ts#postMessageAction": {
    open: async (world) => {
      const id = await subjectNotice(world);
      for (let i = 0; i < 10; i++) {
        await setUpStep(
          world,
          "app/(app)/concerns/actions.ts#postMessageAction",
          world.people.subject.cookie,
          `/notices/${id}`,
          { concernId: id, body: `Message ${i + 1}` },
          /\?done=message(#thread)?$/,
        );
      }
      return { as: world.people.subject, path: `/notices/${id}` };
    },
    controls: [],
    bad: {
      label: /^Your message to/,
      kind: "text",
      value: "One more thing about the post.",
      message: /^You have sent 10 messages on this case in the last 24 hours/,
    },
    submit: "Send message",
  },
  "app/(app)/concerns/actions.ts#reportMessageAction": {
    noTypedFields: "an optional reason whose only limit the field itself enforces",
  },
  "app/(app)/notices/actions.ts#reportRemediationAction": {
    open: async (world) => ({
      as: world.people.subject,
      path: `/notices/${await subjectNotice(world)}`,
    }),
    controls: [{ label: /^Another action$/, kind: "radio", value: "on" }],
    bad: {
      label: "Note (required for another action)",
      kind: "text",
      value: "",
      message: /Describe the action you took/,
    },
    submit: "Report action",
  },
  "app/(app)/notices/actions.ts#disputeAction": {
    open: async (world) => ({
      as: world.people.subject,
      path: `/notices/${await subjectNotice(world)}`,
    }),
    controls: [],
    bad: { label: "Your explanation", kind: "text", value: "Not me", message: /at least 10/ },
    submit: "Send explanation",
  },
  "app/(app)/notices/actions.ts#fileAppealAction": {
    open: async (world) => ({
      as: world.people.subject,
      path: `/notices/${await closedCase(world, world.people.assignedOfficer)}`,
    }),
    controls: [],
    bad: {
      label: "Why do you appeal the decision?",
      kind: "text",
      value: "I disagree.",
      message: /at least 20/,
    },
    submit: "Send my appeal",
    confirm: "Appeal the decision…",
  },
  "app/(app)/compliance/actions.ts#claimCaseAction": { noTypedFields: "a button" },
  "app/(app)/compliance/actions.ts#takeAppealAction": { noTypedFields: "a button" },
  "app/(app)/compliance/actions.ts#decideAppealAction": {
    open: async (world) => {
      const { assignedOfficer, otherOfficer } = world.people;
      return {
        as: otherOfficer,
        path: `/compliance/cases/${await takenAppeal(world, assignedOfficer, otherOfficer)}`,
      };
    },
    controls: [
      { label: "Uphold: change the outcome", kind: "radio", value: "on" },
      { label: "Coaching conversation", kind: "radio", value: "on" },
      {
        label: "What the reporter and the colleague are told",
        kind: "text",
        value: "On appeal, a coaching conversation replaces the earlier outcome.",
      },
    ],
    bad: { label: "Rationale", kind: "text", value: "Short", message: /at least 10/ },
    submit: "Decide the appeal",
    confirm: "Decide the appeal…",
  },
  "app/(app)/compliance/pattern-reviews/actions.ts#claimPatternReviewAction": {
    noTypedFields: "a button",
  },
  "app/(app)/compliance/pattern-reviews/actions.ts#decidePatternReviewAction": {
    open: async (world) => {
      const review = await freshPatternReview(world);
      await claimReview(world, world.people.assignedOfficer, review.id);
      return { as: world.people.assignedOfficer, path: `/compliance/pattern-reviews/${review.id}` };
    },
    controls: [
      { label: "Referred to an external authority", kind: "radio", value: "on" },
      {
        label: "Rationale",
        kind: "text",
        value: "Three posts in a year identified patients; referred as the policy requires.",
      },
      {
        label: "What the colleague is told",
        kind: "text",
        value: "The review was referred to the state medical board.",
      },
    ],
    bad: {
      label: "External authority (when referred)",
      kind: "text",
      value: "",
      message: /Name the external authority/,
    },
    submit: "Decide the review with this outcome",
    confirm: "Decide the review…",
  },
  "app/(app)/notices/reviews/actions.ts#answerPatternReviewAction": {
    open: async (world) => ({
      as: world.people.subject,
      path: `/notices/reviews/${world.reviews.A.id}`,
    }),
    controls: [],
    bad: { label: "Your answer", kind: "text", value: "Too short", message: /at least 10/ },
    submit: "Send my answer",
  },
  "app/(app)/compliance/actions.ts#assignCaseAction": {
    open: async (world) => ({
      as: world.people.assignedOfficer,
      path: `/compliance/cases/${await officerCase(world)}`,
    }),
    controls: [],
    bad: { label: "Assign to", kind: "select", value: "", message: /Choose an officer/ },
    submit: "Assign",
  },
  "app/(app)/compliance/actions.ts#releaseCaseAction": {
    noTypedFields: "an optional reason whose only limit the field itself enforces",
  },
  "app/(app)/compliance/actions.ts#recuseAction": {
    open: async (world) => ({
      as: world.people.assignedOfficer,
      path: `/compliance/cases/${await officerCase(world)}`,
    }),
    controls: [],
    bad: {
      label: "Why you are stepping aside",
      kind: "text",
      value: "Friends",
      message: /at least 10/,
    },
    submit: "Step aside",
    confirm: "Step aside from this case…",
  },
  "app/(app)/compliance/actions.ts#closeCaseAction": {
    open: async (world) => ({
      as: world.people.assignedOfficer,
      path: `/compliance/cases/${await officerCase(world)}`,
    }),
    controls: [
      { label: "Referred to an external authority", kind: "radio", value: "on" },
      {
        label: "Rationale",
        kind: "text",
        value: "The post identified a patient; referred as the policy requires.",
      },
      {
        label: "What the reporter and the colleague are told",
        kind: "text",
        value: "The case was referred to the state medical board.",
      },
    ],
    bad: {
      label: "External authority (when referred)",
      kind: "text",
      value: "",
      message: /Name the external authority/,
    },
    submit: "Close case with this outcome",
    confirm: "Close the case…",
  },
  "app/(app)/compliance/actions.ts#reopenCaseAction": {
    open: async (world) => {
      const id = await officerCase(world);
      await setUpStep(
        world,
        "app/(app)/compliance/actions.ts#closeCaseAction",
        world.people.assignedOfficer.cookie,
        `/compliance/cases/${id}`,
        { concernId: id, outcome: "no_violation", rationale: "Nothing identifiable in it." },
        /\?done=close_case$/,
      );
      return { as: world.people.assignedOfficer, path: `/compliance/cases/${id}` };
    },
    controls: [],
    bad: { label: "Reason for reopening", kind: "text", value: "Appeal", message: /at least 10/ },
    submit: "Reopen case",
  },
  "app/(app)/compliance/actions.ts#addNoteAction": {
    open: async (world) => ({
      as: world.people.assignedOfficer,
      path: `/compliance/cases/${await officerCase(world)}`,
    }),
    controls: [],
    bad: { label: "New internal note", kind: "text", value: "x", message: /Write the note/ },
    submit: "Add note",
  },
  "app/(app)/compliance/actions.ts#retractNoteAction": {
    open: async (world) => {
      const id = await officerCase(world);
      await setUpStep(
        world,
        "app/(app)/compliance/actions.ts#addNoteAction",
        world.people.assignedOfficer.cookie,
        `/compliance/cases/${id}`,
        { concernId: id, body: "A note to retract." },
        /\?done=note$/,
      );
      return { as: world.people.assignedOfficer, path: `/compliance/cases/${id}` };
    },
    within: (page) => page.locator("li").filter({ hasText: "A note to retract." }),
    controls: [],
    bad: { label: "Reason for retracting", kind: "text", value: "No", message: /at least 5/ },
    submit: "Retract note",
  },
  "app/(app)/compliance/actions.ts#requestInformationAction": {
    open: async (world) => ({
      as: world.people.assignedOfficer,
      path: `/compliance/cases/${await officerCase(world)}`,
    }),
    controls: [{ label: "The colleague who raised the concern", kind: "radio", value: "on" }],
    bad: { label: "Question", kind: "text", value: "Why?", message: /at least 10/ },
    submit: "Send question",
  },
  "app/(app)/compliance/actions.ts#redactCaseTextAction": {
    open: async (world) => ({
      as: world.people.assignedOfficer,
      path: `/compliance/cases/${await officerCase(world)}`,
    }),
    controls: [
      { label: "Which text", kind: "select", value: "description" },
      { label: /^The words I type below/, kind: "radio", value: "on" },
    ],
    bad: {
      label: "The words to remove (every place they appear)",
      kind: "text",
      value: "",
      message: /Type the words to remove/,
    },
    submit: "Remove them for good",
    confirm: "Remove…",
  },
  "app/(app)/admin/users/actions.ts#createUserAction": {
    open: async (world) => ({ as: world.people.admin, path: "/admin/users/new" }),
    controls: [
      { label: "Full name", kind: "text", value: "Dr Keeps Typing" },
      { label: /^Compliance officer/, kind: "check", value: "on" },
    ],
    bad: { label: "Email", kind: "text", value: "not-an-email", message: /valid email/ },
    submit: "Create account",
  },
  "app/(app)/admin/users/actions.ts#updateUserAction": {
    open: async (world) => ({
      as: world.people.admin,
      path: `/admin/users/${world.people.spare.id}`,
    }),
    controls: [
      { label: "Email", kind: "text", value: "renamed-spare@hospital.example" },
      { label: /^Administrator/, kind: "check", value: "on" },
    ],
    bad: { label: "Full name", kind: "text", value: "X", message: /full name/ },
    submit: "Save changes",
  },
  "app/(app)/admin/users/actions.ts#setUserActiveAction": { noTypedFields: "a button" },
  "app/(app)/admin/users/actions.ts#resendInvitationAction": { noTypedFields: "a button" },
  "app/(app)/admin/users/actions.ts#createDepartmentAction": {
    open: async (world) => ({ as: world.people.admin, path: "/admin/departments" }),
    within: byForm("Add department"),
    controls: [],
    bad: { label: "New department", kind: "text", value: "X", message: /department's name/ },
    submit: "Add department",
  },
  "app/(app)/admin/users/actions.ts#renameDepartmentAction": {
    open: async (world) => ({ as: world.people.admin, path: "/admin/departments" }),
    within: (page) => byForm("Rename")(page).first(),
    controls: [],
    bad: { label: /^New name for/, kind: "text", value: "X", message: /department's name/ },
    submit: "Rename",
  },
  "app/(app)/admin/settings/actions.ts#updateWorkflowSettingsAction": {
    open: async (world) => ({ as: world.people.admin, path: "/admin/settings" }),
    controls: [
      { label: "Time a colleague has to respond to a notice (hours)", kind: "text", value: "170" },
      { label: "Concerns one physician may raise per 24 hours", kind: "text", value: "99" },
      {
        label: "Concerns about one colleague that open a pattern review",
        kind: "text",
        value: "4",
      },
      {
        label: /^Whom to contact when locked out/,
        kind: "text",
        value: "IT service desk, extension 4357",
      },
      { label: "Wellbeing programme's name", kind: "text", value: "Physician Wellness Service" },
      {
        label: "Wellbeing programme's web page",
        kind: "text",
        value: "https://wellbeing.hospital.example/physicians",
      },
      { label: "Wellbeing programme's phone number", kind: "text", value: "+1 (555) 010-4477" },
    ],
    bad: {
      label: "Time a reporter has to answer a response (hours)",
      kind: "text",
      value: "0",
      message: /At least 1 hour/,
    },
    submit: "Save settings",
  },
  "app/(app)/admin/email-deliveries/actions.ts#retryEmailDeliveryAction": {
    noTypedFields: "a button",
  },
  "app/(app)/role-requests/actions.ts#decideRoleGrantAction": {
    noTypedFields: "an approve and a decline button",
  },
  // A file input only: a browser cannot put a file back, and the page says so.
  "app/(app)/compliance/verify-export/actions.ts#checkReceivedExportAction": {
    noTypedFields: "a file input",
  },
  "app/(app)/admin/reopen-case/actions.ts#reopenByReferenceAction": {
    open: async (world) => ({ as: world.people.admin, path: "/admin/reopen-case" }),
    controls: [
      { label: "Reason for reopening", kind: "text", value: "The colleague appealed it." },
    ],
    bad: { label: "Case reference", kind: "text", value: "not a reference", message: /PC-000123/ },
    submit: "Reopen case",
  },
};

let world: World;

test.describe("forms keep what was typed", () => {
  test("every server action is in the table of forms", () => {
    expect(Object.keys(FORMS).sort()).toEqual(Object.keys(SERVER_ACTIONS).sort());
  });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    world = await setUpWorld(test.info().project.use.baseURL!);
  });

  for (const javaScript of [true, false]) {
    for (const [action, row] of Object.entries(FORMS)) {
      if ("noTypedFields" in row) continue;
      test(`${action.split("#")[1]}, JavaScript ${javaScript ? "on" : "off"}`, async ({
        browser,
      }) => {
        const { as, path } = await row.open(world);
        const page = await pageAs(browser, as, javaScript);
        await page.goto(path);
        const form = row.within ? row.within(page) : formOf(page, row);
        if (row.confirm) await form.locator("summary", { hasText: row.confirm }).click();
        for (const control of [...row.controls, row.bad]) await fill(form, control);
        await form.getByRole("button", { name: row.submit, exact: true }).click();

        const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
        await expect(summary).toBeVisible();
        if (javaScript) await expect(summary).toBeFocused();
        const again = row.within ? row.within(page) : page.locator("main");
        const bad = again.getByLabel(row.bad.label);
        await expect(bad).toHaveAttribute("aria-invalid", "true");
        const describedBy = (await bad.getAttribute("aria-describedby")) ?? "";
        const error = page.locator(
          `[id="${describedBy.split(" ").find((id) => id.endsWith("-error"))}"]`,
        );
        await expect(error).toHaveText(row.bad.message);
        const link = summary.getByRole("link").first();
        expect(await link.getAttribute("href")).toBe(`#${await bad.getAttribute("id")}`);
        for (const control of [...row.controls, row.bad]) await expectKept(again, control);
        await page.context().close();
      });
    }
  }
});

/** The form with this row's button, or, behind a confirm step, with its question. */
function formOf(page: Page, row: FormRow): Locator {
  return page.locator("main form").filter({
    has: row.confirm
      ? page.locator("summary", { hasText: row.confirm })
      : page.getByRole("button", { name: row.submit, exact: true }),
  });
}

async function pageAs(browser: Browser, person: Person | null, javaScript: boolean) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  if (person) {
    const [name, value] = person.cookie.split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: world.baseURL }]);
  }
  return context.newPage();
}

async function fill(form: Locator, control: Control) {
  const field = form.getByLabel(control.label);
  if (control.kind === "select") await field.selectOption(control.value);
  else if (control.kind === "text") await field.fill(control.value);
  else await field.check();
}

async function expectKept(form: Locator, control: Control) {
  const field = form.getByLabel(control.label);
  const what = `${String(control.label)} keeps what was typed`;
  if (control.kind === "check" || control.kind === "radio") {
    await expect(field, what).toBeChecked();
  } else if (control.secret) {
    await expect(field, "a password is never shown again").toHaveValue("");
  } else {
    await expect(field, what).toHaveValue(control.value);
  }
}
