import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  auditEvents,
  caseAppeals,
  caseMessageReports,
  caseMessages,
  caseNotes,
  concerns,
  departments,
  informationRequests,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { listQueue } from "@/lib/queries/compliance-queue";
import { loadInsights, parseInsightsPeriod } from "@/lib/queries/insights";
import { parseQueueFilters, QUEUE_FILTER_PARAMS } from "@/lib/queries/queue-filters";
import { searchTextSchema } from "@/lib/queries/search-text";
import { findOwnTimeZone, listUsers, searchDirectory } from "@/lib/queries/users";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { addCaseNote } from "@/lib/services/concerns/add-case-note";
import { answerInformationRequest } from "@/lib/services/concerns/answer-information-request";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import type { FileConcernInput } from "@/lib/services/concerns/concern-schemas";
import { decideAppeal } from "@/lib/services/concerns/decide-appeal";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { exportCaseFile } from "@/lib/services/concerns/export-case-file";
import { fileAppeal } from "@/lib/services/concerns/file-appeal";
import { fileConcern } from "@/lib/services/concerns/file-concern";
import { postMessage } from "@/lib/services/concerns/post-message";
import { releaseCase } from "@/lib/services/concerns/release-case";
import { reopenCase, reopenCaseByReference } from "@/lib/services/concerns/reopen-case";
import { reportMessage } from "@/lib/services/concerns/report-message";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import { requestInformation } from "@/lib/services/concerns/request-information";
import { retractCaseNote } from "@/lib/services/concerns/retract-case-note";
import { takeAppeal } from "@/lib/services/concerns/take-appeal";
import { createDepartment } from "@/lib/services/departments/create-department";
import { updateWorkflowSettings } from "@/lib/services/settings/update-workflow-settings";
import { createUser } from "@/lib/services/users/create-user";
import { updateOwnTimeZone } from "@/lib/services/users/update-own-time-zone";
import { updateUser } from "@/lib/services/users/update-user";
import type { CreateUserInput, UpdateUserInput } from "@/lib/services/users/user-schemas";
import { HOSTILE_PAYLOADS } from "../support/hostile-payloads";
import { concernInput, insertEscalatedCase, insertOfficer } from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
// Long enough ago that a case escalated a week later is already in the queue today.
const FILED = new Date(Date.now() - 10 * 24 * 3600 * 1000);
const TODAY = new Date().toISOString().slice(0, 10);

/**
 * One text field of one use case. `prepare` makes a record the payload can land on; `read`
 * returns what that field holds now (null when nothing is stored). A refusal must leave
 * `read` unchanged, so a prepared record is reused until a payload is accepted.
 */
interface TextField<Context> {
  name: string;
  /** The field a refusal must name: the key of the input object. */
  field: string;
  prepare: () => Promise<Context>;
  submit: (context: Context, value: string) => Promise<unknown>;
  read: (context: Context) => Promise<unknown>;
  /** What an accepted value must read back as: by default exactly what was sent, trimmed as the form says. */
  stored?: (value: string) => unknown;
  /** Also try each payload inside ordinary text, so fields with a minimum length still meet it. */
  embed?: boolean;
}

const field = <Context>(spec: TextField<Context>) => spec as TextField<unknown>;

const physician = () => insertPerson(database.db, { roles: ["physician"] });
const admin = () => insertPerson(database.db, { roles: ["admin"] });

async function filed(overrides: Partial<FileConcernInput> = {}) {
  const [reporter, subject] = await Promise.all([physician(), physician()]);
  const { concernId } = await fileConcern(
    database.db,
    reporter,
    concernInput(subject.userId, { seenOn: TODAY, ...overrides }),
  );
  return { concernId, reporter, subject };
}

// One officer for the whole file: each escalation notifies every officer, and hundreds of
// them would make every case slower than the last.
let sharedOfficer: Promise<Actor> | undefined;

async function claimed() {
  const { id, reporter, subject } = await insertEscalatedCase(database.db, FILED);
  sharedOfficer ??= insertOfficer(database.db);
  const officer = await sharedOfficer;
  await claimCase(database.db, officer, id);
  return { concernId: id, reporter, subject, officer };
}

let sharedAppealOfficer: Promise<Actor> | undefined;

