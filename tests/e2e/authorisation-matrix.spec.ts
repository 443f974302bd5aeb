import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type pg from "pg";
import {
  type ActionOutcome,
  outcomeFor,
  PAGES,
  type PageOutcome,
  PRINCIPALS,
  type Principal,
  ROUTE_HANDLERS,
  type Row,
  SERVER_ACTIONS,
  type Whose,
} from "./authorisation-matrix";
import {
  accountOf,
  act,
  addNote,
  appealedCase,
  type Case,
  caseOf,
  claimReview,
  closedCase,
  disputeCase,
  escalatedCase,
  fileCase,
  freshPatternReview,
  heldCase,
  reviewOf,
  setUpStep,
  setUpWorld,
  signInOverHttp,
  takenAppeal,
  type World,
} from "./authorisation-matrix-world";
import { withE2eDatabase } from "./database";
import { type ActionAnswer, formArgs, pathOf, serverActionsInBuild } from "./server-actions";

// ---------------------------------------------------------------------------------------
// Completeness: the app's pages, handlers and actions, found in the sources and the build.

function filesNamed(directory: string, name: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.split("/").at(-1) === name)
    .map((file) => join(directory, file));
}

/** `app/(app)/concerns/[id]/page.tsx` → `/concerns/[id]`: route groups are not in URLs. */
function routeOf(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

const HTTP_METHODS = /\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;

function routeHandlersInApp(): string[] {
  return filesNamed("app", "route.ts").flatMap((file) => {
    const exported = readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("export "))
      .join("\n");
    const methods = new Set(exported.match(HTTP_METHODS));
    return [...methods].map((method) => `${method} ${routeOf(file)}`);
  });
}

/** Every export of every "use server" file: each one is callable from outside. */
function serverActionsInSources(): string[] {
  return ["app", "lib", "components"].flatMap((directory) =>
    readdirSync(directory, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => join(directory, file))
      .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/^export\s+(?:async\s+)?\w+\s+(\w+)/gm)].map(
          (match) => `${file}#${match[1]}`,
        ),
      ),
  );
}

const sorted = (list: Iterable<string>) => [...list].sort();

test("every page, route handler and server action has a row in the authorisation matrix", () => {
  expect(sorted(filesNamed("app", "page.tsx").map(routeOf)), "pages").toEqual(
    sorted(Object.keys(PAGES)),
  );
  expect(sorted(routeHandlersInApp()), "route handlers").toEqual(
    sorted(Object.keys(ROUTE_HANDLERS)),
  );
  expect(sorted(serverActionsInSources()), "server actions in the sources").toEqual(
    sorted(Object.keys(SERVER_ACTIONS)),
  );
  expect(sorted(serverActionsInBuild().keys()), "server actions in the build").toEqual(
    sorted(Object.keys(SERVER_ACTIONS)),
  );
});

// ---------------------------------------------------------------------------------------
// Who asks.

const FORGED_COOKIE = "authjs.session-token=forged";

/** The shared session of a principal; signed out, once without any cookie and once forged. */
function cookiesOf(
  world: World,
  principal: Principal,
  own?: string,
): { as: string; cookie: string | null }[] {
  if (principal === "signedOut") {
    // The forged cookie gets past the proxy's redirect, so the page or action answers itself.
    return [
      { as: "signed out, no cookie", cookie: null },
      { as: "signed out, forged cookie", cookie: FORGED_COOKIE },
    ];
  }
  return [{ as: principal, cookie: own ?? world.people[principal].cookie }];
}

function recordsOf<Outcome extends string>(row: Row<Outcome>, principal: Principal): Whose[] {
  return typeof row[principal] === "string" ? ["own"] : ["own", "other"];
}

// ---------------------------------------------------------------------------------------
// Pages and route handlers: a real request per cell.

interface HttpRequest {
  method?: "GET" | "POST";
  path: string;
  /** Text that proves the record (or the page) was served; "" when nothing is served. */
  shows: string;
  /** Text no answer to this person may contain. */
  neverShows?: string[];
}
type RequestFor = (world: World, principal: Principal, whose: Whose) => HttpRequest;

const heading = (text: string) => `${text}</h1>`;
const fixed =
  (path: string, shows: string): RequestFor =>
  () => ({ path, shows });
const aboutCase =
  (path: (record: Case) => string, shows: (record: Case) => string = (c) => c.reference) =>
  (world: World, principal: Principal, whose: Whose): HttpRequest => {
    const record = caseOf(world, principal, whose);
    return { path: path(record), shows: shows(record) };
  };

