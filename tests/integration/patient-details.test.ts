import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concerns, informationRequests } from "@/db/schema";
import { PatientDetailsRefusal } from "@/lib/errors/patient-details-refusal";
import { findConcernFor, listTimeline } from "@/lib/queries/concerns";
import { answerInformationRequest } from "@/lib/services/concerns/answer-information-request";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { disputeConcern } from "@/lib/services/concerns/dispute-concern";
import { fileConcern } from "@/lib/services/concerns/file-concern";
import { redactCaseText } from "@/lib/services/concerns/redact-case-text";
import { requestInformation } from "@/lib/services/concerns/request-information";
import {
  auditFor,
  concernInput,
  concernRow,
  fileAbout,
  insertEscalatedCase,
  insertOfficer,
  insertParties,
  later,
  refusalOf,
} from "./support/concern-factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const FILED = new Date("2026-03-10T09:00:00.000Z");
const PATIENT = "Posted a photo of pt John Smith, MRN 4482913, laughing at his chart.";

describe("free text with patient details is not stored until its writer decides", () => {
  it("refuses a filing whose description has findings, and stores nothing", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const refusal = await refusalOf(
      fileConcern(
        database.db,
        reporter,
        concernInput(subject.userId, { description: PATIENT }),
        FILED,
      ),
    );
    expect(refusal).toBeInstanceOf(PatientDetailsRefusal);
    expect((refusal as PatientDetailsRefusal).findings.description?.map((s) => s.kind)).toEqual([
      "name",
      "medical_record",
    ]);
    const stored = await database.db
      .select({ id: concerns.id })
      .from(concerns)
      .where(eq(concerns.reporterId, reporter.userId));
    expect(stored).toEqual([]);
  });

  it("stores a confirmed filing; its audit event has the kinds found, never the text", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const id = await fileAbout(database.db, reporter, subject, FILED, {
      description: PATIENT,
      patientDetailsConfirmed: ["description"],
    });
    expect((await concernRow(database.db, id))?.description).toBe(PATIENT);
    const [filed] = await auditFor(database.db, id);
    expect(filed).toMatchObject({
      action: "concern_filed",
      details: { patientDetailsConfirmed: { description: ["name", "medical_record"] } },
    });
    expect(JSON.stringify(filed?.details)).not.toMatch(/Smith|4482913/);
  });

  it("a colleague's explanation is checked the same way, through the transition path", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const id = await fileAbout(database.db, reporter, subject, FILED);
    const explanation = "Mrs Alvarez, DOB 04/12/1961, consented to the photo in writing.";
    expect(
      await refusalOf(disputeConcern(database.db, subject, id, { explanation })),
    ).toBeInstanceOf(PatientDetailsRefusal);
    expect((await concernRow(database.db, id))?.state).toBe("awaiting_response");
    await disputeConcern(database.db, subject, id, {
      explanation,
      patientDetailsConfirmed: ["explanation"],
    });
    const disputed = (await auditFor(database.db, id)).find((e) => e.action === "disputed");
    expect(disputed?.details).toMatchObject({
      patientDetailsConfirmed: { explanation: expect.arrayContaining(["name", "date"]) },
    });
  });
});

describe("the holding officer redacts stored text", () => {
  async function heldCase() {
    const { id, escalatedAt, reporter, subject } = await insertEscalatedCase(database.db, FILED, {
      overrides: { description: PATIENT, patientDetailsConfirmed: ["description"] },
    });
    const officer = await insertOfficer(database.db);
    await claimCase(database.db, officer, id, later(escalatedAt, 1000));
    return { id, officer, reporter, subject };
  }

  it("replaces the marked details and records who, which field and a hash, never the text", async () => {
    const { id, officer } = await heldCase();
    await redactCaseText(database.db, officer, id, { field: "description", scope: "marked" });
    const row = await concernRow(database.db, id);
    expect(row?.description).not.toMatch(/Smith|4482913/);
    expect(row?.description).toContain("[removed]");
    const redaction = (await auditFor(database.db, id)).find(
      (e) => e.action === "case_text_redacted",
    );
    expect(redaction).toMatchObject({
      actorId: officer.userId,
      details: {
        field: "description",
        scope: "marked",
        removedSha256: createHash("sha256").update(PATIENT).digest("hex"),
      },
    });
    expect(JSON.stringify(redaction?.details)).not.toMatch(/Smith|4482913|laughing/);
  });

  it("hides the answer everywhere it was quoted, the timeline and export included", async () => {
    const { id, officer, subject } = await heldCase();
    const { requestId } = await requestInformation(database.db, officer, id, {
      recipient: "subject",
      question: "Who is the person in the photo?",
    });
    const answer = "That was my patient Mr Okonkwo in bed 12, he agreed.";
    await answerInformationRequest(database.db, subject, requestId, {
      answer,
      patientDetailsConfirmed: ["answer"],
    });
    await redactCaseText(database.db, officer, id, {
      field: `answer:${requestId}`,
      scope: "words",
      words: "okonkwo",
    });
    const [request] = await database.db
      .select({ answer: informationRequests.answer })
      .from(informationRequests)
      .where(eq(informationRequests.id, requestId));
    expect(request?.answer).toBe("That was my patient Mr [removed] in bed 12, he agreed.");
    const concern = await findConcernFor(database.db, officer, "officer", id);
    const timeline = await listTimeline(database.db, concern!, "officer", officer.userId);
    expect(JSON.stringify(timeline)).not.toContain("Okonkwo");
    const provided = timeline.find((entry) => entry.action === "information_provided");
    expect(provided?.quotes).toEqual([{ label: "Answer", text: "[removed]" }]);
  });

  it("is refused to an officer who does not hold the case, and to words not in the text", async () => {
    const { id, officer } = await heldCase();
    const other = await insertOfficer(database.db);
    expect(
      (
        await refusalOf(
          redactCaseText(database.db, other, id, { field: "description", scope: "whole" }),
        )
      ).code,
    ).toBe("conflict");
    const refusal = await refusalOf(
      redactCaseText(database.db, officer, id, {
        field: "description",
        scope: "words",
        words: "Nobody Here",
      }),
    );
    expect(refusal).toMatchObject({ code: "invalid_input", field: "words" });
    expect((await concernRow(database.db, id))?.description).toBe(PATIENT);
  });
});
