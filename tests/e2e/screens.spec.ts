import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { PAGES } from "./authorisation-matrix";
import {
  act,
  appealedCase,
  askQuestion,
  claimReview,
  closedCase,
  fileCase,
  freshPatternReview,
  heldCase,
  passwordOnlySession,
  recordCase,
  setUpStep,
  setUpWorld,
  takenAppeal,
  unenrolledOfficerSession,
  type World,
} from "./authorisation-matrix-world";
import { mintAccountLink, withE2eDatabase } from "./database";
import { formArgs } from "./server-actions";

/**
 * Every page, as the person it is for sees it, on a phone (390 px) and a desktop
 * (1280 px), with JavaScript on and off: nothing scrolls sideways, axe finds no WCAG 2.2
 * AA or best-practice violation, there is one main landmark, and the navigation marks the
 * current page. A page without a row here fails the first test.
 */

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

type Viewer = "reporter" | "subject" | "assignedOfficer" | "admin" | null;

interface Screen {
  viewer: Viewer;
  /** A session of the screen's own instead of the viewer's, for pages of signing in. */
  session?: (world: World) => Promise<string>;
  /** Every state of the page worth looking at, each an address. */
  paths: (world: World) => Promise<string[]>;
}

const SCREENS: Record<keyof typeof PAGES, Screen> = {
  "/": { viewer: "reporter", paths: async () => ["/"] },
  "/sign-in": { viewer: null, paths: async () => ["/sign-in", "/sign-in?error=CredentialsSignin"] },
  "/forgot-password": { viewer: null, paths: async () => ["/forgot-password"] },
  "/reset-password/[token]": {
    viewer: null,
    paths: async (world) => [
      `/reset-password/${await mintAccountLink(world.people.spare.email, "password_reset")}`,
      "/reset-password/never-issued-token",
    ],
  },
  "/invitation/[token]": {
    viewer: null,
    paths: async (world) => [
      `/invitation/${await mintAccountLink(world.people.spare.email, "invitation")}`,
      "/invitation/never-issued-token",
    ],
  },
  "/preferences/password": { viewer: "reporter", paths: async () => ["/preferences/password"] },
  "/sign-in/two-factor": {
    viewer: null,
    session: (world) => passwordOnlySession(world, world.people.assignedOfficer.email),
    paths: async () => ["/sign-in/two-factor"],
  },
  // The key shown, ready for the first code.
  "/sign-in/two-factor/set-up": {
    viewer: null,
    session: async (world) => {
      const cookie = await unenrolledOfficerSession(world);
      const path = "/sign-in/two-factor/set-up";
      await act(
        world,
        "app/(auth)/sign-in/two-factor/actions.ts#beginEnrolmentAction",
        cookie,
        path,
        formArgs({}),
      );
      return cookie;
    },
    paths: async () => ["/sign-in/two-factor/set-up"],
  },
  "/preferences/two-factor": {
    viewer: "assignedOfficer",
    paths: async () => ["/preferences/two-factor"],
  },
  "/no-access": { viewer: "reporter", paths: async () => ["/no-access"] },
  "/notifications": { viewer: "subject", paths: async () => ["/notifications"] },
  "/preferences/email": { viewer: "reporter", paths: async () => ["/preferences/email"] },
  "/dev/mailbox": { viewer: "subject", paths: async () => ["/dev/mailbox"] },
  "/concerns": { viewer: "reporter", paths: async () => ["/concerns"] },
  "/concerns/new": {
    viewer: "reporter",
    paths: async (world) => [
      "/concerns/new",
      `/concerns/new?find=${encodeURIComponent(world.people.subject.name.slice(0, 12))}`,
      `/concerns/new?colleague=${world.people.subject.id}`,
    ],
  },
  "/concerns/[id]": {
    viewer: "reporter",
    paths: async (world) => {
      const remediated = await remediatedCase(world);
      const appealed = await appealedCase(world, world.people.assignedOfficer);
      return [`/concerns/${world.cases.A.id}`, `/concerns/${remediated}`, `/concerns/${appealed}`];
    },
  },
  "/notices": { viewer: "subject", paths: async () => ["/notices"] },
  "/notices/[id]": {
    viewer: "subject",
    paths: async (world) => [
      `/notices/${await fileCase(world, world.people.reporter, world.people.subject, true)}`,
      `/notices/${world.cases.A.id}`,
      // Decided: the appeal form; appealed: where the appeal stands.
      `/notices/${await closedCase(world, world.people.assignedOfficer)}`,
      `/notices/${await appealedCase(world, world.people.assignedOfficer)}`,
      // Recorded by an officer from a telephone call: worded for the channel.
      `/notices/${await recordCase(world, world.people.otherOfficer, world.people.subject)}`,
    ],
  },
  "/compliance": {
    viewer: "assignedOfficer",
    paths: async () => ["/compliance", "/compliance?state=all", "/compliance?sort=due&overdue=1"],
  },
  "/compliance/cases/[id]": {
    viewer: "assignedOfficer",
    paths: async (world) => {
      const { reporter, subject, assignedOfficer } = world.people;
      const held = await heldCase(world, reporter, subject, assignedOfficer);
      await askQuestion(world, assignedOfficer, held, "subject");
      return [
        `/compliance/cases/${held}`,
        `/compliance/cases/${await closedCase(world, assignedOfficer)}`,
        // An appeal of their own decision (not theirs to take), and one they took.
        `/compliance/cases/${await appealedCase(world, assignedOfficer)}`,
        `/compliance/cases/${await takenAppeal(world, world.people.otherOfficer, assignedOfficer)}`,
      ];
    },
  },
  "/compliance/insights": {
    viewer: "assignedOfficer",
    paths: async () => ["/compliance/insights"],
  },
  "/compliance/record-concern": {
    viewer: "assignedOfficer",
    paths: async (world) => [
      "/compliance/record-concern",
      `/compliance/record-concern?find=${encodeURIComponent(world.people.subject.name.slice(0, 12))}`,
      `/compliance/record-concern?colleague=${world.people.subject.id}`,
      "/compliance/record-concern?done=recorded_for_physician",
    ],
  },
  // Held by them while the colleague may still answer (no form yet), held by them once that
  // time has passed (the decision form), and one nobody holds yet.
  "/compliance/pattern-reviews/[id]": {
    viewer: "assignedOfficer",
    paths: async (world) => {
      const decidable = await freshPatternReview(world);
      await claimReview(world, world.people.assignedOfficer, decidable.id);
      return [
        `/compliance/pattern-reviews/${world.reviews.A.id}`,
        `/compliance/pattern-reviews/${decidable.id}`,
        `/compliance/pattern-reviews/${(await freshPatternReview(world)).id}`,
      ];
    },
  },
  "/notices/reviews/[id]": {
    viewer: "subject",
    paths: async (world) => [`/notices/reviews/${world.reviews.A.id}`],
  },
  "/compliance/verify-export": {
    viewer: "assignedOfficer",
    paths: async () => ["/compliance/verify-export"],
  },
  "/admin/users": { viewer: "admin", paths: async () => ["/admin/users", "/admin/users?q=zz"] },
  "/admin/users/new": { viewer: "admin", paths: async () => ["/admin/users/new"] },
  "/admin/users/[id]": {
    viewer: "admin",
    paths: async (world) => [`/admin/users/${world.people.spare.id}`],
  },
  "/admin/departments": { viewer: "admin", paths: async () => ["/admin/departments"] },
  "/admin/settings": { viewer: "admin", paths: async () => ["/admin/settings"] },
  "/admin/email-deliveries": { viewer: "admin", paths: async () => ["/admin/email-deliveries"] },
  "/admin/security-log": {
    viewer: "admin",
    paths: async (world) => [
      "/admin/security-log",
      `/admin/security-log?email=${encodeURIComponent(world.people.spare.email)}`,
      "/admin/security-log?email=nobody%40hospital.example",
    ],
  },
  "/admin/reopen-case": { viewer: "admin", paths: async () => ["/admin/reopen-case"] },
  // With a request waiting, as an officer who may decide it sees it.
  "/role-requests": {
    viewer: "assignedOfficer",
    paths: async (world) => {
      await withE2eDatabase((client) =>
        client.query(
          `insert into role_grant_requests (user_id, role, requested_by_id)
           values ($1, 'compliance_officer', $2) on conflict do nothing`,
          [world.people.spare.id, world.people.admin.id],
        ),
      );
      return ["/role-requests", "/role-requests?decided=approved"];
    },
  },
};

