/**
 * Records what a browser really sends when a physician files a concern through the form:
 * the server action's POST with its action id and encoded form. Replaying that request is
 * how the benchmark files "through the real form action" without guessing the protocol.
 */
import { chromium } from "@playwright/test";

export interface CapturedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Headers that belong to one browser session rather than to the action call.
const PER_SESSION_HEADERS = new Set(["cookie", "content-length", "host", "connection"]);

export async function captureFilingRequest(options: {
  baseUrl: string;
  cookie: string;
  colleagueName: string;
  postUrl: string;
}): Promise<CapturedRequest> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ baseURL: options.baseUrl });
    const [name, value] = splitCookie(options.cookie);
    await context.addCookies([{ name, value, url: options.baseUrl }]);
    const page = await context.newPage();
    await page.goto("/concerns/new");
    await page.getByRole("combobox", { name: "Colleague" }).fill(options.colleagueName);
    // At full scale "Dr … 3" is also the start of "Dr … 3003": match the whole name.
    await page.getByRole("option", { name: wholeName(options.colleagueName) }).click();
    await page.getByLabel("Link to the post").fill(options.postUrl);
    await page.getByLabel("Platform").selectOption("x");
    await page
      .getByLabel("What the post shows")
      .fill("A post that mocks a group of patients; filed by the benchmark.");
    await page.getByLabel(/Undermining trust in the profession/).check();
    await page.getByLabel("Appears unprofessional").check();
    const actionRequest = page.waitForRequest(
      (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
    );
    await page.getByRole("button", { name: "Raise concern and notify colleague" }).click();
    const request = await actionRequest;
    await page.getByText("Concern raised.").waitFor();
    const headers = Object.fromEntries(
      Object.entries(await request.allHeaders()).filter(
        ([key]) => !key.startsWith(":") && !PER_SESSION_HEADERS.has(key.toLowerCase()),
      ),
    );
    return { url: request.url(), headers, body: request.postData() ?? "" };
  } finally {
    await browser.close();
  }
}

/** An option's accessible name is the person's name, then " · " and their department. */
function wholeName(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( ·|$)`);
}

function splitCookie(cookie: string): [string, string] {
  const at = cookie.indexOf("=");
  return [cookie.slice(0, at), cookie.slice(at + 1)];
}