const PAGE_REQUESTS: Record<keyof typeof PAGES, RequestFor> = {
  "/": fixed("/", ""),
  "/sign-in": fixed("/sign-in", "Raise a concern about a colleague"),
  "/forgot-password": fixed("/forgot-password", heading("Forgotten your password?")),
  // A token that was never issued: the page says so, and offers no form.
  "/reset-password/[token]": fixed(
    "/reset-password/never-issued-token",
    heading("This link no longer works"),
  ),
  "/invitation/[token]": fixed(
    "/invitation/never-issued-token",
    heading("This invitation no longer works"),
  ),
  "/preferences/password": fixed("/preferences/password", heading("Change your password")),
  "/sign-in/two-factor": fixed("/sign-in/two-factor", ""),
  "/sign-in/two-factor/set-up": fixed(
    "/sign-in/two-factor/set-up",
    "Two-factor sign-in is on for you.",
  ),
  "/preferences/two-factor": fixed("/preferences/two-factor", heading("Two-factor sign-in")),
  "/no-access": fixed("/no-access", heading("No role assigned yet")),
  "/notifications": fixed("/notifications", heading("Notifications")),
  "/preferences/email": fixed("/preferences/email", heading("Preferences")),
  "/dev/mailbox": fixed("/dev/mailbox", heading("Development mailbox")),
  "/concerns": aboutCase(() => "/concerns"),
  "/concerns/new": fixed("/concerns/new", heading("Raise a concern with a colleague")),
  "/concerns/[id]": aboutCase((c) => `/concerns/${c.id}`),
  "/notices": aboutCase(() => "/notices"),
  "/notices/[id]": aboutCase((c) => `/notices/${c.id}`),
  // The search box repeats the reference, so the row is proved by its link to the case.
  "/compliance": aboutCase(
    (c) => `/compliance?q=${c.reference}`,
    (c) => `href="/compliance/cases/${c.id}"`,
  ),
  "/compliance/cases/[id]": aboutCase((c) => `/compliance/cases/${c.id}`),
  "/compliance/insights": fixed("/compliance/insights", heading("Insights")),
  "/compliance/record-concern": fixed(
    "/compliance/record-concern",
    heading("Record a concern that came by another channel"),
  ),
  "/compliance/pattern-reviews/[id]": (world, principal, whose) => {
    const review = reviewOf(world, principal, whose);
    return { path: `/compliance/pattern-reviews/${review.id}`, shows: review.reference };
  },
  "/notices/reviews/[id]": (world, principal, whose) => {
    const review = reviewOf(world, principal, whose);
    return { path: `/notices/reviews/${review.id}`, shows: review.reference };
  },
  "/compliance/verify-export": fixed(
    "/compliance/verify-export",
    heading("Check a received export"),
  ),
  "/admin/users": fixed("/admin/users", heading("Users")),
  "/admin/users/new": fixed("/admin/users/new", heading("Add user")),
  "/admin/users/[id]": (world, principal, whose) => {
    const account = accountOf(world, principal, whose);
    // Not the name: the header shows the signed-in person's own.
    return { path: `/admin/users/${account.id}`, shows: account.email };
  },
  "/admin/departments": fixed("/admin/departments", heading("Departments")),
  "/admin/settings": fixed("/admin/settings", heading("Workflow settings")),
  "/admin/email-deliveries": fixed("/admin/email-deliveries", heading("Failed emails")),
  "/admin/security-log": fixed("/admin/security-log", heading("Security log")),
  "/admin/reopen-case": fixed("/admin/reopen-case", heading("Reopen a closed case")),
  "/role-requests": fixed("/role-requests", heading("Role requests")),
};

const ROUTE_HANDLER_REQUESTS: Record<keyof typeof ROUTE_HANDLERS, RequestFor> = {
  "GET /api/health": fixed("/api/health", '"status":"ok"'),
  "GET /api/directory": (world) => ({
    path: `/api/directory?q=${encodeURIComponent(world.people.colleague.name)}`,
    shows: world.people.colleague.id,
  }),
  "GET /api/auth/[...nextauth]": (world, principal) => ({
    path: "/api/auth/session",
    shows: "",
    neverShows:
      principal === "signedOut"
        ? []
        : [world.people[principal].email, world.people[principal].name],
  }),
  "POST /api/auth/[...nextauth]": () => ({ method: "POST", path: "/api/auth/signout", shows: "" }),
  "GET /compliance/cases/[id]/export/[format]": aboutCase(
    (c) => `/compliance/cases/${c.id}/export/csv`,
  ),
  "GET /compliance/cases/[id]/export/manifest/[sha256]": aboutCase(
    (c) => `/compliance/cases/${c.id}/export/manifest/${"0".repeat(64)}`,
  ),
  "GET /compliance/insights/csv": fixed("/compliance/insights/csv?table=by-state", "State"),
  "GET /evidence/[id]": aboutCase(
    (c) => `/evidence/${c.evidence.id}`,
    (c) => c.evidence.content,
  ),
};

async function send(world: World, request: HttpRequest, cookie: string | null) {
  const post = request.method === "POST";
  const response = await fetch(new URL(request.path, world.baseURL), {
    method: request.method ?? "GET",
    redirect: "manual",
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(post
        ? { Origin: world.baseURL, "Content-Type": "application/x-www-form-urlencoded" }
        : {}),
    },
    body: post ? "" : undefined,
  });
  const location = response.headers.get("location");
  return {
    status: response.status,
    location: location ? pathOf(location, world.baseURL) : null,
    body: await response.text(),
  };
}