/** A case its officer decided, open to the colleague's appeal. */
async function decided() {
  const parties = await claimed();
  await closeCase(database.db, parties.officer, parties.concernId, {
    outcome: "coaching",
    rationale: "Discussed it with them.",
  });
  return parties;
}

async function appealColumn(concernId: string, key: "explanation" | "rationale") {
  const [row] = await database.db
    .select()
    .from(caseAppeals)
    .where(eq(caseAppeals.concernId, concernId));
  return row?.[key] ?? null;
}

async function column<K extends keyof typeof concerns.$inferSelect>(concernId: string, key: K) {
  const [row] = await database.db.select().from(concerns).where(eq(concerns.id, concernId));
  return row?.[key] ?? null;
}

/** The newest audit event of the case that carries a `reason`, as the timeline shows it. */
async function latestReason(concernId: string) {
  const [row] = await database.db
    .select({ reason: sql<string | null>`${auditEvents.details}->>'reason'` })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, concernId), sql`${auditEvents.details} ? 'reason'`))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.reason ?? null;
}

async function filedBy(reporter: Actor, key: keyof typeof concerns.$inferSelect) {
  const [row] = await database.db
    .select()
    .from(concerns)
    .where(eq(concerns.reporterId, reporter.userId));
  return row ? row[key] : null;
}

function fileWith(
  overrides: (value: string) => Partial<FileConcernInput>,
  key: keyof typeof concerns.$inferSelect,
) {
  return {
    prepare: async () => ({ reporter: await physician(), subject: await physician() }),
    submit: ({ reporter, subject }: { reporter: Actor; subject: Actor }, value: string) =>
      fileConcern(
        database.db,
        reporter,
        concernInput(subject.userId, { seenOn: TODAY, ...overrides(value) }),
      ),
    read: ({ reporter }: { reporter: Actor }) => filedBy(reporter, key),
  };
}

type UserRow = typeof users.$inferSelect;
const NEW_ACCOUNT = {
  name: "New Person",
  roles: ["physician"],
  departmentId: "",
} satisfies Omit<CreateUserInput, "email">;

/** An account the administrator creates, found again by its fresh email; `pick` reads the field. */
function newAccountWith(
  overrides: (value: string) => Partial<CreateUserInput>,
  pick: (user: UserRow) => unknown,
) {
  return {
    prepare: async () => ({
      actor: await admin(),
      email: `new-${crypto.randomUUID()}@hospital.example`,
    }),
    submit: ({ actor, email }: { actor: Actor; email: string }, value: string) =>
      createUser(database.db, actor, { ...NEW_ACCOUNT, email, ...overrides(value) }),
    read: async ({ email }: { email: string }) => {
      const [user] = await database.db.select().from(users).where(eq(users.email, email));
      return user ? pick(user) : null;
    },
  };
}

/** A physician's account the administrator edits; `pick` reads the field. */
function changedAccountWith(
  overrides: (value: string) => Partial<UpdateUserInput>,
  pick: (user: UserRow) => unknown,
) {
  return {
    prepare: async () => ({ actor: await admin(), person: await physician() }),
    submit: ({ actor, person }: { actor: Actor; person: Actor }, value: string) =>
      updateUser(database.db, actor, {
        userId: person.userId,
        name: person.name,
        email: person.email,
        roles: ["physician"],
        departmentId: "",
        ...overrides(value),
      }),
    read: async ({ person }: { person: Actor }) => {
      const [user] = await database.db.select().from(users).where(eq(users.id, person.userId));
      return pick(user!);
    },
  };
}

