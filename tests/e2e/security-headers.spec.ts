import { randomBytes } from "node:crypto";
import { type APIResponse, expect, test } from "@playwright/test";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { withE2eDatabase } from "./database";
import { DEMO, DEMO_PASSWORD, formAlert, signIn } from "./support";

const EVIL = "https://evil.example";

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The e2e server is the production build.
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  return headers;
}

test.describe("headers", () => {
  test("a signed-out page carries the security headers and a fresh nonce its scripts use", async ({
    request,
  }) => {
    const first = await request.get("/sign-in");
    const headers = expectSecurityHeaders(first);
    const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1]!;
    const html = await first.text();
    expect(html).toContain(`nonce="${nonce}"`);
    // Every script on the page carries the nonce: none would be blocked, none is unvetted.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

    const second = await request.get("/sign-in");
    expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  });

  test("a signed-in page carries them too, is never cached, and runs without a CSP violation", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signIn(page, DEMO.physician);
    const response = await page.request.get("/concerns");
    expect(response.status()).toBe(200);
    const headers = expectSecurityHeaders(response);
    expect(headers["cache-control"]).toContain("no-store");
    // The client-side app works under the policy: a navigation by link, not a reload.
    await page
      .getByRole("link", { name: /notifications/i })
      .first()
      .click();
    await expect(page).toHaveURL(/\/notifications/);
    expect(violations).toEqual([]);
  });

  test("route handlers carry them and are never cached", async ({ page, request }) => {
    const health = await request.get("/api/health");
    expectSecurityHeaders(health);
    expect(health.headers()["cache-control"]).toContain("no-store");

    await signIn(page, DEMO.physician);
    const directory = await page.request.get("/api/directory?q=ben");
    expect(directory.status()).toBe(200);
    expectSecurityHeaders(directory);
    expect(directory.headers()["cache-control"]).toContain("no-store");
  });
});

test.describe("cross-site requests", () => {
  test("a POST from another site to any route handler is refused", async ({ request }) => {
    for (const [path, headers] of [
      ["/api/auth/signout", { origin: EVIL }],
      ["/api/auth/signout", { "sec-fetch-site": "cross-site" }],
      ["/api/auth/callback/credentials", { origin: EVIL }],
      ["/api/auth/callback/credentials", { origin: "null" }],
      ["/api/health", { origin: EVIL }],
      ["/api/directory", { origin: EVIL }],
    ] as const) {
      const response = await request.post(path, {
        headers,
        form: { email: DEMO.physician, password: DEMO_PASSWORD },
        maxRedirects: 0,
      });
      expect([403, 405], `${path} ${JSON.stringify(headers)}`).toContain(response.status());
      expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
    }
  });

  test("a server action replayed from another site is refused by Next.js's origin check", async ({
    page,
  }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO.physician);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    const [action] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    await expect(page).not.toHaveURL(/\/sign-in/);

    const replay = await page.request.fetch(action.url(), {
      method: "POST",
      headers: { ...action.headers(), origin: EVIL },
      data: action.postDataBuffer() ?? undefined,
      maxRedirects: 0,
    });
    expect(replay.status()).toBeGreaterThanOrEqual(400);
    expect(replay.headers()["set-cookie"] ?? "").not.toContain("session-token");
  });

  test("a request carrying x-middleware-subrequest gains nothing", async ({ request }) => {
    for (const value of [
      "proxy",
      "proxy:proxy:proxy:proxy:proxy",
      "middleware:middleware:middleware:middleware:middleware",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    ]) {
      const page = await request.get("/admin/users", {
        headers: { "x-middleware-subrequest": value },
        maxRedirects: 0,
      });
      expect(page.status(), value).toBe(307);
      expect(page.headers().location).toMatch(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers/);
      expectSecurityHeaders(page);

      const api = await request.get("/api/directory?q=a", {
        headers: { "x-middleware-subrequest": value },
      });
      expect(api.status(), value).toBe(401);
    }
  });
});

test.describe("sign-in throttling", () => {
  test("after five wrong passwords the account is paused with a clear message", async ({
    page,
  }) => {
    const email = `locked-${randomBytes(4).toString("hex")}@hospital.example`;
    // Each attempt waits for its answer: the same message twice is not proof of a second try.
    const attempt = async (password: string) => {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === "POST" && r.url().includes("/sign-in"),
        ),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      // React resets the form once the answer is shown; typing before that would be lost.
      await expect(page.getByLabel("Password")).toHaveValue("");
    };
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await attempt(`guess number ${i}`);
      await expect(formAlert(page)).toHaveText("Incorrect email or password.");
    }
    await attempt("guess number 6");
    await expect(formAlert(page)).toHaveText(
      /^Too many failed sign-in attempts\. For your account's safety, sign-in is paused: try again in 1[45] minutes, or reset your password by email\. If you cannot sign in, contact .+\.$/,
    );
  });

  test("a wrong password counts against the address the launcher saw, never one the client claims", async ({
    page,
  }) => {
    const email = `claimed-${randomBytes(4).toString("hex")}@hospital.example`;
    await page.setExtraHTTPHeaders({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7" });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("Incorrect email or password.");
    const addresses = await withE2eDatabase(
      async (client) =>
        (
          await client.query<{ address: string }>(
            "select address from sign_in_failures where account = $1",
            [email],
          )
        ).rows,
    );
    expect(addresses).toHaveLength(1);
    expect(["127.0.0.1", "::1", "::ffff:127.0.0.1"]).toContain(addresses[0]!.address);
  });
});