function expectPageOutcome(
  cell: string,
  outcome: PageOutcome,
  request: HttpRequest,
  answer: Awaited<ReturnType<typeof send>>,
) {
  const shown = request.shows !== "" && answer.body.includes(request.shows);
  const expectShown = (yes: boolean) =>
    expect.soft(shown, `${cell}: ${yes ? "shows" : "does not show"} ${request.shows}`).toBe(yes);
  switch (outcome) {
    case "allow":
      expect.soft(answer.status, cell).toBe(200);
      if (request.shows) expectShown(true);
      break;
    case "hidden":
      expect.soft(answer.status, cell).toBe(200);
      expectShown(false);
      break;
    // The app's notFound() and forbidden(), not merely some 404 or 403.
    case "notFound":
      expect.soft(answer.status, cell).toBe(404);
      // A page renders the app's notFound(); a route handler says so in its own words.
      expect
        .soft(answer.body, cell)
        .toMatch(
          answer.body.startsWith("<!DOCTYPE html>")
            ? /NEXT_HTTP_ERROR_FALLBACK;404/
            : /^We could not find that file\.$/,
        );
      expectShown(false);
      break;
    case "forbidden":
      expect.soft(answer.status, cell).toBe(403);
      // A page renders the app's forbidden(); a route handler says so in its own words.
      expect
        .soft(answer.body, cell)
        .toMatch(
          answer.body.startsWith("<!DOCTYPE html>")
            ? /NEXT_HTTP_ERROR_FALLBACK;403/
            : /You do not have access to (case files|the directory|insights)\./,
        );
      expectShown(false);
      break;
    case "signIn":
      expect.soft(answer.status, cell).toBe(307);
      expect.soft(answer.location ?? "", cell).toMatch(/^\/sign-in(\?|$)/);
      expectShown(false);
      break;
    case "unauthorized":
      expect.soft(answer.status, cell).toBe(401);
      expectShown(false);
      break;
    default:
      expect.soft([302, 303, 307], cell).toContain(answer.status);
      expect.soft(answer.location, cell).toBe(outcome.slice("redirect:".length));
  }
  for (const secret of request.neverShows ?? []) {
    expect.soft(answer.body.includes(secret), `${cell}: never shows ${secret}`).toBe(false);
  }
}

// ---------------------------------------------------------------------------------------
// Server actions: called directly over HTTP, never through a form.

interface ActionCall {
  path: string;
  args: unknown[];
  /** Records a refused call must leave exactly as they were (ids of cases, accounts, …). */
  watch: string[];
  /** What it answers when it runs: where it redirects, or the message it returns. */
  ran: RegExp;
  /** What it says when the rules refuse this person this record. */
  refusal?: RegExp;
  /** A session of the cell's own, for actions that end the one they are given. */
  cookie?: string;
  /** Further proof that an allowed call did what it says. */
  afterwards?: () => Promise<void>;
}
type ActionFor = (world: World, principal: Principal, whose: Whose) => Promise<ActionCall>;

const VALIDATION = /^Please correct the highlighted fields\.$/;
const done = (path: string, step: string) => new RegExp(`^${path}\\?done=${step}$`);

const OFFICERS = ["assignedOfficer", "otherOfficer"] as const;
type Officer = (typeof OFFICERS)[number];
const isOfficer = (principal: Principal): principal is Officer =>
  (OFFICERS as readonly string[]).includes(principal);
const peerOf = (officer: Officer): Officer =>
  officer === "assignedOfficer" ? "otherOfficer" : "assignedOfficer";

/** An officer's action on a case, with the fresh case it needs when the shared ones won't do. */
function officerAction(
  step: string,
  fields: (world: World, principal: Principal, whose: Whose) => Record<string, string>,
  freshCase?: (world: World, officer: Officer, whose: Whose) => Promise<string> | null,
): ActionFor {
  return async (world, principal, whose) => {
    const fresh = isOfficer(principal) ? freshCase?.(world, principal, whose) : null;
    const id = (await fresh) ?? caseOf(world, principal, whose).id;
    const path = `/compliance/cases/${id}`;
    return {
      path,
      args: formArgs({ concernId: id, ...fields(world, principal, whose) }),
      watch: [id],
      ran: done(path, step),
      // Someone else's case is the one the other officer holds, and the refusal says so.
      refusal: isOfficer(principal)
        ? new RegExp(`assigned to ${world.people[peerOf(principal)].name}\\.`)
        : undefined,
    };
  };
}

/**
 * A fresh case the officer holds, for steps that end their hold (release, close); someone
 * else's stays the other officer's case, which the step must not touch.
 */
function ownHeldCaseAfresh(world: World, officer: Officer, whose: Whose) {
  return whose === "own"
    ? heldCase(world, world.people.reporter, world.people.subject, world.people[officer])
    : null;
}

/**
 * An officer's step on an appeal, always on a fresh appealed case; refused, they are told
 * the decision under appeal was their own.
 */