/** A case whose colleague reported an action, waiting on the reporter's answer. */
async function remediatedCase(world: World) {
  const id = await fileCase(world, world.people.reporter, world.people.subject, true);
  await setUpStep(
    world,
    "app/(app)/notices/actions.ts#reportRemediationAction",
    world.people.subject.cookie,
    `/notices/${id}`,
    { concernId: id, action: "removed", note: "Deleted it this morning." },
    /\?done=report_remediation$/,
  );
  return id;
}

let world: World;

test.describe("every screen, on a phone and a desktop, with and without JavaScript", () => {
  test.describe.configure({ timeout: 240_000 });

  test("every page has a row", () => {
    expect(Object.keys(SCREENS).sort()).toEqual(Object.keys(PAGES).sort());
  });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    world = await setUpWorld(test.info().project.use.baseURL!);
  });

  for (const [route, screen] of Object.entries(SCREENS)) {
    test(route, async ({ browser }) => {
      const problems: string[] = [];
      const session = await screen.session?.(world);
      for (const path of await screen.paths(world)) {
        for (const javaScript of [true, false]) {
          for (const width of [390, 1280]) {
            const where = `${path} at ${width} px, JavaScript ${javaScript ? "on" : "off"}`;
            const page = await pageAs(browser, session ?? screen.viewer, javaScript, width);
            const response = await page.goto(path);
            expect(response?.status(), where).toBeLessThan(400);
            problems.push(...(await lookAt(page, where, javaScript)));
            await page.context().close();
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

/** As a viewer of the world, or with a session cookie of the screen's own. */
async function pageAs(
  browser: Browser,
  viewer: Viewer | string,
  javaScript: boolean,
  width: number,
) {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    viewport: { width, height: 844 },
  });
  if (viewer) {
    const cookie = viewer.startsWith("authjs.")
      ? viewer
      : world.people[viewer as Exclude<Viewer, null>].cookie;
    const [name, value] = cookie.split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: world.baseURL }]);
  }
  return context.newPage();
}

/**
 * With scripts off the page cannot run axe (its timers never fire), so axe checks each
 * page with scripts on, the controls meant for scripts off shown too; the layout checks
 * run in both modes, through the browser's own protocol.
 */
async function lookAt(page: Page, where: string, javaScript: boolean): Promise<string[]> {
  const problems: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send("Runtime.evaluate", {
    expression: "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    returnByValue: true,
  });
  const sideways = Number(result.value);
  if (sideways > 0) problems.push(`${where}: scrolls ${sideways} px sideways`);
  const mains = await page.locator("main").count();
  if (mains !== 1) problems.push(`${where}: ${mains} main landmarks`);
  // Every page the navigation leads to is marked there (in the phone's menu too).
  const pathname = new URL(page.url()).pathname;
  if (
    (await page.locator("header nav").count()) &&
    !["/no-access", "/notifications"].includes(pathname) &&
    (await page.locator("header nav a[aria-current]").count()) === 0
  ) {
    problems.push(`${where}: no navigation link marks the current page`);
  }
  if (!javaScript) return problems;
  await page.addStyleTag({ content: ".no-js-only{display:block!important}" });
  // Loaded as an expression of its own, which the page's script policy does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
    return result.violations.map(
      (v) =>
        `${v.id} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    );
  });
  for (const violation of violations) problems.push(`${where}: axe ${violation}`);
  return problems;
}
