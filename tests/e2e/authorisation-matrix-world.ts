import { randomBytes } from "node:crypto";
import { concernReference } from "../../lib/domain/concern-fields";
import { patternReviewReference } from "../../lib/domain/pattern-review";
import type { Principal, SERVER_ACTIONS, Whose } from "./authorisation-matrix";
import { uniquePostUrl } from "./concerns";
import {
  approvePendingRoles,
  givePassword,
  letAnswerWindowPass,
  setWorkflowSettings,
  withE2eDatabase,
} from "./database";
import {
  type ActionAnswer,
  callServerAction,
  formArgs,
  serverActionsInBuild,
} from "./server-actions";
import { DEMO, DEMO_PASSWORD } from "./support";
import { freshCode, rememberSecret } from "./two-factor-codes";

/**
 * The people and records every cell of the authorisation matrix is proved against, set
 * up through the app itself: its own server actions, called over HTTP as a browser would.
 * Besides the daily filing limit (set as the other journeys set it) and a fresh pattern
 * review's opening moved back past its answer window, the database is only read, for ids
 * the app does not put in a redirect.
 */

export const PASSWORD = "matrix-password-1";

export interface Person {
  id: string;
  name: string;
  email: string;
  cookie: string;
}
export interface Case {
  id: string;
  reference: string;
  /** An evidence file filed with it, and the text its bytes are. */
  evidence: { id: string; content: string };
}
export type SignedInPrincipal = Exclude<Principal, "signedOut">;
export type CaseName = "A" | "B" | "E";

export interface World {
  baseURL: string;
  people: Record<SignedInPrincipal | "colleague" | "spare", Person>;
  cases: Record<CaseName, Case>;
  /** Officers' questions: to A's reporter and subject, and to B's reporter. */
  questions: { toReporter: string; toSubject: string; toUnrelated: string };
  /** Internal notes: one by each officer, on the case they hold. */
  notes: { byAssigned: string; byOther: string };
  /** Thread messages: by A's reporter and subject, and by B's colleague (its subject). */
  messages: { byReporterOnA: string; bySubjectOnA: string; byColleagueOnB: string };
  /**
   * Pattern reviews: A about A's subject, held by the assigned officer; B about B's
   * colleague, held by the other officer. Whose is whose follows the cases.
   */
  reviews: Record<"A" | "B", PatternReview>;
  departmentId: string;
}

export interface PatternReview {
  id: string;
  reference: string;
}

const OWN_CASE: Record<Principal, CaseName> = {
  signedOut: "A",
  reporter: "A",
  subject: "A",
  unrelatedPhysician: "B",
  assignedOfficer: "A",
  otherOfficer: "B",
  admin: "A",
  deactivated: "E",
};
const OTHER_CASE: Record<Principal, CaseName> = {
  signedOut: "B",
  reporter: "B",
  subject: "B",
  unrelatedPhysician: "A",
  assignedOfficer: "B",
  otherOfficer: "A",
  admin: "B",
  deactivated: "A",
};

export function caseOf(world: World, principal: Principal, whose: Whose): Case {
  return world.cases[(whose === "own" ? OWN_CASE : OTHER_CASE)[principal]];
}

export function reviewOf(world: World, principal: Principal, whose: Whose): PatternReview {
  const name = (whose === "own" ? OWN_CASE : OTHER_CASE)[principal];
  return world.reviews[name === "B" ? "B" : "A"];
}

export function accountOf(world: World, principal: Principal, whose: Whose): Person {
  if (whose === "other") return world.people.spare;
  return world.people[principal === "signedOut" ? "reporter" : principal];
}

const actionIds = serverActionsInBuild();

/** Calls an action of the SERVER_ACTIONS table; setup steps must succeed. */
export async function act(
  world: Pick<World, "baseURL">,
  action: keyof typeof SERVER_ACTIONS,
  cookie: string | null,
  path: string,
  args: unknown[],
): Promise<ActionAnswer> {
  const actionId = actionIds.get(action);
  if (!actionId) throw new Error(`${action} is not in the build: run next build first.`);
  return callServerAction({ baseURL: world.baseURL, actionId, path, cookie, args });
}