const FIELDS: TextField<unknown>[] = [
  field({
    name: "filing: the post's link",
    field: "postUrl",
    ...fileWith((v) => ({ postUrl: v }), "postUrl"),
  }),
  field({
    name: "filing: hostile text inside the post's link",
    field: "postUrl",
    ...fileWith((v) => ({ postUrl: `https://social.example/posts/1?q=${v}` }), "postUrl"),
    stored: (v) => `https://social.example/posts/1?q=${v}`.trim(),
  }),
  field({
    name: "filing: the description",
    field: "description",
    embed: true,
    ...fileWith((v) => ({ description: v }), "description"),
  }),
  field({
    name: "filing: the platform",
    field: "platform",
    ...fileWith((v) => ({ platform: v as never }), "platform"),
  }),
  field({
    name: "filing: the date seen",
    field: "seenOn",
    ...fileWith((v) => ({ seenOn: v }), "seenOn"),
  }),
  field({
    name: "filing: the colleague",
    field: "subjectId",
    ...fileWith((v) => ({ subjectId: v }), "subjectId"),
  }),
  field({
    name: "filing: the severity",
    field: "severity",
    ...fileWith((v) => ({ severity: v as never }), "severity"),
  }),
  field({
    name: "filing: the disclosure",
    field: "disclosure",
    ...fileWith((v) => ({ disclosure: v as never }), "disclosure"),
  }),
  field({
    name: "filing: a category",
    field: "categories",
    ...fileWith((v) => ({ categories: [v as never] }), "categories"),
    stored: (v) => [v],
  }),
  field({
    name: "colleague's remediation note",
    field: "note",
    embed: true,
    prepare: () => filed(),
    submit: ({ concernId, subject }, value) =>
      reportRemediation(database.db, subject, concernId, { action: "other", note: value }),
    read: ({ concernId }) => column(concernId, "responseNote"),
  }),
  field({
    name: "colleague's remediation action",
    field: "action",
    prepare: () => filed(),
    submit: ({ concernId, subject }, value) =>
      reportRemediation(database.db, subject, concernId, { action: value, note: "Took it down." }),
    read: ({ concernId }) => column(concernId, "remediationAction"),
  }),
  field({
    name: "colleague's dispute explanation",
    field: "explanation",
    embed: true,
    prepare: () => filed(),
    submit: ({ concernId, subject }, value) =>
      disputeConcern(database.db, subject, concernId, { explanation: value }),
    read: ({ concernId }) => column(concernId, "responseNote"),
  }),
  field({
    name: "reporter's reason to reject a remediation",
    field: "reason",
    embed: true,
    prepare: async () => {
      const parties = await filed();
      await reportRemediation(database.db, parties.subject, parties.concernId, {
        action: "edited",
        note: "Edited it.",
      });
      return parties;
    },
    submit: ({ concernId, reporter }, value) =>
      answerResponse(database.db, reporter, concernId, "reject_remediation", { reason: value }),
    read: ({ concernId }) => latestReason(concernId),
  }),
  field({
    name: "reporter's reason to escalate a dispute",
    field: "reason",
    embed: true,
    prepare: async () => {
      const parties = await filed();
      await disputeConcern(database.db, parties.subject, parties.concernId, {
        explanation: "It was a fictional scenario.",
      });
      return parties;
    },
    submit: ({ concernId, reporter }, value) =>
      answerResponse(database.db, reporter, concernId, "escalate_dispute", { reason: value }),
    read: ({ concernId }) => latestReason(concernId),
  }),
  field({
    name: "reporter's reason to withdraw",
    field: "reason",
    embed: true,
    prepare: () => filed(),
    submit: ({ concernId, reporter }, value) =>
      answerResponse(database.db, reporter, concernId, "withdraw", { reason: value }),
    read: ({ concernId }) => latestReason(concernId),
  }),
  field({
    name: "thread: a message",
    field: "body",
    embed: true,
    prepare: () => filed(),
    submit: ({ concernId, subject }, value) =>
      postMessage(database.db, subject, { concernId, body: value }),
    read: async ({ concernId }) => {
      const [message] = await database.db
        .select({ body: caseMessages.body })
        .from(caseMessages)
        .where(eq(caseMessages.concernId, concernId))
        .orderBy(desc(caseMessages.id))
        .limit(1);
      return message?.body ?? null;
    },
  }),
  field({
    name: "thread: the reason a message is reported",
    field: "reason",
    prepare: async () => {
      const { concernId, reporter, subject } = await filed();
      const { messageId } = await postMessage(database.db, subject, { concernId, body: "Hi." });
      return { messageId, reporter };
    },
    submit: ({ messageId, reporter }, value) =>
      reportMessage(database.db, reporter, { messageId, reason: value }),
    read: async ({ messageId }) => {
      const [report] = await database.db
        .select({ reason: caseMessageReports.reason })
        .from(caseMessageReports)
        .where(eq(caseMessageReports.messageId, messageId));
      return report ? (report.reason ?? "") : null;
    },
  }),
  field({
    name: "officer's note",
    field: "body",
    embed: true,
    prepare: () => claimed(),
    submit: ({ concernId, officer }, value) =>
      addCaseNote(database.db, officer, concernId, { body: value }),
    read: async ({ concernId }) => {
      const [note] = await database.db
        .select({ body: caseNotes.body })
        .from(caseNotes)
        .where(eq(caseNotes.concernId, concernId))
        .orderBy(desc(caseNotes.id))
        .limit(1);
      return note?.body ?? null;
    },
  }),
  field({
    name: "officer's reason to retract a note",
    field: "reason",
    embed: true,
    prepare: async () => {
      const parties = await claimed();
      const { noteId } = await addCaseNote(database.db, parties.officer, parties.concernId, {
        body: "Wrong case.",
      });
      return { ...parties, noteId };
    },
    submit: ({ officer, noteId }, value) =>
      retractCaseNote(database.db, officer, noteId, { reason: value }),
    read: async ({ noteId }) => {
      const [note] = await database.db
        .select({ reason: caseNotes.retractionReason })
        .from(caseNotes)
        .where(eq(caseNotes.id, noteId));
      return note?.reason ?? null;
    },
  }),
  ...(["reporter", "subject"] as const).map((recipient) =>
    field({
      name: `officer's question to the ${recipient}`,
      field: "question",
      embed: true,
      prepare: () => claimed(),
      submit: ({ concernId, officer }, value) =>
        requestInformation(database.db, officer, concernId, { recipient, question: value }),
      read: async ({ concernId }) => {
        const [request] = await database.db
          .select({ question: informationRequests.question })
          .from(informationRequests)
          .where(eq(informationRequests.concernId, concernId))
          .orderBy(desc(informationRequests.askedAt))
          .limit(1);
        return request?.question ?? null;
      },
    }),
  ),
  field({
    name: "officer's question: whom to ask",
    field: "recipient",
    prepare: () => claimed(),
    submit: ({ concernId, officer }, value) =>
      requestInformation(database.db, officer, concernId, {
        recipient: value,
        question: "When was it removed?",
      }),
    read: async ({ concernId }) => {
      const [request] = await database.db
        .select({ recipient: informationRequests.recipient })
        .from(informationRequests)
        .where(eq(informationRequests.concernId, concernId));
      return request?.recipient ?? null;
    },
  }),
  field({
    name: "a party's answer to an officer's question",
    field: "answer",
    embed: true,
    prepare: async () => {
      const parties = await claimed();
      const { requestId } = await requestInformation(
        database.db,
        parties.officer,
        parties.concernId,
        {
          recipient: "subject",
          question: "When was the post taken down?",
        },
      );
      return { ...parties, requestId };
    },
    submit: ({ subject, requestId }, value) =>
      answerInformationRequest(database.db, subject, requestId, { answer: value }),
    read: async ({ requestId }) => {
      const [request] = await database.db
        .select({ answer: informationRequests.answer })
        .from(informationRequests)
        .where(eq(informationRequests.id, requestId));
      return request?.answer ?? null;
    },
  }),
  field({
    name: "officer's rationale for the outcome",
    field: "rationale",
    embed: true,
    prepare: () => claimed(),
    submit: ({ concernId, officer }, value) =>
      closeCase(database.db, officer, concernId, { outcome: "coaching", rationale: value }),
    read: ({ concernId }) => column(concernId, "outcomeRationale"),
  }),
  field({
    name: "officer's external authority",
    field: "externalAuthority",
    embed: true,
    prepare: () => claimed(),
    submit: ({ concernId, officer }, value) =>
      closeCase(database.db, officer, concernId, {
        outcome: "referred_external",
        rationale: "Referred for the board's review.",
        externalAuthority: value,
      }),
    read: ({ concernId }) => column(concernId, "externalAuthority"),
  }),
  field({
    name: "officer's outcome",
    field: "outcome",
    prepare: () => claimed(),
    submit: ({ concernId, officer }, value) =>
      closeCase(database.db, officer, concernId, {
        outcome: value,
        rationale: "Discussed it with them.",
      }),
    read: ({ concernId }) => column(concernId, "outcome"),
  }),
  field({
    name: "colleague's appeal explanation",
    field: "explanation",
    embed: true,
    prepare: () => decided(),
    submit: ({ concernId, subject }, value) =>
      fileAppeal(database.db, subject, concernId, { explanation: value }),
    read: ({ concernId }) => appealColumn(concernId, "explanation"),
  }),
  field({
    name: "officer's rationale on an appeal",
    field: "rationale",
    embed: true,
    prepare: async () => {
      const parties = await decided();
      await fileAppeal(database.db, parties.subject, parties.concernId, {
        explanation: "The post was a fictional teaching scenario.",
      });
      // A second officer for the whole file, as the decider's is one: an appeal needs another.
      sharedAppealOfficer ??= insertOfficer(database.db);
      const appealOfficer = await sharedAppealOfficer;
      await takeAppeal(database.db, appealOfficer, parties.concernId);
      return { ...parties, appealOfficer };
    },
    submit: ({ concernId, appealOfficer }, value) =>
      decideAppeal(database.db, appealOfficer, concernId, {
        decision: "dismissed",
        rationale: value,
      }),
    read: ({ concernId }) => appealColumn(concernId, "rationale"),
  }),
  field({
    name: "officer's reason to release a case",
    field: "reason",
    embed: true,
    prepare: () => claimed(),
    submit: ({ concernId, officer }, value) =>
      releaseCase(database.db, officer, concernId, { reason: value }),
    read: ({ concernId }) => latestReason(concernId),
  }),
  field({
    name: "officer's reason to reopen a case",
    field: "reason",
    embed: true,
    prepare: async () => {
      const parties = await claimed();
      await closeCase(database.db, parties.officer, parties.concernId, {
        outcome: "no_violation",
        rationale: "Nothing identifiable in it.",
      });
      return parties;
    },
    submit: ({ concernId, officer }, value) =>
      reopenCase(database.db, officer, concernId, { reason: value }),
    read: ({ concernId }) => latestReason(concernId),
  }),
  field({
    name: "administrator's case reference to reopen",
    field: "reference",
    prepare: async () => ({ actor: await admin() }),
    submit: ({ actor }, value) =>
      reopenCaseByReference(database.db, actor, {
        reference: value,
        reason: "Filed under the wrong outcome.",
      }),
    // No case here is closed, so even a reference that parses finds nothing to reopen.
    read: () => Promise.resolve(null),
    stored: () => "never accepted",
  }),
  field({
    name: "new account: the name",
    field: "name",
    embed: true,
    ...newAccountWith(
      (v) => ({ name: v }),
      (user) => user.name,
    ),
  }),
  field({
    name: "new account: the email",
    field: "email",
    prepare: async () => ({ actor: await admin(), name: `New person ${crypto.randomUUID()}` }),
    submit: ({ actor, name }, value) =>
      createUser(database.db, actor, { ...NEW_ACCOUNT, name, email: value }),
    read: async ({ name }) => {
      const [user] = await database.db
        .select({ email: users.email })
        .from(users)
        .where(eq(users.name, name));
      return user?.email ?? null;
    },
    stored: (v) => v.trim().toLowerCase(),
  }),
  field({
    name: "new account: a role",
    field: "roles",
    ...newAccountWith(
      (v) => ({ roles: [v as never] }),
      (user) => user.id,
    ),
    stored: () => "never accepted",
  }),
  field({
    name: "new account: the department",
    field: "departmentId",
    ...newAccountWith(
      (v) => ({ departmentId: v }),
      (user) => user.id,
    ),
    stored: () => "never accepted",
  }),
  field({
    name: "changed account: the name",
    field: "name",
    embed: true,
    ...changedAccountWith(
      (v) => ({ name: v }),
      (user) => user.name,
    ),
  }),
  field({
    name: "changed account: the email",
    field: "email",
    ...changedAccountWith(
      (v) => ({ email: v }),
      (user) => user.email,
    ),
    stored: (v) => v.trim().toLowerCase(),
  }),
  field({
    name: "department name",
    field: "name",
    embed: true,
    prepare: async () => ({ actor: await admin() }),
    submit: ({ actor }, value) => createDepartment(database.db, actor, { name: value }),
    read: async () => {
      const [newest] = await database.db
        .select({ name: departments.name })
        .from(departments)
        .orderBy(desc(departments.createdAt), desc(departments.id))
        .limit(1);
      return newest?.name ?? null;
    },
  }),
  field({
    name: "a person's own time zone",
    field: "timeZone",
    prepare: async () => ({ person: await physician() }),
    submit: ({ person }, value) => updateOwnTimeZone(database.db, person, { timeZone: value }),
    read: ({ person }) => findOwnTimeZone(database.db, person.userId),
    stored: () => "never accepted: none of the payloads is a time zone",
  }),
  ...(
    [
      "remediationWindowHours",
      "confirmationWindowHours",
      "reminderLeadHours",
      "dailyFilingLimit",
      "dailyMessageLimit",
      "triageBusinessDays",
      "decisionWindowDays",
      "appealWindowDays",
      "timeZone",
      "patternConcernCount",
      "patternReporterCount",
      "patternWindowMonths",
    ] as const
  ).map((setting) =>
    field({
      name: `setting: ${setting}`,
      field: setting,
      prepare: async () => ({ actor: await admin() }),
      submit: ({ actor }, value) =>
        updateWorkflowSettings(database.db, actor, {
          remediationWindowHours: 168,
          confirmationWindowHours: 72,
          reminderLeadHours: 24,
          dailyFilingLimit: 10,
          dailyMessageLimit: 10,
          triageBusinessDays: 2,
          decisionWindowDays: 30,
          timeZone: "America/New_York",
          [setting]: value,
        }),
      read: async () => JSON.stringify(await loadWorkflowSettings(database.db)),
      stored: () => "never accepted: none of the payloads is a number in range or a time zone",
    }),
  ),
];