function appealAction(
  step: string,
  fields: () => Record<string, string>,
  freshCase: (world: World, officer: Officer, whose: Whose) => Promise<string>,
): ActionFor {
  return async (world, principal, whose) => {
    const id = isOfficer(principal)
      ? await freshCase(world, principal, whose)
      : caseOf(world, principal, whose).id;
    const path = `/compliance/cases/${id}`;
    return {
      path,
      args: formArgs({ concernId: id, ...fields() }),
      watch: [id],
      ran: done(path, step),
      refusal: /^You made the decision under appeal, so a different officer must take it\.$/,
    };
  };
}

/** What the subject of a notice does, on a fresh notice of their own that awaits them. */
function subjectAction(step: string, fields: Record<string, string>): ActionFor {
  return async (world, principal, whose) => {
    const { reporter, subject } = world.people;
    const id =
      principal === "subject" && whose === "own"
        ? await fileCase(world, reporter, subject, false)
        : caseOf(world, principal, whose).id;
    const path = `/notices/${id}`;
    return {
      path,
      args: formArgs({ concernId: id, ...fields }),
      watch: [id],
      ran: done(path, step),
      refusal: /^Only the colleague this concern is about can do this\.$/,
    };
  };
}

/** An action whose form names no record. */
function plainForm(path: string, fields: Record<string, string>, ran: RegExp): ActionFor {
  return async () => ({ path, args: formArgs(fields), watch: [], ran });
}

const LONG_ENOUGH = "a long enough password";

/** A new account whose person has not set a password yet. */
async function invitedAccount(world: World): Promise<{ id: string }> {
  const [, id] = await setUpStep(
    world,
    "app/(app)/admin/users/actions.ts#createUserAction",
    world.people.admin.cookie,
    "/admin/users/new",
    {
      name: "Matrix invited",
      email: `matrix-invited-${Date.now()}@hospital.example`,
      departmentId: "",
      roles: "physician",
    },
    /^\/admin\/users\/([0-9a-f-]{36})\?saved=created$/,
  );
  return { id: id! };
}

const OWN_QUESTION = {
  signedOut: "toSubject",
  reporter: "toReporter",
  subject: "toSubject",
  unrelatedPhysician: "toUnrelated",
  assignedOfficer: "toSubject",
  otherOfficer: "toUnrelated",
  admin: "toSubject",
  deactivated: "toSubject",
} as const;
const OTHER_QUESTION = {
  ...OWN_QUESTION,
  signedOut: "toUnrelated",
  reporter: "toUnrelated",
  subject: "toUnrelated",
  unrelatedPhysician: "toReporter",
  assignedOfficer: "toUnrelated",
  otherOfficer: "toSubject",
  admin: "toUnrelated",
} as const;

/**
 * An officer's step on a pattern review: own is a fresh review (held by them when the step
 * needs a holder); someone else's is the review the other officer holds.
 */
function reviewAction(
  step: string,
  fields: Record<string, string>,
  own: "open" | "held",
): ActionFor {
  return async (world, principal, whose) => {
    let review = reviewOf(world, principal, whose);
    if (isOfficer(principal) && whose === "own") {
      review = await freshPatternReview(world);
      if (own === "held") await claimReview(world, world.people[principal], review.id);
    }
    const path = `/compliance/pattern-reviews/${review.id}`;
    return {
      path,
      args: formArgs({ reviewId: review.id, ...fields }),
      watch: [review.id],
      ran: done(path, step),
      refusal: isOfficer(principal)
        ? new RegExp(`^${world.people[peerOf(principal)].name} holds this review\\.$`)
        : undefined,
    };
  };
}

