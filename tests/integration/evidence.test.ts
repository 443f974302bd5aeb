import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { auditEvents, evidenceFiles } from "@/db/schema";
import { MB } from "@/lib/domain/evidence";
import { postgresEvidenceStorage } from "@/lib/evidence/storage";
import { listEvidence } from "@/lib/queries/evidence";
import { downloadEvidence } from "@/lib/services/concerns/download-evidence";
import { exportCaseFile } from "@/lib/services/concerns/export-case-file";
import { fileConcern } from "@/lib/services/concerns/file-concern";
import {
  auditFor,
  concernInput,
  insertEscalatedCase,
  insertOfficer,
  insertParties,
  refusalOf,
  setOrganisationSettings,
} from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const NOW = new Date("2026-03-10T09:00:00Z");

/** A photo as a phone takes it: camera, time and the place it was taken, in EXIF. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#c33" } })
    .jpeg()
    .withExifMerge({
      IFD0: { Make: "PhoneMaker", Model: "Phone 12", Artist: "Dr Reporter Name" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "51/1 30/1 0/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "0/1 7/1 0/1",
      },
    })
    .toBuffer();
}

async function screenshot(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 4, background: "#fff" } })
    .png()
    .toBuffer();
}

const file = (bytes: Uint8Array | string, name: string, type = "") =>
  new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });

/** A PDF as "Print to PDF" makes one: the author's own name in its document information. */
async function pdfWithAuthor(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([200, 100]).drawText("A screenshot of the post", { x: 10, y: 50, size: 10 });
  document.setAuthor("Dr Reporter Name");
  document.setCreator("Dr Reporter Name's laptop");
  return document.save();
}