interface Outcome {
  payload: string;
  variant: "as is" | "embedded";
  problem: string;
}

/** A refusal must name the field, say something a person can act on, and change nothing. */
function refusalProblem(error: unknown, fieldName: string): string | null {
  if (error instanceof Refusal) {
    return error.field === fieldName && error.message.length > 0
      ? null
      : `refused without naming ${fieldName}: ${error.code} ${error.message}`;
  }
  if (error instanceof z.ZodError) {
    const issue = error.issues.find((i) => String(i.path[0]) === fieldName);
    return issue && issue.message.length > 0
      ? null
      : `invalid input reported on ${error.issues.map((i) => i.path.join(".")).join(", ")}, not ${fieldName}`;
  }
  const name =
    error instanceof Error ? `${error.name}: ${error.message.slice(0, 160)}` : String(error);
  return `unexpected exception ${name}`;
}

async function tryEveryPayload(spec: TextField<unknown>): Promise<Outcome[]> {
  const problems: Outcome[] = [];
  let context: unknown;
  for (const payload of HOSTILE_PAYLOADS) {
    const variants = [["as is", payload.value]] as [Outcome["variant"], string][];
    if (spec.embed)
      variants.push(["embedded", `Text before it: ${payload.value} and text after it.`]);
    for (const [variant, value] of variants) {
      context ??= await spec.prepare();
      const before = await spec.read(context);
      const failure = await spec.submit(context, value).then(
        () => null,
        (error: unknown) => ({ error }),
      );
      const after = await spec.read(context);
      const report = (problem: string) =>
        problems.push({ payload: payload.name, variant, problem });
      if (failure) {
        const problem = refusalProblem(failure.error, spec.field);
        if (problem) report(problem);
        if (JSON.stringify(after) !== JSON.stringify(before))
          report("refused, yet something was stored");
      } else {
        const expected = spec.stored ? spec.stored(value) : value.trim();
        if (JSON.stringify(after) !== JSON.stringify(expected)) {
          report(`accepted, but stored ${JSON.stringify(after)?.slice(0, 80)}`);
        }
        // The record has moved on; the next payload needs a fresh one.
        context = undefined;
      }
    }
  }
  return problems;
}

