import { createHash, randomBytes } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { fillConcernForm, uniquePostUrl } from "./concerns";
import { setWorkflowSettings, withE2eDatabase } from "./database";
import { personSignedIn } from "./support";

// Physicians of the demo organisation: Elena files confidentially about David; Chloe and
// the officer Farah have nothing to do with the case.
const ELENA = "elena.rossi@hospital.example";
const DAVID = "david.levi@hospital.example";
const CHLOE = "chloe.nguyen@hospital.example";
const FARAH = "farah.haddad@hospital.example";

const EVIDENCE_LABEL = "Screenshots or PDFs of the post";
const CONFIRM_LABEL = /no patient can be identified/;
const SUBMIT = "Raise concern and notify colleague";

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

/** A white screenshot with a red patch where a patient's name would be. */
async function screenshot(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 3, background: "#ffffff" } })
    .composite([
      {
        input: await sharp({
          create: { width: 100, height: 40, channels: 3, background: "#ff0000" },
        })
          .png()
          .toBuffer(),
        left: 50,
        top: 50,
      },
    ])
    .png()
    .toBuffer();
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function userId(email: string): Promise<string> {
  return withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>("select id from users where email = $1", [
      email,
    ]);
    return rows[0]!.id;
  });
}

test("a confidential reporter blacks out part of a screenshot and files it; the colleague downloads the very same file; nobody else gets it", async ({
  browser,
}) => {
  const reporter = await personSignedIn(browser, ELENA);
  await fillConcernForm(reporter.page, {
    colleague: "David Levi",
    postUrl: uniquePostUrl(),
    significant: true,
  });
  await reporter.page.getByLabel(EVIDENCE_LABEL).setInputFiles({
    name: "Elena Rossi - phone.png",
    mimeType: "image/png",
    buffer: await screenshot(),
  });
  // Black out the red patch by dragging across it on the image (drawn 400 px wide).
  const canvas = reporter.page.getByRole("img", { name: /blacked out/ });
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const scale = box.width / 400;
  await reporter.page.mouse.move(box.x + 40 * scale, box.y + 40 * scale);
  await reporter.page.mouse.down();
  await reporter.page.mouse.move(box.x + 120 * scale, box.y + 70 * scale, { steps: 4 });
  await reporter.page.mouse.move(box.x + 160 * scale, box.y + 100 * scale, { steps: 4 });
  await reporter.page.mouse.up();
  await expect(canvas).toHaveAccessibleName("The image, with 1 part blacked out");
  await reporter.page.getByLabel(CONFIRM_LABEL).check();
  await reporter.page.getByRole("button", { name: SUBMIT }).click();
  await expect(reporter.page.getByText("Concern raised.")).toBeVisible();
  const concernId = reporter.page.url().match(/\/concerns\/([0-9a-f-]{36})/)![1]!;

  const listed = reporter.page.getByTestId("evidence");
  await expect(listed).toContainText(/PC-\d{6}-evidence-1\.png/);
  const href = (await listed.getByRole("link").getAttribute("href"))!;
  const shownHash = (await listed.locator("code").textContent())!;

  const download = await reporter.page.request.get(href);
  expect(download.status()).toBe(200);
  const headers = download.headers();
  expect(headers["content-type"]).toBe("image/png");
  expect(headers["content-disposition"]).toMatch(
    /^attachment; filename="PC-\d{6}-evidence-1\.png"$/,
  );
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toBe(
    "default-src 'none'; sandbox; frame-ancestors 'none'",
  );
  expect(headers["cache-control"]).toContain("no-store");
  const bytes = await download.body();
  expect(sha256(bytes)).toBe(shownHash);
  // Only the blacked-out image left the browser: the red patch is black.
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [
    ...data.subarray(
      (y * info.width + x) * info.channels,
      (y * info.width + x) * info.channels + 3,
    ),
  ];
  expect(at(100, 70)).toEqual([0, 0, 0]);
  expect(at(300, 250)).toEqual([255, 255, 255]);

  // The colleague sees the same file on the notice, and nothing of who sent it.
  const colleague = await personSignedIn(browser, DAVID);
  await colleague.page.goto(`/notices/${concernId}`);
  await expect(colleague.page.getByTestId("evidence").locator("code")).toHaveText(shownHash);
  const html = await colleague.page.content();
  expect(html).not.toContain("Elena");
  expect(html).not.toContain("Rossi");
  const theirs = await colleague.page.request.get(href);
  expect(theirs.status()).toBe(200);
  const theirBytes = await theirs.body();
  expect(sha256(theirBytes)).toBe(shownHash);
  expect(theirBytes.includes("Elena")).toBe(false);

  // A stranger, an officer before the case reaches compliance, and anyone without a
  // session get nothing; nor does a made-up id.
  for (const email of [CHLOE, FARAH]) {
    const other = await personSignedIn(browser, email);
    const answer = await other.page.request.get(href);
    expect(answer.status(), email).toBe(404);
    expect(await answer.text()).toBe("We could not find that file.");
    await other.context.close();
  }
  const anonymous = await browser.newContext();
  const signedOut = await anonymous.request.get(href, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toMatch(/\/sign-in/);
  await anonymous.close();
  const madeUp = await reporter.page.request.get(`/evidence/${crypto.randomUUID()}`);
  expect(madeUp.status()).toBe(404);
  const notAnId = await reporter.page.request.get(`/evidence/${concernId}`);
  expect(notAnId.status()).toBe(404);
});

/** The filing form without JavaScript: the plain file input, no blackout. */
async function filingWithoutJavaScript(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ELENA);
  await page.getByLabel("Password").fill("demo-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto(`/concerns/new?colleague=${await userId(DAVID)}`);
  return page;
}

async function fillWithoutJavaScript(page: Page, description: string, postUrl: string) {
  await page.getByLabel("Link to the post").fill(postUrl);
  await page.getByLabel("Platform").selectOption("x");
  await page.getByLabel("What the post shows").fill(description);
  await page.getByLabel(/Undermining trust in the profession/).check();
  await page.getByLabel("Appears unprofessional").check();
}

test("without JavaScript, a wrong extension, a polyglot and an oversize file are each refused next to the field, and everything typed is kept", async ({
  browser,
}) => {
  const png = await screenshot();
  const jpeg = await sharp(png).jpeg().toBuffer();
  // Noise does not compress: over 5 MB as a PNG.
  const noise = await sharp(randomBytes(1400 * 1400 * 3), {
    raw: { width: 1400, height: 1400, channels: 3 },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  expect(noise.byteLength).toBeGreaterThan(5 * 1024 * 1024);
  const cases = [
    {
      file: { name: "screenshot.png", mimeType: "image/png", buffer: jpeg },
      message: /is a JPEG image, but its name ends in \.png/,
    },
    {
      file: {
        name: "screenshot.png",
        mimeType: "image/png",
        buffer: Buffer.concat([png, Buffer.from("<html><script>alert(document.cookie)</script>")]),
      },
      message: /also contains web page code/,
    },
    {
      file: { name: "screenshot.png", mimeType: "image/png", buffer: noise },
      message: /is larger than 5 MB/,
    },
  ];
  const page = await filingWithoutJavaScript(browser);
  const postUrl = uniquePostUrl();
  for (const [index, { file, message }] of cases.entries()) {
    const description = `A post mocking a patient's family, attempt ${index + 1} of the refusals.`;
    await fillWithoutJavaScript(page, description, postUrl);
    await page.getByLabel(EVIDENCE_LABEL).setInputFiles(file);
    await page.getByLabel(CONFIRM_LABEL).check();
    await page.getByRole("button", { name: SUBMIT }).click();
    await expect(page.locator("#evidence-error")).toHaveText(message);
    await expect(page.getByText("Attach your files again")).toContainText("screenshot.png");
    // Everything else is as it was typed.
    await expect(page.getByLabel("Link to the post")).toHaveValue(postUrl);
    await expect(page.getByLabel("What the post shows")).toHaveValue(description);
    await expect(page.getByLabel("Appears unprofessional")).toBeChecked();
    await expect(page.getByLabel(CONFIRM_LABEL)).toBeChecked();
  }

  // Attached without the confirmation: refused for want of it.
  await page
    .getByLabel(EVIDENCE_LABEL)
    .setInputFiles({ name: "shot.png", mimeType: "image/png", buffer: png });
  await page.getByLabel(CONFIRM_LABEL).uncheck();
  await page.getByRole("button", { name: SUBMIT }).click();
  await expect(page.locator("#evidenceConfirmed-error")).toContainText(
    "Confirm that no patient can be identified",
  );

  // And with it, filed, the plain file input's image stored cleaned.
  await page
    .getByLabel(EVIDENCE_LABEL)
    .setInputFiles({ name: "shot.png", mimeType: "image/png", buffer: png });
  await page.getByLabel(CONFIRM_LABEL).check();
  await page.getByRole("button", { name: SUBMIT }).click();
  await expect(page.getByText("Concern raised.")).toBeVisible();
  await expect(page.getByTestId("evidence")).toContainText(/PC-\d{6}-evidence-1\.png/);
  await page.context().close();
});