const ACTION_REQUESTS: Record<keyof typeof SERVER_ACTIONS, ActionFor> = {
  "app/(app)/compliance/pattern-reviews/actions.ts#claimPatternReviewAction": reviewAction(
    "claim_review",
    {},
    "open",
  ),
  "app/(app)/compliance/pattern-reviews/actions.ts#decidePatternReviewAction": reviewAction(
    "decide_review",
    { outcome: "no_violation", rationale: "Each post was taken down promptly." },
    "held",
  ),
  "app/(app)/notices/reviews/actions.ts#answerPatternReviewAction": async (
    world,
    principal,
    whose,
  ) => {
    const review = reviewOf(world, principal, whose);
    const path = `/notices/reviews/${review.id}`;
    return {
      path,
      args: formArgs({ reviewId: review.id, answer: "Each of these posts has been taken down." }),
      watch: [review.id],
      ran: done(path, "answer_review"),
    };
  },
  // Empty fields: it answers with its own message and no sign-in attempt is counted.
  "app/(auth)/sign-in/actions.ts#signInWithPassword": plainForm(
    "/sign-in",
    { email: "", password: "" },
    /^Enter your email address and password\.$/,
  ),
  "app/(auth)/sign-in/actions.ts#signInWithSso": async () => ({
    path: "/sign-in",
    args: formArgs({ callbackUrl: "/" }).slice(1),
    watch: [],
    ran: /^\/api\/auth\/signin\?callbackUrl=%2F$/,
  }),
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": plainForm(
    "/forgot-password",
    { email: "" },
    VALIDATION,
  ),
  // A token never issued: it runs, and says the link no longer works.
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": plainForm(
    "/reset-password/never-issued-token",
    { token: "never-issued-token", newPassword: LONG_ENOUGH, confirmPassword: LONG_ENOUGH },
    /^This link no longer works:/,
  ),
  "app/(auth)/invitation/actions.ts#acceptInvitationAction": plainForm(
    "/invitation/never-issued-token",
    { token: "never-issued-token", newPassword: LONG_ENOUGH, confirmPassword: LONG_ENOUGH },
    /^This invitation no longer works:/,
  ),
  // Empty fields: it answers with its validation message and changes nothing.
  "app/(app)/preferences/password/actions.ts#changeOwnPasswordAction": plainForm(
    "/preferences/password",
    {},
    VALIDATION,
  ),
  "app/(app)/sign-out-action.ts#signOutAction": async (world, principal) => {
    if (principal === "signedOut" || principal === "deactivated") {
      return { path: "/notifications", args: [], watch: [], ran: /^\/sign-in$/ };
    }
    // A second session of the same person, so the shared one lives on.
    const session = await signInOverHttp(world, world.people[principal].email);
    return {
      path: "/notifications",
      args: [],
      watch: [],
      ran: /^\/sign-in$/,
      cookie: session,
      afterwards: async () => {
        const after = await send(world, { path: "/notifications", shows: "" }, session);
        expect.soft(after.location, `${principal}'s signed-out session is over`).toBe("/sign-in");
      },
    };
  },
  // Empty codes: each answers with its own validation, and no attempt is counted.
  "app/(auth)/sign-in/two-factor/actions.ts#passSecondFactorAction": plainForm(
    "/sign-in/two-factor",
    { code: "" },
    VALIDATION,
  ),
  "app/(auth)/sign-in/two-factor/actions.ts#confirmEnrolmentAction": plainForm(
    "/preferences/two-factor",
    { code: "" },
    VALIDATION,
  ),
  "app/(app)/preferences/two-factor/actions.ts#disableTwoFactorAction": plainForm(
    "/preferences/two-factor",
    { code: "" },
    VALIDATION,
  ),
  // A physician's new, unconfirmed key changes nothing until a code confirms it.
  "app/(auth)/sign-in/two-factor/actions.ts#beginEnrolmentAction": async () => ({
    path: "/preferences/two-factor",
    args: formArgs({}),
    watch: [],
    ran: /^\/preferences\/two-factor$/,
    refusal: /^Two-factor sign-in is already set up for you\.$/,
  }),
  "app/(app)/preferences/two-factor/actions.ts#regenerateRecoveryCodesAction": async () => ({
    path: "/preferences/two-factor",
    args: formArgs({}),
    watch: [],
    ran: /^New recovery codes made/,
    refusal: /^Two-factor sign-in is not set up for you\.$/,
  }),
  "app/(app)/preferences/email/actions.ts#updateEmailPreferencesAction": plainForm(
    "/preferences/email",
    {},
    /^Email preferences saved\.$/,
  ),
  "app/(app)/notifications/actions.ts#markAllNotificationsReadAction": plainForm(
    "/notifications",
    { upTo: String(Number.MAX_SAFE_INTEGER) },
    /^(There was nothing unread|\d+ notifications? marked as read)\.$/,
  ),
  // "": the organisation's zone, which every principal reads already.
  "app/(app)/preferences/email/actions.ts#updateOwnTimeZoneAction": plainForm(
    "/preferences/email",
    { timeZone: "" },
    /^Time zone saved\. Dates are now shown in the organisation's\.$/,
  ),
  "app/(app)/concerns/actions.ts#fileConcernAction": plainForm("/concerns/new", {}, VALIDATION),
  "app/(app)/compliance/record-concern/actions.ts#recordConcernAction": plainForm(
    "/compliance/record-concern",
    {},
    VALIDATION,
  ),
  "app/(app)/concerns/actions.ts#answerResponseAction": async (world, principal, whose) => {
    const { reporter, subject } = world.people;
    let id = caseOf(world, principal, whose).id;
    if (principal === "reporter" && whose === "own") {
      id = await fileCase(world, reporter, subject, true);
      await disputeCase(world, subject, id);
    }
    const path = `/concerns/${id}`;
    return {
      path,
      args: formArgs({ concernId: id, decision: "accept_dispute", reason: "" }),
      watch: [id],
      ran: done(path, "accept_dispute"),
      refusal: /^Only the colleague who raised this concern can do this\.$|^This case has moved on/,
    };
  },
  "app/(app)/concerns/actions.ts#answerInformationAction": async (world, principal, whose) => {
    const question = (whose === "own" ? OWN_QUESTION : OTHER_QUESTION)[principal];
    const caseId = world.cases[question === "toUnrelated" ? "B" : "A"].id;
    const view = principal === "subject" ? "subject" : "reporter";
    return {
      path: `/${view === "subject" ? "notices" : "concerns"}/${caseId}`,
      args: formArgs({ requestId: world.questions[question], answer: "None: invented.", view }),
      watch: [world.questions[question], caseId],
      ran: /\?done=answer_information$/,
    };
  },
  "app/(app)/concerns/actions.ts#postMessageAction": async (world, principal, whose) => {
    const caseId = caseOf(world, principal, whose).id;
    const page = principal === "subject" ? "notices" : "concerns";
    return {
      path: `/${page}/${caseId}`,
      args: formArgs({ concernId: caseId, body: "Could we talk about the post?" }),
      watch: [caseId],
      ran: new RegExp(`^/${page}/${caseId}\\?done=message(#thread)?$`),
    };
  },
  "app/(app)/concerns/actions.ts#reportMessageAction": async (world, principal, whose) => {
    const { messages } = world;
    // The message the other party of the principal's own case sent, or one on another case.
    const own = {
      reporter: messages.bySubjectOnA,
      subject: messages.byReporterOnA,
      unrelatedPhysician: messages.byColleagueOnB,
    } as Partial<Record<Principal, string>>;
    const messageId =
      whose === "own"
        ? (own[principal] ?? messages.bySubjectOnA)
        : principal === "unrelatedPhysician"
          ? messages.bySubjectOnA
          : messages.byColleagueOnB;
    const caseId = (messageId === messages.byColleagueOnB ? world.cases.B : world.cases.A).id;
    const page = principal === "subject" ? "notices" : "concerns";
    return {
      path: `/${page}/${caseId}`,
      args: formArgs({ messageId, reason: "" }),
      watch: [caseId],
      ran: new RegExp(`^/${page}/${caseId}\\?done=message_reported(#thread)?$`),
    };
  },
  "app/(app)/notices/actions.ts#reportRemediationAction": subjectAction("report_remediation", {
    action: "removed",
    note: "",
  }),
  "app/(app)/notices/actions.ts#disputeAction": subjectAction("dispute", {
    explanation: "It was a fictional scenario.",
  }),
  "app/(app)/notices/actions.ts#fileAppealAction": async (world, principal, whose) => {
    const id =
      principal === "subject" && whose === "own"
        ? await closedCase(world, world.people.assignedOfficer)
        : caseOf(world, principal, whose).id;
    const path = `/notices/${id}`;
    return {
      path,
      args: formArgs({ concernId: id, explanation: "The post was fictional; nobody is named." }),
      watch: [id],
      ran: done(path, "appeal"),
    };
  },
  "app/(app)/compliance/actions.ts#takeAppealAction": appealAction(
    "take_appeal",
    () => ({}),
    (world, officer, whose) =>
      whose === "own"
        ? appealedCase(world, world.people[peerOf(officer)])
        : appealedCase(world, world.people[officer]),
  ),
  "app/(app)/compliance/actions.ts#decideAppealAction": appealAction(
    "decide_appeal",
    () => ({ decision: "dismissed", rationale: "The decision was proportionate." }),
    (world, officer, whose) =>
      whose === "own"
        ? takenAppeal(world, world.people[peerOf(officer)], world.people[officer])
        : takenAppeal(world, world.people[officer], world.people[peerOf(officer)]),
  ),
  "app/(app)/compliance/actions.ts#claimCaseAction": officerAction(
    "claim",
    () => ({}),
    (world, _officer, whose) =>
      whose === "own" ? escalatedCase(world, world.people.reporter, world.people.subject) : null,
  ),
  // Own: hand a case they hold to the other officer. Other: take one the other officer holds.
  "app/(app)/compliance/actions.ts#assignCaseAction": officerAction(
    "assign",
    (world, principal, whose) => ({
      assigneeId:
        isOfficer(principal) && whose === "own"
          ? world.people[peerOf(principal)].id
          : world.people[isOfficer(principal) ? principal : "assignedOfficer"].id,
    }),
    (world, officer, whose) =>
      heldCase(
        world,
        world.people.reporter,
        world.people.subject,
        world.people[whose === "own" ? officer : peerOf(officer)],
      ),
  ),
  "app/(app)/compliance/actions.ts#releaseCaseAction": officerAction(
    "release",
    () => ({ reason: "" }),
    ownHeldCaseAfresh,
  ),
  // Own: a fresh case they hold. Other: a fresh case the other officer holds.
  "app/(app)/compliance/actions.ts#recuseAction": async (world, principal, whose) => {
    const holder = isOfficer(principal) ? (whose === "own" ? principal : peerOf(principal)) : null;
    const id = holder
      ? await heldCase(world, world.people.reporter, world.people.subject, world.people[holder])
      : caseOf(world, principal, whose).id;
    return {
      path: `/compliance/cases/${id}`,
      args: formArgs({ concernId: id, reason: "I supervised the colleague's residency." }),
      watch: [id],
      ran: /^\/compliance\?done=recused$/,
    };
  },
  "app/(app)/compliance/actions.ts#closeCaseAction": officerAction(
    "close_case",
    () => ({ outcome: "no_violation", rationale: "Nothing identifiable in the post." }),
    ownHeldCaseAfresh,
  ),
  // Own: a case they closed. Other: one the other officer closed.
  "app/(app)/compliance/actions.ts#reopenCaseAction": officerAction(
    "reopen",
    () => ({ reason: "The colleague appealed the decision." }),
    (world, officer, whose) =>
      closedCase(world, world.people[whose === "own" ? officer : peerOf(officer)]),
  ),
  "app/(app)/compliance/actions.ts#addNoteAction": officerAction("note", () => ({
    body: "Check whether the ward is identifiable.",
  })),
  "app/(app)/compliance/actions.ts#retractNoteAction": async (world, principal, whose) => {
    const officer = isOfficer(principal) ? principal : "assignedOfficer";
    const author = whose === "own" ? officer : peerOf(officer);
    const caseId = caseOf(world, author, "own").id;
    const noteId =
      isOfficer(principal) && whose === "own"
        ? await addNote(world, world.people[principal], caseId)
        : world.notes[author === "assignedOfficer" ? "byAssigned" : "byOther"];
    const path = `/compliance/cases/${caseId}`;
    return {
      path,
      args: formArgs({ concernId: caseId, noteId, reason: "Written on the wrong case." }),
      watch: [noteId, caseId],
      ran: done(path, "retract_note"),
      refusal: /^Only the officer who wrote a note can retract it\.$/,
    };
  },
  "app/(app)/compliance/actions.ts#requestInformationAction": officerAction(
    "request_information",
    () => ({ recipient: "subject", question: "Which ward does the post describe?" }),
  ),
  // A fresh case of their own, so the shared cases keep their description for other cells.
  "app/(app)/compliance/actions.ts#redactCaseTextAction": officerAction(
    "redact_text",
    () => ({ field: "description", scope: "whole" }),
    ownHeldCaseAfresh,
  ),
  "app/(app)/admin/users/actions.ts#createUserAction": plainForm(
    "/admin/users/new",
    {},
    VALIDATION,
  ),
  // A nameless account is invalid, so nothing is saved even where it is allowed.
  "app/(app)/admin/users/actions.ts#updateUserAction": async (world, principal, whose) => {
    const account = accountOf(world, principal, whose);
    return {
      path: `/admin/users/${account.id}`,
      args: formArgs({
        userId: account.id,
        name: "",
        email: account.email,
        departmentId: "",
        roles: principal === "admin" && whose === "own" ? "admin" : "physician",
      }),
      watch: [account.id],
      ran: VALIDATION,
    };
  },
  "app/(app)/admin/users/actions.ts#setUserActiveAction": async (world, principal, whose) => {
    const account = accountOf(world, principal, whose);
    return {
      path: `/admin/users/${account.id}`,
      args: formArgs({ userId: account.id, active: "false" }),
      watch: [account.id],
      ran: /^Account deactivated\. Their sessions have ended\.$/,
      refusal: /^You cannot deactivate your own account\.$/,
    };
  },
  "app/(app)/admin/users/actions.ts#resendInvitationAction": async (world, principal, whose) => {
    const account =
      principal === "admin" && whose === "other"
        ? await invitedAccount(world)
        : accountOf(world, principal, whose);
    return {
      path: `/admin/users/${account.id}`,
      args: formArgs({ userId: account.id }),
      watch: [account.id],
      ran: /^A new invitation was sent to .+\. The earlier link no longer works\.$/,
      refusal: /^This person has set a password already\./,
    };
  },
  "app/(app)/admin/users/actions.ts#createDepartmentAction": plainForm(
    "/admin/departments",
    { name: "" },
    VALIDATION,
  ),
  // A nameless department is invalid, so nothing is renamed even where it is allowed.
  "app/(app)/admin/users/actions.ts#renameDepartmentAction": plainForm(
    "/admin/departments",
    { departmentId: "00000000-0000-4000-8000-000000000000", name: "" },
    VALIDATION,
  ),
  "app/(app)/admin/settings/actions.ts#updateWorkflowSettingsAction": plainForm(
    "/admin/settings",
    {},
    VALIDATION,
  ),
  // No delivery has failed: it runs and says there is nothing to retry.
  "app/(app)/admin/email-deliveries/actions.ts#retryEmailDeliveryAction": plainForm(
    "/admin/email-deliveries",
    { deliveryId: "999999999" },
    /^This email is no longer waiting for a retry\./,
  ),
  // A decision left out: the form is refused for its fields, and no request is touched.
  "app/(app)/role-requests/actions.ts#decideRoleGrantAction": plainForm(
    "/role-requests",
    { requestId: "00000000-0000-4000-8000-000000000000", decision: "" },
    VALIDATION,
  ),
  // No file chosen: it runs, and asks for one.
  "app/(app)/compliance/verify-export/actions.ts#checkReceivedExportAction": plainForm(
    "/compliance/verify-export",
    {},
    VALIDATION,
  ),
  "app/(app)/admin/reopen-case/actions.ts#reopenByReferenceAction": async (world) => ({
    path: "/admin/reopen-case",
    args: formArgs({ reference: world.cases.A.reference, reason: "" }),
    watch: [world.cases.A.id],
    ran: VALIDATION,
  }),
};