describe("every text field meets the hostile corpus", () => {
  it.each(FIELDS.map((spec) => [spec.name, spec] as const))(
    "%s: each payload is refused naming the field, or stored exactly",
    async (_name, spec) => {
      expect(await tryEveryPayload(spec)).toEqual([]);
    },
    120_000,
  );
});

describe("search and filter parameters meet the hostile corpus", () => {
  it("the directory, the user list and the queue search refuse control characters and treat the rest as literal text", async () => {
    const searcher = await physician();
    sharedOfficer ??= insertOfficer(database.db);
    const officer = await sharedOfficer;
    await insertEscalatedCase(database.db, FILED);
    for (const payload of HOSTILE_PAYLOADS) {
      const parsed = searchTextSchema.safeParse(payload.value);
      if (!parsed.success) {
        expect(parsed.error.issues[0]?.message, payload.name).toMatch(/characters/);
        continue;
      }
      // Literal, not a pattern: whoever is found has the text in their name or email (earlier
      // tests stored some payloads as names, and the directory rightly finds those people).
      const found = await searchDirectory(database.db, {
        query: parsed.data,
        excludeUserId: searcher.userId,
      });
      for (const entry of found) {
        const [person] = await database.db.select().from(users).where(eq(users.id, entry.id));
        expect(`${person!.name}\n${person!.email}`.toLowerCase(), payload.name).toContain(
          parsed.data.toLowerCase(),
        );
      }
      await listUsers(database.db, { search: parsed.data });
      const queue = parseQueueFilters({ q: payload.value });
      await listQueue(database.db, officer, queue.filters, new Date());
    }
  });

  it("every queue filter and the insights period turn a hostile value into a message and the default, never a fault", async () => {
    sharedOfficer ??= insertOfficer(database.db);
    const officer = await sharedOfficer;
    for (const payload of HOSTILE_PAYLOADS) {
      for (const key of QUEUE_FILTER_PARAMS) {
        const { filters, problems } = parseQueueFilters({ [key]: payload.value });
        const { cases } = await listQueue(database.db, officer, filters, new Date());
        expect(Array.isArray(cases), `${key} ${payload.name}`).toBe(true);
        if (key !== "q") expect(problems[key], `${key} ${payload.name}`).toBeTruthy();
      }
      for (const key of ["from", "to"]) {
        const now = new Date();
        const { period, problem } = parseInsightsPeriod({ [key]: payload.value }, now);
        expect(problem, `${key} ${payload.name}`).toMatch(/Showing the last 90 days/);
        await loadInsights(database.db, period, now);
      }
    }
  });
});

