/**
 * The authorisation matrix: for every page, route handler and server action, what each
 * kind of person gets, for their own record and for someone else's. The spec
 * `authorisation-matrix.spec.ts` proves every cell with a real request and fails when the
 * app has a page, handler or action without a row here.
 *
 * Whose record is "own" and "other" (the spec's fixtures):
 * - case A: filed by the reporter about the subject, escalated, held by the assigned officer;
 * - case B: filed by the unrelated physician about a fifth colleague, escalated, held by
 *   the other officer;
 * - case E: filed by the deactivated user while still active.
 *
 * | principal          | own record                  | someone else's   |
 * | ------------------ | --------------------------- | ---------------- |
 * | reporter           | A                           | B                |
 * | subject            | A                           | B                |
 * | unrelatedPhysician | B (their own filing)        | A                |
 * | assignedOfficer    | A (held by them)            | B                |
 * | otherOfficer       | B (held by them)            | A                |
 * | deactivated        | E                           | A                |
 * | admin, signedOut   | none is theirs: A           | B                |
 *
 * For accounts, "own" is the person's own account and "other" a colleague's. Rows of
 * actions that need a case in a particular state (claiming needs an unclaimed one) say in
 * the spec which fresh case stands for "own" or "other".
 */

export const PRINCIPALS = [
  "signedOut",
  "reporter",
  "subject",
  "unrelatedPhysician",
  "assignedOfficer",
  "otherOfficer",
  "admin",
  "deactivated",
] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type Whose = "own" | "other";

/**
 * What a GET answers:
 * - allow: 200 with the record (or the page's own content);
 * - hidden: 200, but the record is not on it (a list of someone else's things);
 * - notFound: 404, the app's "Not found" page: a record you may not see does not exist;
 * - forbidden: 403, the app's "no access" answer: your role has no business here;
 * - signIn: sent to sign-in (307);
 * - unauthorized: 401, for the JSON API;
 * - redirect:<path>: a plain redirect elsewhere (307 or 302).
 */
export type PageOutcome =
  | "allow"
  | "hidden"
  | "notFound"
  | "forbidden"
  | "signIn"
  | "unauthorized"
  | `redirect:${string}`;

/**
 * What a server action answers when called directly:
 * - allow: it ran: its success, or the validation message of the input it was given;
 * - refused: the rules refuse this person this record, and say why (nothing changes);
 * - notFound: "We could not find that …": the record is not theirs to know (nothing changes);
 * - forbidden: 403 before it reads anything (nothing changes);
 * - signIn: sent to sign-in (nothing changes).
 */
export type ActionOutcome = "allow" | "refused" | "notFound" | "forbidden" | "signIn";

/** One outcome whoever's record it is, or one for each. */
export type Cell<Outcome> = Outcome | { own: Outcome; other: Outcome };
export type Row<Outcome> = Record<Principal, Cell<Outcome>>;

/** The same outcome whoever asks. */
function everyone<Outcome extends string>(outcome: Outcome): Record<Principal, Outcome> {
  return Object.fromEntries(PRINCIPALS.map((principal) => [principal, outcome])) as Record<
    Principal,
    Outcome
  >;
}

const SIGNED_IN_ONLY = {
  signedOut: "signIn",
  reporter: "allow",
  subject: "allow",
  unrelatedPhysician: "allow",
  assignedOfficer: "allow",
  otherOfficer: "allow",
  admin: "allow",
  deactivated: "signIn",
} as const;

const PHYSICIANS_ONLY = {
  signedOut: "signIn",
  reporter: "allow",
  subject: "allow",
  unrelatedPhysician: "allow",
  assignedOfficer: "forbidden",
  otherOfficer: "forbidden",
  admin: "forbidden",
  deactivated: "signIn",
} as const;

const ADMINS_ONLY = {
  signedOut: "signIn",
  reporter: "forbidden",
  subject: "forbidden",
  unrelatedPhysician: "forbidden",
  assignedOfficer: "forbidden",
  otherOfficer: "forbidden",
  admin: "allow",
  deactivated: "signIn",
} as const;