export async function setUpStep(
  world: Pick<World, "baseURL">,
  action: keyof typeof SERVER_ACTIONS,
  cookie: string,
  path: string,
  fields: Record<string, string | string[]>,
  expected: RegExp,
): Promise<RegExpExecArray> {
  const answer = await act(world, action, cookie, path, formArgs(fields));
  // Where it redirected on success, or the message it returned.
  const match = expected.exec(answer.redirectedTo ?? answer.returned?.message ?? "");
  if (!match) throw new Error(`${action} during setup answered ${JSON.stringify(answer)}`);
  return match;
}

export async function signInOverHttp(
  world: Pick<World, "baseURL">,
  email: string,
): Promise<string> {
  const cookie = await passwordOnlySession(world, email);
  await passSecondFactorOverHttp(world, email, cookie);
  return cookie;
}

/** A session whose password was right and which has not given its second factor. */
export async function passwordOnlySession(
  world: Pick<World, "baseURL">,
  email: string,
): Promise<string> {
  const answer = await act(
    world,
    "app/(auth)/sign-in/actions.ts#signInWithPassword",
    null,
    "/sign-in",
    formArgs({
      email,
      password: (Object.values(DEMO) as string[]).includes(email) ? DEMO_PASSWORD : PASSWORD,
      callbackUrl: "/",
    }),
  );
  if (!answer.sessionCookie)
    throw new Error(`${email} could not sign in: ${JSON.stringify(answer)}`);
  return answer.sessionCookie;
}

/**
 * A compliance officer who has never signed in, created by the world's administrator,
 * part-way through signing in: the password given, two-factor sign-in not yet set up.
 */
export async function unenrolledOfficerSession(world: World): Promise<string> {
  const email = `matrix-newcomer-${randomBytes(3).toString("hex")}@hospital.example`;
  await setUpStep(
    world,
    "app/(app)/admin/users/actions.ts#createUserAction",
    world.people.admin.cookie,
    "/admin/users/new",
    { name: "Matrix Newcomer", email, departmentId: "", roles: "compliance_officer" },
    /^\/admin\/users\/[0-9a-f-]{36}\?saved=created_requested$/,
  );
  await approvePendingRoles(email);
  // As if the invitation were accepted: the account's own password, set outside the form.
  await givePassword(email, PASSWORD);
  return passwordOnlySession(world, email);
}

/**
 * What an officer or administrator does after the password, over HTTP: a code from the
 * app, or on a first sign-in setting it up.
 */
async function passSecondFactorOverHttp(
  world: Pick<World, "baseURL">,
  email: string,
  cookie: string,
): Promise<void> {
  const home = await fetch(new URL("/", world.baseURL), {
    redirect: "manual",
    headers: { Cookie: cookie },
  });
  const next = home.headers.get("location") ?? "";
  if (next.includes("/sign-in/two-factor/set-up")) {
    await enrolOverHttp(world, email, cookie);
  } else if (next.includes("/sign-in/two-factor")) {
    await setUpStep(
      world,
      "app/(auth)/sign-in/two-factor/actions.ts#passSecondFactorAction",
      cookie,
      "/sign-in/two-factor",
      { code: await freshCode(email) },
      /^\//,
    );
  }
}

/**
 * Sets up two-factor sign-in as the person would, from a session of theirs: the key read
 * back as the page shows it, from the one row the set-up made.
 */
export async function enrolOverHttp(
  world: Pick<World, "baseURL">,
  email: string,
  cookie: string,
): Promise<void> {
  const keyOf = () =>
    withE2eDatabase(async (db) => {
      const { rows } = await db.query<{ secret: string; confirmed: boolean }>(
        `select s.secret, s.confirmed_at is not null as confirmed
         from two_factor_secrets s join users u on u.id = s.user_id where u.email = $1`,
        [email],
      );
      return rows[0];
    });
  // Once is enough: a journey run twice (scripts on and off) finds it set up already.
  if ((await keyOf())?.confirmed) return;
  const path = "/sign-in/two-factor/set-up";
  await act(
    world,
    "app/(auth)/sign-in/two-factor/actions.ts#beginEnrolmentAction",
    cookie,
    path,
    formArgs({}),
  );
  const secret = (await keyOf())!.secret;
  rememberSecret(email, secret);
  await setUpStep(
    world,
    "app/(auth)/sign-in/two-factor/actions.ts#confirmEnrolmentAction",
    cookie,
    path,
    { code: await freshCode(email) },
    /^Two-factor sign-in is on\./,
  );
}

