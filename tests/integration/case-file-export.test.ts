import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { exportManifest } from "@/lib/exports/export-manifest";
import { addCaseNote } from "@/lib/services/concerns/add-case-note";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import { exportCaseFile } from "@/lib/services/concerns/export-case-file";
import { checkReceivedExport, readExportManifest } from "@/lib/services/concerns/recorded-exports";
import { requestInformation } from "@/lib/services/concerns/request-information";
import {
  concernRow,
  insertEscalatedCase,
  insertOfficer,
  refusalOf,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";
import { extractPdfText } from "./support/pdf-text";

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

    const at = { now: new Date("2026-03-02T15:00:00.000Z") };
    const csv = await exportCaseFile(database.db, officer, id, { format: "csv" }, at);
    const text = csv.body.toString("utf8");
    expect(csv).toMatchObject({
      filename: `${reference}-case-file-without-notes-2026-03-02.csv`,
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

    const pdf = await exportCaseFile(database.db, officer, id, { format: "pdf" }, at);
    expect(pdf).toMatchObject({
      filename: `${reference}-case-file-without-notes-2026-03-02.pdf`,
      contentType: "application/pdf",
    });
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.body.toString("latin1")).toContain(`Case file ${reference}`);

    expect(
      (await exportsOf(id)).map((e) => [e.actorId, e.details.format, e.details.includesNotes]),
    ).toEqual([
      [officer.userId, "csv", false],
      [officer.userId, "csv", false],
      [officer.userId, "csv", true],
      [officer.userId, "pdf", false],
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

describe("an export an external authority can use", () => {
  const WORLD = "مرحبا بك في المستشفى 医院的帖子 👍🏽 ❤️ Ελληνικά Русский";

  it("names people by name and role, prints every script, numbers pages and states the outcome and the parties' summary", async () => {
    const officer = await insertPerson(database.db, {
      roles: ["compliance_officer"],
      name: "Dr Ana Ruiz",
    });
    const { id, escalatedAt, reporter, subject } = await insertEscalatedCase(database.db, FILED, {
      overrides: { description: `The post reads: ${WORLD}` },
    });
    await claimCase(database.db, officer, id, escalatedAt);
    await closeCase(database.db, officer, id, {
      outcome: "coaching",
      rationale: "Discussed boundaries.",
      partySummary: "The colleague met the department head.",
    });

    const pdf = await exportCaseFile(database.db, officer, id, { format: "pdf" });
    const { pages, fonts } = await extractPdfText(pdf.body);
    const text = pages.flat().join("\n");
    // As a reader takes it in: where a line breaks depends on the dates in it (a Saturday
    // is longer than a Monday), so the sentences are read across the breaks.
    const flowing = text.replace(/\s+/g, " ");
    expect(text).not.toMatch(/\bYou\b/);
    expect(flowing).toContain("Dr Ana Ruiz, compliance officer");
    expect(flowing).toContain(`${reporter.name}, colleague who raised the concern`);
    expect(flowing).toContain("Case closed by the compliance team. Outcome: Coaching");
    expect(flowing).toContain("Told to the parties: The colleague met the department head.");
    expect(flowing).toMatch(/Exported \w+day \d+ \w+ \d{4}, \d+:\d\d [ap]m E[SD]T by Dr Ana Ruiz/);
    expect(pages[0]?.join("\n")).toContain(`Page 1 of ${pages.length}`);
    expect(pages.at(-1)?.join("\n")).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(text).not.toContain("?????");
    // Every script in its own embedded font, each character mapped back to itself.
    expect(fonts).toEqual(
      expect.arrayContaining([
        "NotoSans-Regular",
        "NotoSansArabic-Regular",
        "NotoSansSC-Regular",
        "NotoEmoji-Regular",
      ]),
    );
    for (const phrase of ["医院的帖子", "Ελληνικά Русский", "👍", "❤"]) {
      expect(text.replace(/\n/g, "")).toContain(phrase);
    }
    // Arabic is shaped (joined forms, some letters drawn as a base and its dots, which carry
    // no text of their own) and drawn right to left, so a copy reads in reverse; its letters
    // are there, and no glyph is the missing-glyph box (code 0 in the embedded subset).
    for (const letter of "مرحبكفيستلا") expect(text).toContain(letter);
    expect(text).toContain("تسملا");
    expect(text).not.toContain(String.fromCharCode(0));
    expect(text).not.toContain("\ufffd");
    expect(text).toContain(subject.name);
  });

  it("gives the two kinds of export distinct names and records the hashes of the file, its manifest and each evidence file", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    await claimCase(database.db, officer, id, escalatedAt);
    const now = new Date("2026-11-27T12:00:00.000Z");
    const without = await exportCaseFile(database.db, officer, id, { format: "pdf" }, { now });
    const withNotes = await exportCaseFile(
      database.db,
      officer,
      id,
      { format: "pdf", includeNotes: true },
      { now },
    );
    expect(without.filename).toMatch(/^PC-\d{6}-case-file-without-notes-2026-11-27\.pdf$/);
    expect(withNotes.filename).toMatch(/^PC-\d{6}-case-file-with-notes-2026-11-27\.pdf$/);

    const [first, second] = await exportsOf(id);
    const sha = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
    expect(first?.details).toMatchObject({
      fileName: without.filename,
      sha256: sha(without.body),
      manifestSha256: sha(exportManifest(without.record)),
      evidence: [],
    });
    expect(second?.details).toMatchObject({ sha256: sha(withNotes.body), includesNotes: true });
    // The manifest downloaded later is the one whose hash was recorded.
    const downloaded = await readExportManifest(database.db, officer, id, sha(without.body));
    expect(sha(downloaded.body)).toBe(first?.details.manifestSha256);
    expect(downloaded.filename).toBe(`${without.filename}.manifest.json`);
    const manifest = JSON.parse(downloaded.body);
    expect(manifest.file).toEqual({
      name: without.filename,
      format: "pdf",
      sha256: sha(without.body),
    });
  });

  it("checks a received file against the recorded exports: a match names the case, a changed file matches nothing, another officer's party case stays unnamed", async () => {
    const { id, escalatedAt } = await insertEscalatedCase(database.db, FILED);
    const officer = await insertOfficer(database.db);
    await claimCase(database.db, officer, id, escalatedAt);
    const pdf = await exportCaseFile(database.db, officer, id, { format: "pdf" });

    const check = await checkReceivedExport(database.db, officer, pdf.body);
    expect(check.matches).toEqual([
      expect.objectContaining({
        visible: true,
        reference: pdf.record.reference,
        fileName: pdf.filename,
        kind: "file",
        byName: officer.name,
      }),
    ]);
    const changed = Buffer.concat([pdf.body, Buffer.from(" ")]);
    expect((await checkReceivedExport(database.db, officer, changed)).matches).toEqual([]);
    const manifest = Buffer.from(exportManifest(pdf.record));
    expect((await checkReceivedExport(database.db, officer, manifest)).matches[0]?.kind).toBe(
      "manifest",
    );
    // The officer who is the case's reporter learns only that it matches, not which case.
    const party = await insertPerson(database.db, { roles: ["physician", "compliance_officer"] });
    const theirs = await insertEscalatedCase(database.db, FILED, { reporter: party });
    await claimCase(database.db, officer, theirs.id, theirs.escalatedAt);
    const other = await exportCaseFile(database.db, officer, theirs.id, { format: "csv" });
    expect((await checkReceivedExport(database.db, party, other.body)).matches).toEqual([
      expect.objectContaining({ visible: false, reference: "", fileName: "", byName: null }),
    ]);
    expect((await refusalOf(checkReceivedExport(database.db, theirs.subject, pdf.body))).code).toBe(
      "forbidden",
    );
  });
});
