import { describe, expect, it } from "vitest";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import type { Actor } from "@/lib/authz/permissions";
import { describeRaisedBy } from "@/lib/domain/concern-channels";
import { PatientDetailsRefusal } from "@/lib/errors/patient-details-refusal";
import { listThread } from "@/lib/queries/case-thread";
import { findConcernFor, listNoticesAbout, listTimeline } from "@/lib/queries/concerns";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import type { RecordConcernInput } from "@/lib/services/concerns/concern-schemas";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { postMessage } from "@/lib/services/concerns/post-message";
import { recordConcern } from "@/lib/services/concerns/record-concern";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import {
  auditFor,
  concernInput,
  concernRow,
  insertOfficer,
  insertParties,
  invalidFieldsOf,
  later,
  notificationsFor,
  refusalOf,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const AT = new Date("2026-03-10T09:00:00.000Z");
const DAY = 24 * 3600_000;
const OFFICER_NAME = "Farida Okonkwo-Lindqvist";

async function recordingOfficer() {
  return insertPerson(database.db, {
    roles: ["compliance_officer"],
    name: OFFICER_NAME,
  });
}

function recording(subjectId: string, overrides: Partial<RecordConcernInput> = {}) {
  return {
    ...concernInput(subjectId),
    channel: "phone",
    source: "anonymous",
    ...overrides,
  } as RecordConcernInput;
}

/** Everything the colleague's notice page reads about the case, as the page would read it. */
async function colleagueView(subject: Actor, concernId: string) {
  const concern = await findConcernFor(database.db, subject, "subject", concernId);
  const timeline = await listTimeline(database.db, concern!, "subject", subject.userId);
  const thread = await listThread(
    database.db,
    concern!,
    "subject",
    subject.userId,
    timeline,
    "whole",
  );
  const list = (await listNoticesAbout(database.db, subject)).rows;
  return { concern: concern!, timeline, thread, list };
}

describe("recording a concern that arrived by another channel", () => {
  it("an anonymous phone call: the officer is reporter of record, the colleague is told it came by telephone and never who recorded it", async () => {
    const officer = await recordingOfficer();
    const { subject } = await insertParties(database.db);
    const { concernId, reporterOfRecord } = await recordConcern(
      database.db,
      officer,
      recording(subject.userId),
      AT,
    );
    expect(reporterOfRecord).toBe(true);
    expect(await concernRow(database.db, concernId)).toMatchObject({
      channel: "phone",
      reporterId: officer.userId,
      recordedById: officer.userId,
      sourceName: null,
      disclosure: "confidential",
      state: "awaiting_response",
    });
    const [filed] = await auditFor(database.db, concernId);
    expect(filed).toMatchObject({ action: "concern_filed", actorId: officer.userId });
    expect(filed!.details).toMatchObject({ channel: "phone", sourceNamed: false });
    expect(
      (await notificationsFor(database.db, concernId)).map((n) => [n.recipientId, n.kind]),
    ).toEqual([[subject.userId, "concern_filed"]]);

    // The colleague answers and writes; the officer, as the source's voice, writes back.
    await reportRemediation(
      database.db,
      subject,
      concernId,
      { action: "removed", note: "Taken down this morning." },
      later(AT, 3600_000),
    );
    await postMessage(
      database.db,
      officer,
      { concernId, body: "Thank you, that settles it for the caller." },
      later(AT, 2 * 3600_000),
    );

    const view = await colleagueView(subject, concernId);
    expect(view.concern.channel).toBe("phone");
    expect(describeRaisedBy(view.concern.channel, view.concern.reporterName).text).toBe(
      "By telephone; who raised it is not named",
    );
    const everything = JSON.stringify(view);
    expect(everything).not.toContain(OFFICER_NAME);
    expect(everything).not.toContain(officer.email);

    // The officer takes the reporter's step from the reporter's view, and closes the case.
    expect(await findConcernFor(database.db, officer, "reporter", concernId)).not.toBeNull();
    const { state } = await answerResponse(
      database.db,
      officer,
      concernId,
      "confirm_remediation",
      {},
      later(AT, 3 * 3600_000),
    );
    expect(state).toBe("resolved");
    // The colleague's timeline says who confirmed without calling a caller a colleague.
    const after = await colleagueView(subject, concernId);
    expect(after.timeline.at(-1)).toMatchObject({ who: "The person who raised this" });
  });

  it("a named physician with an account becomes the reporter of record, is told, and follows it; the officer does not", async () => {
    const officer = await recordingOfficer();
    const { reporter, subject } = await insertParties(database.db);
    const { concernId, reporterOfRecord } = await recordConcern(
      database.db,
      officer,
      recording(subject.userId, {
        channel: "letter",
        source: "physician",
        reporterEmail: reporter.email.toUpperCase(),
        disclosure: "named",
      }),
      AT,
    );
    expect(reporterOfRecord).toBe(false);
    expect(await concernRow(database.db, concernId)).toMatchObject({
      channel: "letter",
      reporterId: reporter.userId,
      recordedById: officer.userId,
    });
    expect(
      (await notificationsFor(database.db, concernId)).map((n) => [
        n.recipientId,
        n.recipientRelation,
        n.kind,
      ]),
    ).toEqual([
      [subject.userId, "subject", "concern_filed"],
      [reporter.userId, "reporter", "concern_recorded"],
    ]);
    expect(await findConcernFor(database.db, reporter, "reporter", concernId)).toMatchObject({
      channel: "letter",
      recordedById: officer.userId,
    });
    expect(await findConcernFor(database.db, officer, "reporter", concernId)).toBeNull();

    const view = await colleagueView(subject, concernId);
    expect(view.concern.reporterName).toBe(reporter.name);
    expect(JSON.stringify(view)).not.toContain(OFFICER_NAME);

    await disputeConcern(
      database.db,
      subject,
      concernId,
      { explanation: "The post is about a conference, not a patient." },
      later(AT, 3600_000),
    );
    const { state } = await answerResponse(
      database.db,
      reporter,
      concernId,
      "escalate_dispute",
      { reason: "It names the ward and the day." },
      later(AT, 2 * 3600_000),
    );
    expect(state).toBe("escalated");
    // Its history, replayed by audit:verify, names the physician as its reporter.
    expect((await verifyAuditTrail(database.db)).problems).toEqual([]);
  });

  it("an outside source who chose to be named is named to the colleague, the recording officer never; the officer cannot work the escalated case", async () => {
    const officer = await recordingOfficer();
    const otherOfficer = await insertOfficer(database.db);
    const { subject } = await insertParties(database.db);
    const { concernId } = await recordConcern(
      database.db,
      officer,
      recording(subject.userId, {
        channel: "external_body",
        source: "outside",
        sourceName: "State Medical Board",
        disclosure: "named",
      }),
      AT,
    );
    await postMessage(
      database.db,
      officer,
      { concernId, body: "The board asks that the post come down." },
      later(AT, 60_000),
    );
    const view = await colleagueView(subject, concernId);
    expect(describeRaisedBy(view.concern.channel, view.concern.reporterName).text).toBe(
      "From an external body, by State Medical Board",
    );
    expect(view.thread.items.map((item) => item.who)).toContain("State Medical Board");
    expect(JSON.stringify(view)).not.toContain(OFFICER_NAME);

    await disputeConcern(
      database.db,
      subject,
      concernId,
      { explanation: "The board has misread the post entirely." },
      later(AT, 3600_000),
    );
    await answerResponse(
      database.db,
      officer,
      concernId,
      "escalate_dispute",
      { reason: "The board maintains its concern." },
      later(AT, 2 * 3600_000),
    );
    expect(await findConcernFor(database.db, officer, "officer", concernId)).toBeNull();
    // Another officer works it from the case file; the reporter's answers are not theirs.
    expect(
      (
        await refusalOf(
          answerResponse(database.db, otherOfficer, concernId, "withdraw", {}, later(AT, DAY)),
        )
      ).code,
    ).toBe("not_found");
    expect(await findConcernFor(database.db, otherOfficer, "officer", concernId)).toMatchObject({
      sourceName: "State Medical Board",
      recordedByName: OFFICER_NAME,
    });
  });

  it("refuses a physician, a concern about the officer themselves, an anonymous source shown as named, and unconfirmed patient details", async () => {
    const officer = await recordingOfficer();
    const { reporter, subject } = await insertParties(database.db);
    expect(
      (await refusalOf(recordConcern(database.db, reporter, recording(subject.userId), AT))).code,
    ).toBe("forbidden");
    const aboutThemselves = await refusalOf(
      recordConcern(database.db, officer, recording(officer.userId), AT),
    );
    expect(aboutThemselves).toMatchObject({ code: "invalid_input", field: "subjectId" });
    expect(
      await invalidFieldsOf(
        recordConcern(database.db, officer, recording(subject.userId, { disclosure: "named" }), AT),
      ),
    ).toEqual(["disclosure"]);
    expect(
      (
        await refusalOf(
          recordConcern(
            database.db,
            officer,
            recording(subject.userId, {
              source: "physician",
              reporterEmail: "nobody@hospital.example",
            }),
            AT,
          ),
        )
      ).field,
    ).toBe("reporterEmail");
    await expect(
      recordConcern(
        database.db,
        officer,
        recording(subject.userId, {
          description: "The caller says the post names patient John Smith, MRN 12345678.",
        }),
        AT,
      ),
    ).rejects.toBeInstanceOf(PatientDetailsRefusal);
  });
});