/** Files a concern as `reporter` about `subject`; returns the new case's id. */
export async function fileCase(
  world: Pick<World, "baseURL">,
  reporter: Person,
  subject: Pick<Person, "id">,
  significant: boolean,
): Promise<string> {
  const [, id] = await setUpStep(
    world,
    "app/(app)/concerns/actions.ts#fileConcernAction",
    reporter.cookie,
    "/concerns/new",
    {
      subjectId: subject.id,
      postUrl: uniquePostUrl(),
      platform: "x",
      seenOn: new Date().toISOString().slice(0, 10),
      description: "A post mocking a named group of patients, seen during the access test.",
      categories: ["undermining_trust"],
      severity: significant ? "significantly_violates_norms" : "appears_unprofessional",
      disclosure: "confidential",
    },
    /^\/concerns\/([0-9a-f-]{36})\?done=filed$/,
  );
  return id!;
}

/** An officer records an anonymous concern phoned in about `subject`; returns its id. */
export async function recordCase(
  world: Pick<World, "baseURL">,
  officer: Person,
  subject: Pick<Person, "id">,
): Promise<string> {
  const [, id] = await setUpStep(
    world,
    "app/(app)/compliance/record-concern/actions.ts#recordConcernAction",
    officer.cookie,
    "/compliance/record-concern",
    {
      channel: "phone",
      source: "anonymous",
      subjectId: subject.id,
      postUrl: uniquePostUrl(),
      platform: "facebook",
      seenOn: new Date().toISOString().slice(0, 10),
      description: "A caller describes a post mocking patients who arrive late to clinic.",
      categories: ["undermining_trust"],
      severity: "appears_unprofessional",
      disclosure: "confidential",
    },
    /^\/concerns\/([0-9a-f-]{36})\?done=recorded$/,
  );
  return id!;
}

export async function disputeCase(world: Pick<World, "baseURL">, subject: Person, id: string) {
  await setUpStep(
    world,
    "app/(app)/notices/actions.ts#disputeAction",
    subject.cookie,
    `/notices/${id}`,
    { concernId: id, explanation: "It was a fictional scenario." },
    /\?done=dispute$/,
  );
}

/** Significant, disputed by the subject, escalated by the reporter: in the queue. */
export async function escalatedCase(
  world: Pick<World, "baseURL">,
  reporter: Person,
  subject: Person,
) {
  const id = await fileCase(world, reporter, subject, true);
  await disputeCase(world, subject, id);
  await setUpStep(
    world,
    "app/(app)/concerns/actions.ts#answerResponseAction",
    reporter.cookie,
    `/concerns/${id}`,
    { concernId: id, decision: "escalate_dispute", reason: "It names a real ward." },
    /\?done=escalate_dispute$/,
  );
  return id;
}

export async function heldCase(
  world: Pick<World, "baseURL">,
  reporter: Person,
  subject: Person,
  officer: Person,
) {
  const id = await escalatedCase(world, reporter, subject);
  await setUpStep(
    world,
    "app/(app)/compliance/actions.ts#claimCaseAction",
    officer.cookie,
    `/compliance/cases/${id}`,
    { concernId: id },
    /\?done=claim$/,
  );
  return id;
}

export async function closedCase(world: World, officer: Person) {
  const { reporter, subject } = world.people;
  const id = await heldCase(world, reporter, subject, officer);
  await setUpStep(
    world,
    "app/(app)/compliance/actions.ts#closeCaseAction",
    officer.cookie,
    `/compliance/cases/${id}`,
    { concernId: id, outcome: "no_violation", rationale: "Nothing identifiable in the post." },
    /\?done=close_case$/,
  );
  return id;
}

/** A case closed by `decider`, whose colleague appealed the decision. */
export async function appealedCase(world: World, decider: Person) {
  const id = await closedCase(world, decider);
  await setUpStep(
    world,
    "app/(app)/notices/actions.ts#fileAppealAction",
    world.people.subject.cookie,
    `/notices/${id}`,
    { concernId: id, explanation: "The post was a fictional teaching scenario, nobody real." },
    /\?done=appeal$/,
  );
  return id;
}

/** An appealed case whose appeal `taker` took (never the decider). */
export async function takenAppeal(world: World, decider: Person, taker: Person) {
  const id = await appealedCase(world, decider);
  await setUpStep(
    world,
    "app/(app)/compliance/actions.ts#takeAppealAction",
    taker.cookie,
    `/compliance/cases/${id}`,
    { concernId: id },
    /\?done=take_appeal$/,
  );
  return id;
}

