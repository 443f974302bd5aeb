import { expect, test } from "@playwright/test";
import { serverActionsInBuild } from "./server-actions";
import { DEMO, signIn } from "./support";

// Requests no browser of ours sends, against the real build behind the real launcher:
// each is the client's mistake or an attack, so each gets a 4xx with a short page, never
// a 500 and never a reset connection.
const SIGN_IN_ACTION = serverActionsInBuild().get(
  "app/(auth)/sign-in/actions.ts#signInWithPassword",
)!;
const ONE_MEGABYTE = 1024 * 1024;

test("a body over the 1 MB limit is refused with 413 before Next.js reads it", async ({
  request,
  baseURL,
}) => {
  const asAction = await request.post("/sign-in", {
    headers: {
      "Next-Action": SIGN_IN_ACTION,
      Origin: baseURL!,
      "Content-Type": "text/plain;charset=UTF-8",
    },
    data: `["${"x".repeat(2 * ONE_MEGABYTE)}"]`,
  });
  expect(asAction.status()).toBe(413);
  expect(await asAction.text()).toContain("larger than 1 MB, so it was not read");

  const asForm = await request.post("/sign-in", {
    headers: { Origin: baseURL! },
    multipart: { email: "x".repeat(2 * ONE_MEGABYTE) },
  });
  expect(asForm.status()).toBe(413);
});

test("a server action's body that does not parse is refused with 400", async ({
  request,
  baseURL,
}) => {
  for (const [contentType, body] of [
    ["text/plain;charset=UTF-8", '[{"garbage'],
    ["multipart/form-data; boundary=xyz", "garbage--"],
    ["multipart/form-data", "no boundary at all"],
  ]) {
    const response = await request.post("/sign-in", {
      headers: { "Next-Action": SIGN_IN_ACTION, Origin: baseURL!, "Content-Type": contentType! },
      data: body,
    });
    expect(response.status(), contentType).toBe(400);
    expect(await response.text()).toContain("The form could not be read, so nothing was saved.");
  }
  // The same form posted without JavaScript, cut short.
  const withoutJavaScript = await request.post("/sign-in", {
    headers: { Origin: baseURL!, "Content-Type": "multipart/form-data; boundary=xyz" },
    data: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nhalf a form',
  });
  expect(withoutJavaScript.status()).toBe(400);
});

test("a server action sent from another site is refused with 403", async ({ request }) => {
  for (const origin of ["https://evil.example", "null", "not a url"]) {
    const response = await request.post("/sign-in", {
      headers: {
        "Next-Action": SIGN_IN_ACTION,
        Origin: origin,
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: "[]",
    });
    expect(response.status(), origin).toBe(403);
    expect(await response.text()).toContain("that is refused and nothing was done");
  }
});

test("a navigation-state header that does not parse is refused with 400", async ({ page }) => {
  await signIn(page, DEMO.physician);
  for (const header of ["[1,2", "%%%garbage", encodeURIComponent('["",{"children":[1]}]')]) {
    // Followed through Next.js's own redirect of a navigation request to its cache key.
    const response = await page.request.get("/concerns", {
      headers: { RSC: "1", "Next-Router-State-Tree": header },
    });
    expect(response.status(), header).toBe(400);
  }
});

test("a line break or other control character in the page to return to after sign-in is ignored, not a 500", async ({
  page,
}) => {
  await signIn(page, DEMO.physician);
  for (const callbackUrl of ["/%0D%0ASet-Cookie:%20pwned=1", "/%09/evil.example/", "/%0A"]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${callbackUrl}`, {
      maxRedirects: 0,
    });
    expect(response.status(), callbackUrl).toBe(307);
    expect(response.headers().location, callbackUrl).toBe("/");
    expect(response.headers()["set-cookie"] ?? "").not.toContain("pwned");
  }
});

test("an address or header block over the server's limit gets 414 or 431 and a short page", async ({
  request,
}) => {
  const longAddress = await request.get(`/sign-in?q=${"A".repeat(ONE_MEGABYTE)}`);
  expect(longAddress.status()).toBe(414);
  expect(await longAddress.text()).toContain("That address is longer than Peer Concerns accepts.");

  const longHeaders = await request.get("/sign-in", {
    headers: { Cookie: `crumbs=${"c".repeat(64 * 1024)}` },
  });
  expect(longHeaders.status()).toBe(431);
});
