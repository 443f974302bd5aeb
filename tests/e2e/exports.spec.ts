import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { escalatedCase } from "./concerns";
import { setWorkflowSettings } from "./database";
import { confirmStep, personSignedIn } from "./support";

const GEORGE = "george.lindqvist@hospital.example";
const DAVID = "david.levi@hospital.example";
const ELENA = "elena.rossi@hospital.example";

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function download(page: Page, link: RegExp | string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link, exact: typeof link === "string" }).click(),
  ]);
  const path = (await file.path())!;
  return { name: file.suggestedFilename(), path, bytes: await readFile(path) };
}

test("an officer downloads both exports and a manifest, and checks a received file against the audit trail", async ({
  browser,
}, testInfo) => {
  const { concernId } = await escalatedCase(
    browser,
    DAVID,
    { name: "Elena Rossi", email: ELENA },
    "The post shows a ward whiteboard with a caption in three scripts: مرحبا بالجميع 病房 👍",
  );
  const officer = await personSignedIn(browser, GEORGE);
  await officer.page.goto(`/compliance/cases/${concernId}`);
  await officer.page.getByRole("button", { name: "Claim this case" }).click();
  await expect(officer.page.getByText("You hold this case now.")).toBeVisible();
  await officer.page.getByLabel("Coaching conversation").check();
  await officer.page.getByLabel("Rationale").fill("A reminder about photographs on the ward.");
  await officer.page
    .getByLabel("What the reporter and the colleague are told")
    .fill("The colleague had a coaching conversation.");
  await confirmStep(officer.page, "Close the case…", "Close case with this outcome");
  await expect(officer.page.getByText("Case closed. Both parties have been told.")).toBeVisible();

  const without = await download(officer.page, "Download PDF");
  const withNotes = await download(officer.page, "PDF with internal notes");
  expect(without.name).toMatch(/^PC-\d{6}-case-file-without-notes-\d{4}-\d\d-\d\d\.pdf$/);
  expect(withNotes.name).toMatch(/^PC-\d{6}-case-file-with-notes-\d{4}-\d\d-\d\d\.pdf$/);
  expect(without.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The recorded exports are listed with their hashes and manifests.
  await officer.page.reload();
  const exports = officer.page.getByRole("region", { name: "Export for an external authority" });
  await expect(exports.getByText(without.name, { exact: true })).toBeVisible();
  await expect(exports.getByText(`SHA-256 ${sha256(without.bytes)}`)).toBeVisible();
  const manifest = await download(officer.page, `Download manifest of ${without.name}`);
  expect(manifest.name).toBe(`${without.name}.manifest.json`);
  const listed = JSON.parse(manifest.bytes.toString("utf8"));
  expect(listed.file).toEqual({ name: without.name, format: "pdf", sha256: sha256(without.bytes) });
  expect(listed.exportedBy).toBe("George Lindqvist, compliance officer");

  // The file as exported matches; a copy changed by one byte matches nothing.
  await officer.page.goto("/compliance/verify-export");
  await officer.page.getByLabel("The file you received").setInputFiles(without.path);
  await officer.page.getByRole("button", { name: "Check the file" }).click();
  await expect(officer.page.getByText(`It matches: this is ${without.name}`)).toBeVisible();
  const changed = testInfo.outputPath("changed.pdf");
  await writeFile(changed, Buffer.concat([without.bytes, Buffer.from("\n")]));
  await officer.page.getByLabel("The file you received").setInputFiles(changed);
  await officer.page.getByRole("button", { name: "Check the file" }).click();
  await expect(officer.page.getByText(/^No match: no recorded export/)).toBeVisible();
});