const OFFICERS_ONLY = {
  signedOut: "signIn",
  reporter: "forbidden",
  subject: "forbidden",
  unrelatedPhysician: "forbidden",
  assignedOfficer: "allow",
  otherOfficer: "allow",
  admin: "forbidden",
  deactivated: "signIn",
} as const;

/** A role waiting for a second person is decided by an administrator or an officer. */
const ROLE_APPROVERS = {
  ...OFFICERS_ONLY,
  admin: "allow",
} as const;

/** Every officer sees every escalated case, whoever holds it. */
const OFFICERS_SEE_ESCALATED_CASES = {
  signedOut: "signIn",
  reporter: "forbidden",
  subject: "forbidden",
  unrelatedPhysician: "forbidden",
  assignedOfficer: { own: "allow", other: "allow" },
  otherOfficer: { own: "allow", other: "allow" },
  admin: "forbidden",
  deactivated: "signIn",
} as const;

/** Pages, by route (app/**\/page.tsx without route groups). */
export const PAGES = {
  "/": {
    signedOut: "signIn",
    reporter: "redirect:/concerns",
    subject: "redirect:/concerns",
    unrelatedPhysician: "redirect:/concerns",
    assignedOfficer: "redirect:/compliance",
    otherOfficer: "redirect:/compliance",
    admin: "redirect:/admin/users",
    deactivated: "signIn",
  },
  // A cookie of an ended session counts for nothing: its holder may sign in again.
  "/sign-in": {
    signedOut: "allow",
    reporter: "redirect:/",
    subject: "redirect:/",
    unrelatedPhysician: "redirect:/",
    assignedOfficer: "redirect:/",
    otherOfficer: "redirect:/",
    admin: "redirect:/",
    deactivated: "allow",
  },
  // Reachable signed out (a forgotten password, an emailed link); signed in, they work too.
  "/forgot-password": everyone("allow"),
  "/reset-password/[token]": everyone("allow"),
  "/invitation/[token]": everyone("allow"),
  "/preferences/password": SIGNED_IN_ONLY,
  // A fully signed-in person has no code left to give: each is sent home.
  "/sign-in/two-factor": {
    signedOut: "signIn",
    reporter: "redirect:/concerns",
    subject: "redirect:/concerns",
    unrelatedPhysician: "redirect:/concerns",
    assignedOfficer: "redirect:/compliance",
    otherOfficer: "redirect:/compliance",
    admin: "redirect:/admin/users",
    deactivated: "signIn",
  },
  // Physicians here have not set it up and need not; those who have see that it is on.
  "/sign-in/two-factor/set-up": {
    signedOut: "signIn",
    reporter: "redirect:/concerns",
    subject: "redirect:/concerns",
    unrelatedPhysician: "redirect:/concerns",
    assignedOfficer: "allow",
    otherOfficer: "allow",
    admin: "allow",
    deactivated: "signIn",
  },
  "/preferences/two-factor": SIGNED_IN_ONLY,
  "/no-access": SIGNED_IN_ONLY,
  "/notifications": SIGNED_IN_ONLY,
  "/preferences/email": SIGNED_IN_ONLY,
  // Exists only while mail is captured (never in production): each reads their own mail.
  "/dev/mailbox": SIGNED_IN_ONLY,
  // Officers follow here only what they recorded as reporter of record: never a case they work.
  "/concerns": {
    signedOut: "signIn",
    reporter: { own: "allow", other: "hidden" },
    subject: { own: "hidden", other: "hidden" },
    unrelatedPhysician: { own: "allow", other: "hidden" },
    assignedOfficer: { own: "hidden", other: "hidden" },
    otherOfficer: { own: "hidden", other: "hidden" },
    admin: "forbidden",
    deactivated: "signIn",
  },
  "/concerns/new": PHYSICIANS_ONLY,
  // The reporter's view of a case: not even its subject may open it.
  "/concerns/[id]": {
    signedOut: "signIn",
    reporter: { own: "allow", other: "notFound" },
    subject: { own: "notFound", other: "notFound" },
    unrelatedPhysician: { own: "allow", other: "notFound" },
    // An officer's reporter view holds only concerns they recorded for a source.
    assignedOfficer: "notFound",
    otherOfficer: "notFound",
    admin: "forbidden",
    deactivated: "signIn",
  },
  "/notices": {
    signedOut: "signIn",
    reporter: { own: "hidden", other: "hidden" },
    subject: { own: "allow", other: "hidden" },
    unrelatedPhysician: { own: "hidden", other: "hidden" },
    assignedOfficer: "forbidden",
    otherOfficer: "forbidden",
    admin: "forbidden",
    deactivated: "signIn",
  },
  // The subject's view: not even the reporter may open it.
  "/notices/[id]": {
    signedOut: "signIn",
    reporter: { own: "notFound", other: "notFound" },
    subject: { own: "allow", other: "notFound" },
    unrelatedPhysician: { own: "notFound", other: "notFound" },
    assignedOfficer: "forbidden",
    otherOfficer: "forbidden",
    admin: "forbidden",
    deactivated: "signIn",
  },
  "/compliance": OFFICERS_SEE_ESCALATED_CASES,
  "/compliance/cases/[id]": OFFICERS_SEE_ESCALATED_CASES,
  "/compliance/insights": OFFICERS_ONLY,
  "/compliance/record-concern": OFFICERS_ONLY,
  // The officers of the colleague's department (both officers here); never a physician.
  "/compliance/pattern-reviews/[id]": OFFICERS_SEE_ESCALATED_CASES,
  // The colleague's page of a review of several concerns about them: theirs alone.
  "/notices/reviews/[id]": {
    signedOut: "signIn",
    reporter: { own: "notFound", other: "notFound" },
    subject: { own: "allow", other: "notFound" },
    unrelatedPhysician: { own: "notFound", other: "notFound" },
    assignedOfficer: "forbidden",
    otherOfficer: "forbidden",
    admin: "forbidden",
    deactivated: "signIn",
  },
  "/compliance/verify-export": OFFICERS_ONLY,
  "/admin/users": ADMINS_ONLY,
  "/admin/users/new": ADMINS_ONLY,
  "/admin/users/[id]": { ...ADMINS_ONLY, admin: { own: "allow", other: "allow" } },
  "/admin/departments": ADMINS_ONLY,
  "/admin/settings": ADMINS_ONLY,
  "/admin/email-deliveries": ADMINS_ONLY,
  "/admin/security-log": ADMINS_ONLY,
  "/admin/reopen-case": ADMINS_ONLY,
  "/role-requests": ROLE_APPROVERS,
} as const satisfies Record<string, Row<PageOutcome>>;