/** Everything a refused call could have changed: the records it named and the audit trail. */
async function footprint(db: pg.Client, actorId: string | null, watch: string[]) {
  // One client answers one query at a time.
  const audit = await db.query(
    `select count(*) filter (where actor_id::text = $1)::int as by_actor,
            count(*) filter (where entity_id = any($2))::int as on_records
     from audit_events`,
    [actorId, watch],
  );
  const cases = await db.query(
    "select id, state, assignee_id, closed_at, updated_at from concerns where id::text = any($1)",
    [watch],
  );
  const accounts = await db.query(
    "select id, name, deactivated_at, updated_at from users where id::text = any($1)",
    [watch],
  );
  const questions = await db.query(
    "select id, answered_at from information_requests where id::text = any($1)",
    [watch],
  );
  const notes = await db.query("select id, retracted_at from case_notes where id::text = any($1)", [
    watch,
  ]);
  return JSON.stringify([audit.rows, cases.rows, accounts.rows, questions.rows, notes.rows]);
}

function expectActionOutcome(
  cell: string,
  outcome: ActionOutcome,
  call: ActionCall,
  cookie: string | null,
  answer: ActionAnswer,
) {
  const said = answer.redirectedTo ?? answer.returned?.message ?? "";
  switch (outcome) {
    case "allow":
      expect.soft(answer.status, cell).toBe(200);
      expect.soft(said, cell).toMatch(call.ran);
      break;
    case "signIn":
      // Without any cookie the proxy redirects first; with one, the action itself does.
      expect
        .soft(answer.status, cell)
        .toBe(cookie === null && call.path !== "/sign-in" ? 307 : 200);
      expect.soft(said, cell).toMatch(/^\/sign-in(\?|$)/);
      break;
    case "forbidden":
      expect.soft(answer.status, cell).toBe(403);
      expect.soft(answer.redirectedTo, cell).toBeNull();
      expect.soft(answer.returned, cell).toBeNull();
      break;
    case "notFound":
      expect.soft(answer.status, cell).toBe(200);
      expect
        .soft(said, cell)
        .toMatch(/^We could not find that (case|question|note|message|review)\.$/);
      break;
    case "refused":
      expect.soft(answer.status, cell).toBe(200);
      expect.soft(said, cell).toMatch(call.refusal ?? /^$/);
  }
}