export async function addNote(world: Pick<World, "baseURL">, officer: Person, caseId: string) {
  await setUpStep(
    world,
    "app/(app)/compliance/actions.ts#addNoteAction",
    officer.cookie,
    `/compliance/cases/${caseId}`,
    { concernId: caseId, body: `Note ${randomBytes(4).toString("hex")}` },
    /\?done=note$/,
  );
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      "select id::text from case_notes where author_id = $1 order by id desc limit 1",
      [officer.id],
    );
    return rows[0]!.id;
  });
}

export async function askQuestion(
  world: Pick<World, "baseURL">,
  officer: Person,
  caseId: string,
  recipient: "reporter" | "subject",
) {
  await setUpStep(
    world,
    "app/(app)/compliance/actions.ts#requestInformationAction",
    officer.cookie,
    `/compliance/cases/${caseId}`,
    { concernId: caseId, recipient, question: "Which ward does the post describe?" },
    /\?done=request_information$/,
  );
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `select id::text from information_requests where concern_id = $1 and recipient = $2
       order by asked_at desc limit 1`,
      [caseId, recipient],
    );
    return rows[0]!.id;
  });
}

/** A message in the case's thread from one of its parties; returns the message's id. */
export async function postThreadMessage(
  world: Pick<World, "baseURL">,
  sender: Person,
  caseId: string,
  page: "concerns" | "notices",
) {
  await setUpStep(
    world,
    "app/(app)/concerns/actions.ts#postMessageAction",
    sender.cookie,
    `/${page}/${caseId}`,
    { concernId: caseId, body: `Message ${randomBytes(4).toString("hex")}` },
    /\?done=message(#thread)?$/,
  );
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      "select id::text from case_messages where sender_id = $1 and concern_id = $2 order by id desc limit 1",
      [sender.id, caseId],
    );
    return rows[0]!.id;
  });
}

/**
 * The case's reference, and an evidence file stored with it as filing stores one (tests
 * of the upload itself are in evidence.spec.ts): its bytes are a text that proves a
 * download served it.
 */
async function referenceOf(id: string): Promise<Case> {
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ number: number }>(
      "select number from concerns where id = $1",
      [id],
    );
    const reference = concernReference(Number(rows[0]!.number));
    const content = `matrix evidence of ${reference}`;
    const stored = await db.query<{ id: string }>(
      `with blob as (insert into evidence_blobs (bytes) values (convert_to($2, 'UTF8')) returning key)
       insert into evidence_files (concern_id, position, file_name, media_type, byte_size, sha256, storage_key)
       select $1, 1, $3, 'image/png', length($2), encode(sha256(convert_to($2, 'UTF8')), 'hex'), key::text
       from blob returning id`,
      [id, content, `${reference}-evidence-1.png`],
    );
    return { id, reference, evidence: { id: stored.rows[0]!.id, content } };
  });
}

/**
 * Everyone in a department of their own, so escalations notify only this test's officers
 * and no other journey's counts of notifications, queue rows or directory entries move.
 */