/** Route handlers, by method and route (app/**\/route.ts). */
export const ROUTE_HANDLERS = {
  "GET /api/health": everyone("allow"),
  // Physicians pick colleagues; officers the colleague of a concern they record;
  // administrators pick accounts.
  "GET /api/directory": {
    signedOut: "unauthorized",
    reporter: "allow",
    subject: "allow",
    unrelatedPhysician: "allow",
    assignedOfficer: "allow",
    otherOfficer: "allow",
    admin: "allow",
    deactivated: "unauthorized",
  },
  // Auth.js's session endpoint answers everyone, and tells nobody who they are.
  "GET /api/auth/[...nextauth]": everyone("allow"),
  // Nothing is posted to Auth.js without its CSRF token, whoever posts it.
  "POST /api/auth/[...nextauth]": everyone("redirect:/sign-in?error=MissingCSRF"),
  "GET /compliance/cases/[id]/export/[format]": OFFICERS_SEE_ESCALATED_CASES,
  // An export's manifest: officers only. The matrix's cases have no recorded export, so an
  // officer asking for one is told there is none (exports.spec.ts downloads a real one).
  "GET /compliance/cases/[id]/export/manifest/[sha256]": {
    ...OFFICERS_SEE_ESCALATED_CASES,
    assignedOfficer: { own: "notFound", other: "notFound" },
    otherOfficer: { own: "notFound", other: "notFound" },
  },
  // Names colleagues raised more than once: the compliance team's only.
  "GET /compliance/insights/csv": OFFICERS_ONLY,
  // A case's evidence: to both parties and, once escalated, every officer; to anyone else
  // it does not exist, whatever their role.
  "GET /evidence/[id]": {
    signedOut: "signIn",
    reporter: { own: "allow", other: "notFound" },
    subject: { own: "allow", other: "notFound" },
    unrelatedPhysician: { own: "allow", other: "notFound" },
    assignedOfficer: { own: "allow", other: "allow" },
    otherOfficer: { own: "allow", other: "allow" },
    admin: { own: "notFound", other: "notFound" },
    deactivated: "signIn",
  },
} as const satisfies Record<string, Row<PageOutcome>>;