// ---------------------------------------------------------------------------------------

test.describe("the authorisation matrix", () => {
  let world: World;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    world = await setUpWorld(test.info().project.use.baseURL!);
  });

  test("every page and route handler answers each person as the matrix says", async () => {
    const rows = [
      ...Object.entries(PAGES).map(
        ([key, row]) => [key, row, PAGE_REQUESTS[key as keyof typeof PAGES]] as const,
      ),
      ...Object.entries(ROUTE_HANDLERS).map(
        ([key, row]) =>
          [key, row, ROUTE_HANDLER_REQUESTS[key as keyof typeof ROUTE_HANDLERS]] as const,
      ),
    ];
    for (const [key, row, requestFor] of rows) {
      for (const principal of PRINCIPALS) {
        for (const whose of recordsOf<PageOutcome>(row, principal)) {
          const request = requestFor(world, principal, whose);
          for (const { as, cookie } of cookiesOf(world, principal)) {
            const answer = await send(world, request, cookie);
            const outcome = outcomeFor<PageOutcome>(row, principal, whose);
            expectPageOutcome(
              `${key} as ${as}, ${whose} record: ${outcome}`,
              outcome,
              request,
              answer,
            );
          }
        }
      }
    }
  });

  test("every server action, called directly, answers each person as the matrix says", async () => {
    test.setTimeout(300_000);
    await withE2eDatabase(async (db) => {
      for (const [action, row] of Object.entries(SERVER_ACTIONS)) {
        const key = action as keyof typeof SERVER_ACTIONS;
        for (const principal of PRINCIPALS) {
          for (const whose of recordsOf<ActionOutcome>(row, principal)) {
            const outcome = outcomeFor<ActionOutcome>(row, principal, whose);
            const call = await ACTION_REQUESTS[key](world, principal, whose);
            const actorId = principal === "signedOut" ? null : world.people[principal].id;
            for (const { as, cookie } of cookiesOf(world, principal, call.cookie)) {
              const cell = `${action} as ${as}, ${whose} record: ${outcome}`;
              const before = await footprint(db, actorId, call.watch);
              const answer = await act(world, key, cookie, call.path, call.args);
              expectActionOutcome(cell, outcome, call, cookie, answer);
              if (outcome === "allow") {
                await call.afterwards?.();
              } else {
                expect
                  .soft(await footprint(db, actorId, call.watch), `${cell}: nothing changed`)
                  .toBe(before);
              }
            }
          }
        }
      }
    });
  });
});