export async function setUpWorld(baseURL: string): Promise<World> {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
  const tag = randomBytes(3).toString("hex");
  const bare = { baseURL };
  const administrator = await signInOverHttp(bare, DEMO.admin);
  const department = `Authorisation matrix ${tag}`;
  await act(
    bare,
    "app/(app)/admin/users/actions.ts#createDepartmentAction",
    administrator,
    "/admin/departments",
    formArgs({ name: department }),
  );
  const departmentId = await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>("select id from departments where name = $1", [
      department,
    ]);
    return rows[0]!.id;
  });

  const accounts = {
    reporter: ["Reporter", "physician"],
    subject: ["Subject", "physician"],
    unrelatedPhysician: ["Unrelated", "physician"],
    colleague: ["Colleague", "physician"],
    spare: ["Spare", "physician"],
    deactivated: ["Deactivated", "physician"],
    assignedOfficer: ["Assigned officer", "compliance_officer"],
    otherOfficer: ["Other officer", "compliance_officer"],
    admin: ["Admin", "admin"],
  } as const;
  const people = {} as World["people"];
  for (const [key, [role, kind]] of Object.entries(accounts)) {
    const name = `Matrix ${role} ${tag}`;
    const email = `matrix-${key.toLowerCase()}-${tag}@hospital.example`;
    const [, id] = await setUpStep(
      bare,
      "app/(app)/admin/users/actions.ts#createUserAction",
      administrator,
      "/admin/users/new",
      { name, email, departmentId, roles: kind },
      /^\/admin\/users\/([0-9a-f-]{36})\?saved=created(?:_requested)?$/,
    );
    await approvePendingRoles(email);
    await givePassword(email, PASSWORD);
    people[key as keyof World["people"]] = {
      id: id!,
      name,
      email,
      cookie: await signInOverHttp(bare, email),
    };
  }
  const { reporter, subject, unrelatedPhysician, colleague, deactivated } = people;
  const { assignedOfficer, otherOfficer } = people;

  const a = await heldCase(bare, reporter, subject, assignedOfficer);
  const b = await heldCase(bare, unrelatedPhysician, colleague, otherOfficer);
  const e = await fileCase(bare, deactivated, colleague, false);
  // The cookie stays as it was captured while the account was active.
  await setUpStep(
    bare,
    "app/(app)/admin/users/actions.ts#setUserActiveAction",
    administrator,
    `/admin/users/${deactivated.id}`,
    { userId: deactivated.id, active: "false" },
    /^Account deactivated\./,
  );

  // A third concern from another colleague completes each pattern.
  await fileCase(bare, unrelatedPhysician, subject, false);
  await fileCase(bare, people.spare, subject, false);
  await fileCase(bare, people.spare, colleague, false);
  const reviewA = await openReviewAbout(subject.id);
  const reviewB = await openReviewAbout(colleague.id);
  await claimReview(bare, assignedOfficer, reviewA.id);
  await claimReview(bare, otherOfficer, reviewB.id);

  return {
    baseURL,
    people,
    departmentId,
    reviews: { A: reviewA, B: reviewB },
    cases: { A: await referenceOf(a), B: await referenceOf(b), E: await referenceOf(e) },
    questions: {
      toReporter: await askQuestion(bare, assignedOfficer, a, "reporter"),
      toSubject: await askQuestion(bare, assignedOfficer, a, "subject"),
      toUnrelated: await askQuestion(bare, otherOfficer, b, "reporter"),
    },
    notes: {
      byAssigned: await addNote(bare, assignedOfficer, a),
      byOther: await addNote(bare, otherOfficer, b),
    },
    messages: {
      byReporterOnA: await postThreadMessage(bare, reporter, a, "concerns"),
      bySubjectOnA: await postThreadMessage(bare, subject, a, "notices"),
      byColleagueOnB: await postThreadMessage(bare, colleague, b, "notices"),
    },
  };
}

/** The open pattern review about a colleague, which the system opened as its pattern completed. */
export async function openReviewAbout(subjectId: string): Promise<PatternReview> {
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string; number: string }>(
      "select id, number from pattern_reviews where subject_id = $1 and state <> 'decided'",
      [subjectId],
    );
    if (!rows[0]) throw new Error("No pattern review opened during setup.");
    return { id: rows[0].id, reference: patternReviewReference(Number(rows[0].number)) };
  });
}

export async function claimReview(world: Pick<World, "baseURL">, officer: Person, id: string) {
  await setUpStep(
    world,
    "app/(app)/compliance/pattern-reviews/actions.ts#claimPatternReviewAction",
    officer.cookie,
    `/compliance/pattern-reviews/${id}`,
    { reviewId: id },
    /\?done=claim_review$/,
  );
}

/**
 * A pattern review no officer holds yet, about a newcomer to the world's department whom
 * three colleagues raised concerns about. The newcomer never signs in, so their answer
 * window is let pass: an officer who holds it may decide it (due process is kept by
 * waiting, not skipped). The world's own reviews A and B stay within their windows.
 */
export async function freshPatternReview(world: World): Promise<PatternReview> {
  const [, id] = await setUpStep(
    world,
    "app/(app)/admin/users/actions.ts#createUserAction",
    world.people.admin.cookie,
    "/admin/users/new",
    {
      name: "Matrix reviewed",
      email: `matrix-reviewed-${randomBytes(4).toString("hex")}@hospital.example`,
      departmentId: world.departmentId,
      roles: "physician",
    },
    /^\/admin\/users\/([0-9a-f-]{36})\?saved=created$/,
  );
  const { reporter, unrelatedPhysician, spare } = world.people;
  for (const raiser of [reporter, unrelatedPhysician, spare]) {
    await fileCase(world, raiser, { id: id! }, false);
  }
  const review = await openReviewAbout(id!);
  await letAnswerWindowPass(review.id);
  return review;
}