const EVERYONE_MAY_TRY = everyone("allow");

const NO_PHYSICIAN_OR_ADMIN = {
  signedOut: "signIn",
  reporter: "forbidden",
  subject: "forbidden",
  unrelatedPhysician: "forbidden",
  admin: "forbidden",
  deactivated: "signIn",
} as const;

/** Work only the officer holding a case may do. */
const HOLDER_ONLY = {
  ...NO_PHYSICIAN_OR_ADMIN,
  assignedOfficer: { own: "allow", other: "refused" },
  otherOfficer: { own: "allow", other: "refused" },
} as const;

/** What only the colleague concerned may do about a notice. */
const SUBJECT_ONLY = {
  signedOut: "signIn",
  reporter: { own: "refused", other: "notFound" },
  subject: { own: "allow", other: "notFound" },
  unrelatedPhysician: { own: "refused", other: "notFound" },
  assignedOfficer: "forbidden",
  otherOfficer: "forbidden",
  admin: "forbidden",
  deactivated: "signIn",
} as const;

/** Either party of the case, on its own case only. */
const THREAD_PARTIES_ONLY = {
  signedOut: "signIn",
  reporter: { own: "allow", other: "notFound" },
  subject: { own: "allow", other: "notFound" },
  unrelatedPhysician: { own: "allow", other: "notFound" },
  assignedOfficer: { own: "notFound", other: "notFound" },
  otherOfficer: { own: "notFound", other: "notFound" },
  admin: { own: "notFound", other: "notFound" },
  deactivated: "signIn",
} as const;

