import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  fileCase,
  type Person,
  setUpStep,
  setUpWorld,
  type World,
} from "./authorisation-matrix-world";
import { uniquePostUrl } from "./concerns";
import { setWorkflowSettings } from "./database";
import { confirmStep } from "./support";

/**
 * Consideration (a): a patient's details are caught before they are stored. The writer
 * sees them marked and named, removes them with one click (nothing else they typed is
 * lost) or confirms they are not a patient's; an officer removes what got through.
 */

const DESCRIPTION = "A photo of pt John Smith, MRN 4482913, with a joke about his weight.";
const REDACTED = "A photo of pt [removed], MRN [removed], with a joke about his weight.";

let world: World;

test.describe("patient details", () => {
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    await setWorkflowSettings({ dailyFilingLimit: 100 });
    world = await setUpWorld(test.info().project.use.baseURL!);
  });

  for (const javaScript of [true, false]) {
    test(`a filing with a patient's name and record number is refused with them marked, kept whole, and filed after one click removes them (JavaScript ${javaScript ? "on" : "off"})`, async ({
      browser,
    }) => {
      const page = await pageAs(browser, world.people.reporter, javaScript);
      await page.goto(`/concerns/new?colleague=${world.people.subject.id}`);
      const postUrl = uniquePostUrl();
      await page.getByLabel("Link to the post").fill(postUrl);
      await page.getByLabel("Platform").selectOption("instagram");
      await page.getByLabel("What the post shows").fill(DESCRIPTION);
      await page.getByLabel(/^Patient privacy/).check();
      await page.getByLabel(/^Significantly violates/).check();
      const marks = page.locator("form mark");
      if (javaScript) {
        // As the person types: the same rule in the browser, before anything is sent.
        await expect(marks).toHaveCount(2);
      } else {
        await expect(marks).toHaveCount(0);
      }
      await page.getByRole("button", { name: "Raise concern and notify colleague" }).click();

      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      await expect(summary).toBeVisible();
      await expect(page.locator("#description-error")).toContainText(
        "Consideration (a): patient details must not be shared here. This seems to contain a name and a medical record number",
      );
      await expect(marks.filter({ hasText: "John Smith" })).toContainText("(a name)");
      await expect(marks.filter({ hasText: "4482913" })).toContainText("(a medical record number)");
      if (javaScript) expect(await axeViolations(page)).toEqual([]);
      // Nothing typed is lost.
      await expect(page.getByLabel("What the post shows")).toHaveValue(DESCRIPTION);
      await expect(page.getByLabel("Link to the post")).toHaveValue(postUrl);
      await expect(page.getByLabel("Platform")).toHaveValue("instagram");
      await expect(page.getByLabel(/^Patient privacy/)).toBeChecked();
      await expect(page.getByLabel(/^Significantly violates/)).toBeChecked();

      await page.getByRole("button", { name: "Replace the marked words with [removed]" }).click();
      await expect(page.getByLabel("What the post shows")).toHaveValue(REDACTED);
      await expect(page.getByLabel("Link to the post")).toHaveValue(postUrl);
      await expect(page.getByLabel(/^Patient privacy/)).toBeChecked();
      await expect(page.getByLabel(/^Significantly violates/)).toBeChecked();
      await expect(marks).toHaveCount(0);

      await page.getByRole("button", { name: "Raise concern and notify colleague" }).click();
      await expect(page.getByText("Concern raised.")).toBeVisible();
      await expect(page.locator("main")).toContainText(REDACTED);
      await expect(page.locator("main")).not.toContainText("Smith");
      await page.context().close();
    });
  }

  test("the officer holding a case removes a patient's name from the colleague's explanation: gone from every page and the export", async ({
    browser,
  }) => {
    const { reporter, subject, assignedOfficer } = world.people;
    const id = await fileCase(world, reporter, subject, true);
    await setUpStep(
      world,
      "app/(app)/notices/actions.ts#disputeAction",
      subject.cookie,
      `/notices/${id}`,
      {
        concernId: id,
        explanation: "Mr Okonkwo in bed 12 agreed to the photo being shared.",
        patientDetailsConfirmed: ["explanation"],
      },
      /\?done=dispute$/,
    );
    await setUpStep(
      world,
      "app/(app)/concerns/actions.ts#answerResponseAction",
      reporter.cookie,
      `/concerns/${id}`,
      { concernId: id, decision: "escalate_dispute", reason: "It names a real ward." },
      /\?done=escalate_dispute$/,
    );
    await setUpStep(
      world,
      "app/(app)/compliance/actions.ts#claimCaseAction",
      assignedOfficer.cookie,
      `/compliance/cases/${id}`,
      { concernId: id },
      /\?done=claim$/,
    );

    const page = await pageAs(browser, assignedOfficer, true);
    await page.goto(`/compliance/cases/${id}`);
    await expect(page.locator("main")).toContainText("Okonkwo");
    const form = page
      .locator("main form")
      .filter({ has: page.locator("summary", { hasText: "Remove…" }) });
    await form.getByLabel("Which text").selectOption("responseNote");
    await expect(form.getByLabel(/^The patient details found in it/)).toBeChecked();
    await confirmStep(form, "Remove…", "Remove them for good");
    await expect(page.getByText("The words are replaced with [removed].")).toBeVisible();
    await expect(page.locator("main")).not.toContainText("Okonkwo");
    await expect(page.locator("main")).toContainText("Patient details removed from the case");

    const csv = await page.request.get(`/compliance/cases/${id}/export/csv`);
    expect(csv.ok()).toBe(true);
    expect(await csv.text()).not.toContain("Okonkwo");
    for (const [person, path] of [
      [reporter, `/concerns/${id}`],
      [subject, `/notices/${id}`],
    ] as const) {
      const party = await pageAs(browser, person, true);
      await party.goto(path);
      await expect(party.locator("main")).not.toContainText("Okonkwo");
      await party.context().close();
    }
    await page.context().close();
  });
});

async function pageAs(browser: Browser, person: Person, javaScript: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const [name, value] = person.cookie.split(/=(.*)/s) as [string, string];
  await context.addCookies([{ name, value, url: world.baseURL }]);
  return context.newPage();
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** The refused form, with its marked findings, is held to the screens spec's axe rules. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
    return result.violations.map(
      (v) => `${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
  });
}
