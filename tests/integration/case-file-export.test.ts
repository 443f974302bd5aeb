import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { addCaseNote } from "@/lib/services/concerns/add-case-note";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { exportCaseFile } from "@/lib/services/concerns/export-case-file";
import { requestInformation } from "@/lib/services/concerns/request-information";
import {
  concernRow,
  insertEscalatedCase,
  insertOfficer,
  refusalOf,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const FILED = new Date("2026-03-02T09:00:00.000Z");

async function exportsOf(concernId: string) {
  return database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, concernId), eq(auditEvents.action, "case_exported")))
    .orderBy(auditEvents.id);
}

describe("exporting a case file", () => {
  it("produces a CSV and a PDF carrying the case reference, leaves notes out unless asked, and audits each export", async () => {
    const { id, escalatedAt, subject, reporter } = await insertEscalatedCase(database.db, FILED, {
      overrides: { description: '=HYPERLINK("http://evil.example") posted a patient\'s chart.' },
    });
    const officer = await insertOfficer(database.db);
    await claimCase(database.db, officer, id, escalatedAt);
    await addCaseNote(database.db, officer, id, {
      body: "Internal: speak to the department head.",
    });
    await requestInformation(database.db, officer, id, {
      recipient: "subject",
      question: "When was the post taken down?",
    });
    const reference = `PC-${String((await concernRow(database.db, id)).number).padStart(6, "0")}`;

    const csv = await exportCaseFile(database.db, officer, id, { format: "csv" });
    const text = csv.body.toString("utf8");
    expect(csv).toMatchObject({
      filename: `${reference}.csv`,
      contentType: "text/csv; charset=utf-8",
    });
    expect(text).toContain(`"Case reference","${reference}"`);
    expect(text).toContain(subject.name);
    expect(text).toContain(reporter.name);
    expect(text).toContain("When was the post taken down?");
    expect(text).not.toContain("speak to the department head");
    // The reporter's formula-like text arrives as text.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"") posted a patient's chart."`);
    // Dates in words: in the organisation's zone by default, in the officer's when given.
    expect(text).toMatch(/"Raised on","\w+day \d+ \w+ \d{4}, \d+:\d\d [ap]m E[SD]T"/);
    expect(text).toMatch(/"Seen on","\d+ \w+ \d{4}"/);
    const inLondon = await exportCaseFile(
      database.db,
      officer,
      id,
      { format: "csv" },
      { timeZone: "Europe/London" },
    );
    expect(inLondon.body.toString("utf8")).toMatch(
      /"Raised on","\w+day \d+ \w+ \d{4}, \d+:\d\d [ap]m (GMT|BST)"/,
    );

    const withNotes = await exportCaseFile(database.db, officer, id, {
      format: "csv",
      includeNotes: true,
    });
    expect(withNotes.body.toString("utf8")).toContain("Internal: speak to the department head.");

    const pdf = await exportCaseFile(database.db, officer, id, { format: "pdf" });
    expect(pdf).toMatchObject({ filename: `${reference}.pdf`, contentType: "application/pdf" });
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.body.toString("latin1")).toContain(`Case file ${reference}`);

    expect((await exportsOf(id)).map((e) => [e.actorId, e.details])).toEqual([
      [
        officer.userId,
        { format: "csv", includesNotes: false, seen: ["case_file", "reporter_identity"] },
      ],
      [
        officer.userId,
        { format: "csv", includesNotes: false, seen: ["case_file", "reporter_identity"] },
      ],
      [
        officer.userId,
        { format: "csv", includesNotes: true, seen: ["case_file", "reporter_identity"] },
      ],
      [
        officer.userId,
        { format: "pdf", includesNotes: false, seen: ["case_file", "reporter_identity"] },
      ],
    ]);
  });

  it("refuses a physician and an officer who is a party to the case, and records nothing", async () => {
    const { id, subject } = await insertEscalatedCase(database.db, FILED);
    expect(
      (await refusalOf(exportCaseFile(database.db, subject, id, { format: "pdf" }))).code,
    ).toBe("forbidden");
    const officerReporter = await insertPerson(database.db, {
      roles: ["physician", "compliance_officer"],
    });
    const officerParty = await insertEscalatedCase(database.db, FILED, {
      reporter: officerReporter,
    });
    expect(
      (
        await refusalOf(
          exportCaseFile(database.db, officerParty.reporter, officerParty.id, { format: "csv" }),
        )
      ).code,
    ).toBe("not_found");
    expect(await exportsOf(id)).toEqual([]);
    expect(await exportsOf(officerParty.id)).toEqual([]);
  });
});