describe("evidence filed with a concern", () => {
  it("stores a PDF without the author, creator or XMP metadata it was saved with", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const pdf = await pdfWithAuthor();
    expect((await PDFDocument.load(pdf)).getAuthor()).toBe("Dr Reporter Name");
    const { concernId } = await fileConcern(
      database.db,
      reporter,
      concernInput(subject.userId, {
        evidence: [file(pdf, "post.pdf", "application/pdf")],
        evidenceConfirmed: "on",
      }),
      NOW,
    );
    const [row] = await database.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.concernId, concernId));
    const bytes = Buffer.from((await postgresEvidenceStorage.get(database.db, row!.storageKey))!);
    const stored = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(stored.getAuthor()).toBeUndefined();
    expect(stored.getCreator()).toBeUndefined();
    expect(stored.getPageCount()).toBe(1);
    expect(row!.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("stores each file cleaned of its metadata, with the SHA-256 of the stored bytes in the filing's audit event", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const photo = await photoWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const { concernId } = await fileConcern(
      database.db,
      reporter,
      concernInput(subject.userId, {
        evidence: [
          file(photo, "Dr Reporter's phone photo.jpg", "image/jpeg"),
          file(await screenshot(), "shot.png"),
        ],
        evidenceConfirmed: "on",
      }),
      NOW,
    );

    const rows = await database.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.concernId, concernId))
      .orderBy(evidenceFiles.position);
    const stored = await Promise.all(
      rows.map(async (row) => ({
        evidence_files: row,
        evidence_blobs: {
          bytes: Buffer.from((await postgresEvidenceStorage.get(database.db, row.storageKey))!),
        },
      })),
    );
    expect(stored).toHaveLength(2);
    const [jpeg, png] = stored.map((row) => ({
      ...row.evidence_files,
      bytes: row.evidence_blobs.bytes,
    }));
    // The name is neutral: nothing of what was uploaded, or who uploaded it.
    expect(jpeg!.fileName).toMatch(/^PC-\d{6}-evidence-1\.jpg$/);
    expect(png!.fileName).toMatch(/^PC-\d{6}-evidence-2\.png$/);
    const metadata = await sharp(jpeg!.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.format).toBe("jpeg");
    expect(jpeg!.bytes.includes("PhoneMaker")).toBe(false);
    expect(jpeg!.bytes.includes("Dr Reporter Name")).toBe(false);
    expect(jpeg!.sha256).toBe(createHash("sha256").update(jpeg!.bytes).digest("hex"));

    const [filed] = (await auditFor(database.db, concernId)).filter(
      (e) => e.action === "concern_filed",
    );
    expect((filed!.details as { evidence: unknown }).evidence).toEqual([
      {
        evidenceId: jpeg!.id,
        fileName: jpeg!.fileName,
        mediaType: "image/jpeg",
        byteSize: jpeg!.byteSize,
        sha256: jpeg!.sha256,
      },
      {
        evidenceId: png!.id,
        fileName: png!.fileName,
        mediaType: "image/png",
        byteSize: png!.byteSize,
        sha256: png!.sha256,
      },
    ]);
  });

  it("refuses a wrong extension, a polyglot, an oversize file, too many files and a missing confirmation, storing nothing", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const png = await screenshot();
    const attempt = (evidence: File[], evidenceConfirmed = "on") =>
      fileConcern(
        database.db,
        reporter,
        concernInput(subject.userId, { evidence, evidenceConfirmed }),
        NOW,
      );

    const wrongName = await refusalOf(attempt([file(png, "shot.jpg", "image/jpeg")]));
    expect(wrongName).toMatchObject({ field: "evidence" });
    expect(wrongName.message).toMatch(/is a PNG image, but its name ends in \.jpg/);
    const polyglot = await refusalOf(
      attempt([
        file(Buffer.concat([png, Buffer.from("<html><script>alert(1)</script>")]), "shot.png"),
      ]),
    );
    expect(polyglot.message).toMatch(/also contains web page code/);
    await setOrganisationSettings(database.db, {
      evidenceMegabytesPerFile: 1,
      evidenceFileLimit: 2,
    });
    const big = Buffer.concat([png, Buffer.alloc(MB)]);
    expect((await refusalOf(attempt([file(big, "shot.png")]))).message).toMatch(/larger than 1 MB/);
    expect(
      (await refusalOf(attempt([file(png, "a.png"), file(png, "b.png"), file(png, "c.png")])))
        .message,
    ).toBe("Attach at most 2 files.");
    await setOrganisationSettings(database.db, {
      evidenceMegabytesPerFile: 5,
      evidenceFileLimit: 3,
    });
    await expect(attempt([file(png, "shot.png")], "")).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ path: ["evidenceConfirmed"] })],
    });
    const filings = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorId, reporter.userId));
    expect(filings).toEqual([]);
  });

  it("serves a file only to those who may see its case, and records each download", async () => {
    const { id, reporter, subject } = await insertEscalatedCase(database.db, NOW, {
      overrides: { evidence: [file(await screenshot(), "shot.png")], evidenceConfirmed: true },
    });
    const [evidence] = await listEvidence(database.db, id);
    const officer = await insertOfficer(database.db);
    const stranger = await insertPerson(database.db, { roles: ["physician"] });
    const admin = await insertPerson(database.db, { roles: ["admin"] });

    for (const person of [reporter, subject, officer]) {
      const download = await downloadEvidence(database.db, person, evidence!.id);
      expect(createHash("sha256").update(download.bytes).digest("hex")).toBe(evidence!.sha256);
      expect(download).toMatchObject({ fileName: evidence!.fileName, mediaType: "image/png" });
    }
    for (const person of [stranger, admin]) {
      expect(await refusalOf(downloadEvidence(database.db, person, evidence!.id))).toMatchObject({
        code: "not_found",
        message: "We could not find that file.",
      });
    }
    const downloads = (await auditFor(database.db, id)).filter(
      (e) => e.action === "evidence_downloaded",
    );
    expect(downloads.map((e) => [e.actorId, (e.details as { as: string }).as])).toEqual([
      [reporter.userId, "reporter"],
      [subject.userId, "subject"],
      [officer.userId, "officer"],
    ]);

    const csv = (await exportCaseFile(database.db, officer, id, { format: "csv" })).body.toString();
    expect(csv).toContain(`"Evidence 1","${evidence!.fileName} (PNG image, `);
    expect(csv).toContain(`SHA-256 ${evidence!.sha256}`);
  });

  it("keeps an officer out of a case that has not reached compliance", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const { concernId } = await fileConcern(
      database.db,
      reporter,
      concernInput(subject.userId, {
        evidence: [file(await screenshot(), "shot.png")],
        evidenceConfirmed: true,
      }),
      NOW,
    );
    const [evidence] = await listEvidence(database.db, concernId);
    const officer = await insertOfficer(database.db);
    expect((await refusalOf(downloadEvidence(database.db, officer, evidence!.id))).code).toBe(
      "not_found",
    );
  });
});