/** Server actions, by `file#export` as the build's server-reference manifest names them. */
export const SERVER_ACTIONS = {
  "app/(auth)/sign-in/actions.ts#signInWithPassword": EVERYONE_MAY_TRY,
  "app/(auth)/sign-in/actions.ts#signInWithSso": EVERYONE_MAY_TRY,
  // Anyone may ask for a reset link or use one: the link, not a session, is the proof.
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": EVERYONE_MAY_TRY,
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": EVERYONE_MAY_TRY,
  "app/(auth)/invitation/actions.ts#acceptInvitationAction": EVERYONE_MAY_TRY,
  "app/(app)/sign-out-action.ts#signOutAction": SIGNED_IN_ONLY,
  // Each person's own password only: the action names no account.
  "app/(app)/preferences/password/actions.ts#changeOwnPasswordAction": SIGNED_IN_ONLY,
  // Each acts on the caller's own account only: none names anyone.
  "app/(auth)/sign-in/two-factor/actions.ts#passSecondFactorAction": SIGNED_IN_ONLY,
  "app/(auth)/sign-in/two-factor/actions.ts#confirmEnrolmentAction": SIGNED_IN_ONLY,
  // A physician may begin setting it up; those who have it already are told so.
  "app/(auth)/sign-in/two-factor/actions.ts#beginEnrolmentAction": {
    ...SIGNED_IN_ONLY,
    assignedOfficer: "refused",
    otherOfficer: "refused",
    admin: "refused",
  },
  // Only those who have it have codes to replace.
  "app/(app)/preferences/two-factor/actions.ts#regenerateRecoveryCodesAction": {
    ...SIGNED_IN_ONLY,
    reporter: "refused",
    subject: "refused",
    unrelatedPhysician: "refused",
  },
  "app/(app)/preferences/two-factor/actions.ts#disableTwoFactorAction": SIGNED_IN_ONLY,
  "app/(app)/preferences/email/actions.ts#updateEmailPreferencesAction": SIGNED_IN_ONLY,
  // Each person's own notifications only: the action names no one else's.
  "app/(app)/notifications/actions.ts#markAllNotificationsReadAction": SIGNED_IN_ONLY,
  // Each person's own zone only: the action names no account.
  "app/(app)/preferences/email/actions.ts#updateOwnTimeZoneAction": SIGNED_IN_ONLY,
  "app/(app)/concerns/actions.ts#fileConcernAction": PHYSICIANS_ONLY,
  "app/(app)/compliance/record-concern/actions.ts#recordConcernAction": OFFICERS_ONLY,
  "app/(app)/concerns/actions.ts#answerResponseAction": {
    signedOut: "signIn",
    reporter: { own: "allow", other: "notFound" },
    subject: { own: "refused", other: "notFound" },
    // Their own case B is with compliance: there is no response left to answer.
    unrelatedPhysician: { own: "refused", other: "notFound" },
    // Officers answer here only as reporter of record of what they recorded; the cases they
    // work do not exist on this path.
    assignedOfficer: "notFound",
    otherOfficer: "notFound",
    admin: "forbidden",
    deactivated: "signIn",
  },
  // An officer's question is answered by the party asked, and by nobody else.
  "app/(app)/concerns/actions.ts#answerInformationAction": {
    signedOut: "signIn",
    reporter: { own: "allow", other: "notFound" },
    subject: { own: "allow", other: "notFound" },
    unrelatedPhysician: { own: "allow", other: "notFound" },
    assignedOfficer: { own: "notFound", other: "notFound" },
    otherOfficer: { own: "notFound", other: "notFound" },
    admin: { own: "notFound", other: "notFound" },
    deactivated: "signIn",
  },
  // The thread: either party of a case writes, and reports the other's messages; officers
  // read it on the case file but write nothing, and for everyone else the case does not exist.
  "app/(app)/concerns/actions.ts#postMessageAction": THREAD_PARTIES_ONLY,
  // Own: a message the other party of their case sent them. Other: one on another case.
  "app/(app)/concerns/actions.ts#reportMessageAction": THREAD_PARTIES_ONLY,
  "app/(app)/notices/actions.ts#reportRemediationAction": SUBJECT_ONLY,
  "app/(app)/notices/actions.ts#disputeAction": SUBJECT_ONLY,
  // Only the colleague appeals, on a decided case of their own; the reporter's case is not
  // theirs to appeal, so it is not found.
  "app/(app)/notices/actions.ts#fileAppealAction": {
    ...SUBJECT_ONLY,
    reporter: "notFound",
    unrelatedPhysician: "notFound",
  },
  "app/(app)/compliance/actions.ts#claimCaseAction": {
    ...NO_PHYSICIAN_OR_ADMIN,
    // Own: an unclaimed case in their queue. Other: one another officer holds.
    assignedOfficer: { own: "allow", other: "refused" },
    otherOfficer: { own: "allow", other: "refused" },
  },
  // Any officer may reassign a case, including one another officer holds.
  "app/(app)/compliance/actions.ts#assignCaseAction": {
    ...NO_PHYSICIAN_OR_ADMIN,
    assignedOfficer: { own: "allow", other: "allow" },
    otherOfficer: { own: "allow", other: "allow" },
  },
  "app/(app)/compliance/actions.ts#releaseCaseAction": HOLDER_ONLY,
  // Any officer may step aside from a case in their sight, whoever holds it (a fresh one
  // each time: a recusal is for good).
  "app/(app)/compliance/actions.ts#recuseAction": {
    ...NO_PHYSICIAN_OR_ADMIN,
    assignedOfficer: { own: "allow", other: "allow" },
    otherOfficer: { own: "allow", other: "allow" },
  },
  "app/(app)/compliance/actions.ts#closeCaseAction": HOLDER_ONLY,
  // Own: an appeal of the other officer's decision. Other: an appeal of their own decision,
  // which a different officer must take.
  "app/(app)/compliance/actions.ts#takeAppealAction": {
    ...NO_PHYSICIAN_OR_ADMIN,
    assignedOfficer: { own: "allow", other: "refused" },
    otherOfficer: { own: "allow", other: "refused" },
  },
  // Own: an appeal they took. Other: one the other officer took, of their own decision.
  "app/(app)/compliance/actions.ts#decideAppealAction": {
    ...NO_PHYSICIAN_OR_ADMIN,
    assignedOfficer: { own: "allow", other: "refused" },
    otherOfficer: { own: "allow", other: "refused" },
  },
  // Any officer may reopen a closed case, whoever closed it.
  "app/(app)/compliance/actions.ts#reopenCaseAction": {
    ...NO_PHYSICIAN_OR_ADMIN,
    assignedOfficer: { own: "allow", other: "allow" },
    otherOfficer: { own: "allow", other: "allow" },
  },
  "app/(app)/compliance/actions.ts#addNoteAction": HOLDER_ONLY,
  // Own: a note they wrote. Other: a note the other officer wrote.
  "app/(app)/compliance/actions.ts#retractNoteAction": HOLDER_ONLY,
  "app/(app)/compliance/actions.ts#requestInformationAction": HOLDER_ONLY,
  // Removing patient details from a case's stored text is the holder's work, as notes are.
  "app/(app)/compliance/actions.ts#redactCaseTextAction": HOLDER_ONLY,
  // Own: an open review in their department. Other: one the other officer holds.
  "app/(app)/compliance/pattern-reviews/actions.ts#claimPatternReviewAction": {
    ...NO_PHYSICIAN_OR_ADMIN,
    assignedOfficer: { own: "allow", other: "refused" },
    otherOfficer: { own: "allow", other: "refused" },
  },
  "app/(app)/compliance/pattern-reviews/actions.ts#decidePatternReviewAction": HOLDER_ONLY,
  // Only the colleague the review is about answers it; to anyone else it does not exist.
  "app/(app)/notices/reviews/actions.ts#answerPatternReviewAction": {
    signedOut: "signIn",
    reporter: { own: "notFound", other: "notFound" },
    subject: { own: "allow", other: "notFound" },
    unrelatedPhysician: { own: "notFound", other: "notFound" },
    assignedOfficer: "forbidden",
    otherOfficer: "forbidden",
    admin: "forbidden",
    deactivated: "signIn",
  },
  "app/(app)/admin/users/actions.ts#createUserAction": ADMINS_ONLY,
  "app/(app)/admin/users/actions.ts#updateUserAction": {
    ...ADMINS_ONLY,
    admin: { own: "allow", other: "allow" },
  },
  "app/(app)/admin/users/actions.ts#setUserActiveAction": {
    ...ADMINS_ONLY,
    admin: { own: "refused", other: "allow" },
  },
  // Own: their own account, which has a password. Other: a new account still invited.
  "app/(app)/admin/users/actions.ts#resendInvitationAction": {
    ...ADMINS_ONLY,
    admin: { own: "refused", other: "allow" },
  },
  "app/(app)/admin/users/actions.ts#createDepartmentAction": ADMINS_ONLY,
  "app/(app)/admin/users/actions.ts#renameDepartmentAction": ADMINS_ONLY,
  "app/(app)/admin/settings/actions.ts#updateWorkflowSettingsAction": ADMINS_ONLY,
  "app/(app)/admin/email-deliveries/actions.ts#retryEmailDeliveryAction": ADMINS_ONLY,
  // By reference, without reading the case: officers reopen from the case file instead.
  "app/(app)/admin/reopen-case/actions.ts#reopenByReferenceAction": ADMINS_ONLY,
  "app/(app)/role-requests/actions.ts#decideRoleGrantAction": ROLE_APPROVERS,
  // Any officer checks a received file; the answer names only cases they may see.
  "app/(app)/compliance/verify-export/actions.ts#checkReceivedExportAction": {
    ...NO_PHYSICIAN_OR_ADMIN,
    assignedOfficer: "allow",
    otherOfficer: "allow",
  },
} as const satisfies Record<string, Row<ActionOutcome>>;

export function outcomeFor<Outcome extends string>(
  row: Row<Outcome>,
  principal: Principal,
  whose: Whose,
): Outcome {
  const cell = row[principal];
  return typeof cell === "string" ? cell : cell[whose];
}

/** Whether a row tells a person's own record apart from someone else's. */
export function isPerRecord<Outcome extends string>(row: Row<Outcome>, principal: Principal) {
  return typeof row[principal] !== "string";
}