describe("the case file export", () => {
  it("neutralises every cell a spreadsheet would read as a formula, in the real CSV an officer downloads", async () => {
    const formulas = HOSTILE_PAYLOADS.filter((p) => p.category === "csv-formula").map(
      (p) => p.value,
    );
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED, {
      overrides: { description: `=cmd|' /C calc'!A0 ${"padding ".repeat(3)}` },
    });
    sharedOfficer ??= insertOfficer(database.db);
    const officer = await sharedOfficer;
    await claimCase(database.db, officer, id, escalatedAt);
    for (const body of formulas) {
      await addCaseNote(database.db, officer, id, { body: `${body} (note)` });
    }
    const csv = await exportCaseFile(database.db, officer, id, {
      format: "csv",
      includeNotes: true,
    });
    const cells = parseCsv(csv.body.toString("utf8").replace(/^\uFEFF/, ""));
    const dangerous = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(dangerous).toEqual([]);
    for (const body of formulas) {
      // Trimmed by the form, then prefixed with an apostrophe so the spreadsheet shows text.
      const trimmed = `${body} (note)`.trim();
      expect(
        cells.some((cell) => cell.includes(trimmed)),
        body,
      ).toBe(true);
      if (/^[=+\-@]/.test(trimmed))
        expect(cells).toContainEqual(
          expect.stringMatching(new RegExp(`^'${escapeRegExp(trimmed)}`)),
        );
    }
    expect(cells).toContainEqual(expect.stringMatching(/^'=cmd\|/));
  });
});

/** RFC 4180 cells, quoted fields with doubled quotes, as a spreadsheet reads them. */
function parseCsv(text: string): string[] {
  const cells: string[] = [];
  const pattern = /"((?:[^"]|"")*)"(?:,|\r\n|$)/g;
  for (const match of text.matchAll(pattern)) cells.push(match[1]!.replace(/""/g, '"'));
  return cells;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
