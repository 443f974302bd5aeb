/**
 * What two app servers on one database must share, checked through their HTTP answers:
 * a session started on one is good on the other, and ended (signing out, deactivation) on
 * both; failed sign-ins sent to either count towards one throttle; the daily filing limit
 * counts filings made through either. Each check returns what it saw and a problem, if any.
 */
import { type Browser, chromium } from "@playwright/test";
import type pg from "pg";
import { connectDatabase } from "@/db/client";
import { SIGN_IN_THROTTLE } from "@/lib/auth/sign-in-throttle";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { type CapturedRequest, CHROMIUM_ARGS } from "./capture-filing";
import { BENCH_PASSWORD } from "./seed";
import { sessionCookieFor } from "./sessions";

export interface SharedCheck {
  check: string;
  saw: string;
  problem: string | null;
}

const SESSION_COOKIE = "authjs.session-token";

/** The same request, addressed to another server: its origin and referer too. */
export function retarget(request: CapturedRequest, from: string, to: string): CapturedRequest {
  const swap = (value: string) => value.replaceAll(from, to);
  return {
    url: swap(request.url),
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([key, value]) => [key, swap(value)]),
    ),
    body: request.body,
  };
}

/** Whether a cookie opens a signed-in page on a server (a redirect to sign-in: it does not). */
async function signedInOn(baseUrl: string, cookie: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/concerns`, {
    headers: { cookie },
    redirect: "manual",
  });
  await response.arrayBuffer();
  return response.status === 200;
}

async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Signs in through the form on the first server, uses the cookie on the second, signs out
 * on the second and tries the old cookie on the first; then deactivates another person
 * (as an administrator, through the service) and tries their cookie on both.
 */
export async function checkSessionsShared(options: {
  servers: [string, string];
  client: pg.Client;
  databaseUrl: string;
  secret: string;
  email: string;
  deactivated: { email: string; adminEmail: string };
}): Promise<SharedCheck[]> {
  const [first, second] = options.servers;
  const checks: SharedCheck[] = [];
  await withBrowser(async (browser) => {
    const context = await browser.newContext({ baseURL: first });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(options.email);
    await page.getByLabel("Password").fill(BENCH_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    const token = (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
    const cookie = `${SESSION_COOKIE}=${token?.value ?? ""}`;
    const onSecond = Boolean(token) && (await signedInOn(second, cookie));
    checks.push({
      check: "a session started on server 1 opens pages on server 2",
      saw: onSecond ? "signed in on server 2" : "refused on server 2",
      problem: onSecond ? null : "a session from server 1 was refused by server 2",
    });
    // Cookies are kept per host, not per port: the browser is signed in on server 2 too.
    await page.goto(`${second}/concerns`);
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith("/sign-in"));
    const stillOnFirst = await signedInOn(first, cookie);
    checks.push({
      check: "signing out on server 2 ends the session on server 1",
      saw: stillOnFirst ? "still signed in on server 1" : "refused on server 1",
      problem: stillOnFirst ? "a session signed out on server 2 still works on server 1" : null,
    });
  });

  const cookie = await sessionCookieFor(options.client, options.secret, options.deactivated.email);
  const before = await Promise.all([signedInOn(first, cookie), signedInOn(second, cookie)]);
  const { rows } = await options.client.query<{
    id: string;
    email: string;
    name: string;
    department_id: string | null;
  }>("select id, email, name, department_id from users where email = any($1)", [
    [options.deactivated.email, options.deactivated.adminEmail],
  ]);
  const person = rows.find((row) => row.email === options.deactivated.email)!;
  const admin = rows.find((row) => row.email === options.deactivated.adminEmail)!;
  const actor = {
    userId: admin.id,
    sessionId: "bench",
    name: admin.name,
    email: admin.email,
    departmentId: admin.department_id,
    roles: ["admin"] as const,
  };
  const { db, pool } = connectDatabase(options.databaseUrl, { max: 1 });
  try {
    await setUserActive(db, actor, { userId: person.id, active: false });
    const after = await Promise.all([signedInOn(first, cookie), signedInOn(second, cookie)]);
    await setUserActive(db, actor, { userId: person.id, active: true });
    const ok = before.every(Boolean) && !after.some(Boolean);
    checks.push({
      check: "deactivating a person ends their session on both servers",
      saw: `before: ${before.map((yes) => (yes ? "in" : "out")).join("/")}, after: ${after.map((yes) => (yes ? "in" : "out")).join("/")}`,
      problem: ok ? null : "a deactivated person's session was not ended on both servers",
    });
  } finally {
    await pool.end();
  }
  return checks;
}

/**
 * Failed sign-ins for one account, taking turns between the servers: with the address
 * unknown (served by `next start`), the account-and-address limit pauses the account after
 * that many failures in all, so the attempt after them must be refused on either server.
 */
export async function checkSignInThrottleShared(options: {
  servers: [string, string];
  email: string;
}): Promise<SharedCheck[]> {
  const [first, second] = options.servers;
  const limit = SIGN_IN_THROTTLE.accountAndAddress.limit;
  // The first failure is the browser's own, on server 1, recorded to replay the rest.
  const captured = await withBrowser(async (browser) => {
    const context = await browser.newContext({ baseURL: first });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(options.email);
    await page.getByLabel("Password").fill("not the password 0");
    const request = page.waitForRequest(
      (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]),
    );
    await page.getByRole("button", { name: "Sign in" }).click();
    const sent = await request;
    await page.getByText("Incorrect email or password.").waitFor();
    const headers = Object.fromEntries(
      Object.entries(await sent.allHeaders()).filter(
        ([key]) => !key.startsWith(":") && !["cookie", "content-length", "host"].includes(key),
      ),
    );
    return { url: sent.url(), headers, body: sent.postData() ?? "" };
  });
  const answers: string[] = ["1: refused (server 1)"];
  let trippedAt: number | null = null;
  for (let attempt = 2; attempt <= limit + 2; attempt++) {
    const server = attempt % 2 === 0 ? second : first;
    const request = retarget(captured, first, server);
    const response = await fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    const paused = text.includes("sign-in is paused");
    const wrong = text.includes("Incorrect email or password.");
    answers.push(
      `${attempt}: ${paused ? "paused" : wrong ? "refused" : `status ${response.status}`} (server ${server === first ? 1 : 2})`,
    );
    if (paused && trippedAt === null) trippedAt = attempt;
  }
  return [
    {
      check: `failed sign-ins on both servers count together (pause after ${limit})`,
      saw: `${answers.join(", ")}; paused from attempt ${trippedAt ?? "never"}`,
      problem:
        trippedAt === limit + 1
          ? null
          : `expected the pause from attempt ${limit + 1}, got ${trippedAt ?? "none"}`,
    },
  ];
}

/**
 * One physician files, taking turns between the servers, past a daily limit set for the
 * check: exactly the limit's worth are stored, whichever server took them.
 */
export async function checkDailyLimitShared(options: {
  servers: [string, string];
  client: pg.Client;
  filing: CapturedRequest;
  filingServer: string;
  urlToken: string;
  cookie: string;
  filerEmail: string;
}): Promise<SharedCheck[]> {
  const { client } = options;
  const [first, second] = options.servers;
  const allowedNow = 4;
  const attempts = allowedNow + 3;
  // The same count as the filing's own: filings and joinings in the last 24 hours.
  const { rows } = await client.query<{ filed: string; limit: number }>(
    `select (select count(*) from concerns c join users u on u.id = c.reporter_id
               where u.email = $1 and c.created_at >= now() - interval '24 hours')
          + (select count(*) from concern_reporters r join users u on u.id = r.reporter_id
               where u.email = $1 and r.joined_at >= now() - interval '24 hours') as filed,
            (select daily_filing_limit from organisation_settings) as limit`,
    [options.filerEmail],
  );
  const previousLimit = rows[0]!.limit;
  const limit = Number(rows[0]!.filed) + allowedNow;
  await client.query("update organisation_settings set daily_filing_limit = $1", [limit]);
  const tag = `https://bench.example/limit/${Date.now()}`;
  const answers: string[] = [];
  try {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const server = attempt % 2 === 1 ? first : second;
      const request = retarget(options.filing, options.filingServer, server);
      const response = await fetch(request.url, {
        method: "POST",
        headers: { ...request.headers, cookie: options.cookie },
        body: request.body.replaceAll(options.urlToken, `${tag}/${attempt}`),
        redirect: "manual",
      });
      const text = await response.text();
      answers.push(
        `${attempt}: ${text.includes("the most allowed") ? "refused" : "taken"} (server ${server === first ? 1 : 2})`,
      );
    }
  } finally {
    await client.query("update organisation_settings set daily_filing_limit = $1", [previousLimit]);
  }
  const { rows: stored } = await client.query<{ count: string }>(
    "select count(*) from concerns where post_url like $1",
    [`${tag}/%`],
  );
  const count = Number(stored[0]!.count);
  return [
    {
      check: `the daily filing limit counts filings on both servers (${allowedNow} left today)`,
      saw: `${answers.join(", ")}; ${count} stored`,
      problem:
        count === allowedNow
          ? null
          : `${count} filings stored where the limit allowed ${allowedNow}`,
    },
  ];
}
