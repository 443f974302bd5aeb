import { once } from "node:events";
import { type AddressInfo, connect, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { noteDatabaseError, noteDatabaseReachable } from "@/db/reachability";
import { CLIENT_ADDRESS_HEADER, trustedClientAddress } from "@/lib/auth/client-address";
import { guardDatabaseOutage } from "@/scripts/launcher/database-outage";
import { type AppHandler, createLauncherServer } from "@/scripts/launcher/request-pipeline";

// The launcher's server with a stand-in for Next.js that reports what reached it.
let reachable = true;
let appAnswer: { status: number; losesDatabase?: boolean } = { status: 200 };
const reachedApp: { url: string; clientAddress: string | undefined; body: string }[] = [];
const app: AppHandler = async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  reachedApp.push({
    url: request.url ?? "",
    clientAddress: request.headers[CLIENT_ADDRESS_HEADER] as string | undefined,
    body: Buffer.concat(chunks).toString("utf8"),
  });
  if (appAnswer.losesDatabase) {
    noteDatabaseError(Object.assign(new Error("terminating connection"), { code: "57P01" }));
  }
  response.writeHead(appAnswer.status, { "Content-Type": "text/plain" });
  response.end("from the app");
};
const server = createLauncherServer({
  handle: app,
  outage: guardDatabaseOutage(async () => {
    if (reachable) noteDatabaseReachable();
    return reachable;
  }),
});
let origin = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  reachable = true;
  appAnswer = { status: 200 };
  reachedApp.length = 0;
  noteDatabaseReachable();
});

function outage() {
  reachable = false;
  noteDatabaseError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
}

describe("the launcher's request pipeline", () => {
  it("passes an ordinary request to the app", async () => {
    const response = await fetch(`${origin}/concerns?sort=newest`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("from the app");
    expect(reachedApp.map((r) => r.url)).toEqual(["/concerns?sort=newest"]);
  });

  it("refuses a path that is not valid percent-encoding with 400, before the app", async () => {
    const response = await fetch(`${origin}/concerns/%ED%A0%80`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await response.text()).toContain("That address is not valid.");
    expect(reachedApp).toEqual([]);
  });

  it("answers 503 try again while the database is away, JSON for route handlers, and serves again when it is back", async () => {
    outage();
    const page = await fetch(`${origin}/concerns`);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toMatch(/try again/i);

    const health = await fetch(`${origin}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get("content-type")).toContain("application/json");
    expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable" });
    expect(reachedApp).toEqual([]);

    reachable = true;
    expect((await fetch(`${origin}/concerns`)).status).toBe(200);
  });

  it("turns the app's 500 into 503 when the request met the outage", async () => {
    appAnswer = { status: 500 };
    expect((await fetch(`${origin}/concerns`)).status).toBe(500);
    appAnswer = { status: 500, losesDatabase: true };
    const response = await fetch(`${origin}/concerns`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });

  it("replaces a client-address header the client sent with the connection's own address, signed for the app", async () => {
    await fetch(`${origin}/sign-in`, { headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.9" } });
    const recorded = new Headers({ [CLIENT_ADDRESS_HEADER]: reachedApp[0]?.clientAddress ?? "" });
    expect(trustedClientAddress(recorded)).toBe("127.0.0.1");
  });

  it("answers an address over the server's limit with 414 and a short page, and reads what the client still sends instead of resetting the connection", async () => {
    const answer = await sendLikeASlowClient(
      `GET /compliance?q=${"A".repeat(1_000_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 414 /);
    expect(answer).toContain("<h1>Address too long</h1>");
    expect(answer).toContain("Content-Security-Policy: default-src 'none'");
    expect(reachedApp).toEqual([]);
  });

  it("answers a header block over the server's limit with 431 and a short page, never a reset", async () => {
    const answer = await sendLikeASlowClient(
      `GET /concerns HTTP/1.1\r\nHost: x\r\nCookie: ${"c".repeat(1_000_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain("<h1>Request too large</h1>");
  });

  it("answers bytes that are not HTTP with 400", async () => {
    const answer = await sendLikeASlowClient("NOT HTTP AT ALL\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it("refuses a body declared larger than 1 MB with 413 before anything reads it", async () => {
    const response = await fetch(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `password=${"x".repeat(2 * 1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: "What was sent is larger than 1 MB, so it was not read and nothing was saved.",
    });
    expect(reachedApp).toEqual([]);
    // The same client carries on.
    expect((await fetch(`${origin}/sign-in`)).status).toBe(200);
  });

  it("counts a body sent without a length as it arrives and refuses it past 1 MB", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const streamed = (chunks: number) =>
      fetch(`${origin}/api/auth/callback/credentials`, {
        method: "POST",
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < chunks; i++) controller.enqueue(chunk);
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
    expect((await streamed(40)).status).toBe(413);
    expect(reachedApp).toEqual([]);
    expect((await streamed(2)).status).toBe(200);
    expect(reachedApp[0]?.body).toHaveLength(128 * 1024);
  });

  it("lets the forms that carry files take them, and no other page more than 1 MB", async () => {
    const form = new FormData();
    form.append("description", "A post about a ward.");
    form.append("evidence", new Blob([new Uint8Array(3 * 1024 * 1024)]), "screenshot.png");
    const post = (path: string, body: FormData) =>
      fetch(`${origin}${path}`, { method: "POST", headers: { Origin: origin }, body });
    expect((await post("/concerns/new?colleague=x", form)).status).toBe(200);
    expect((await post("/compliance/record-concern", form)).status).toBe(200);
    expect((await post("/compliance/verify-export", form)).status).toBe(200);
    expect(reachedApp).toHaveLength(3);
    expect((await post("/notices/some-case", form)).status).toBe(413);
    expect(reachedApp).toHaveLength(3);
    // Past three files of the largest size and the form, the filing is refused too.
    const tooMuch = new FormData();
    tooMuch.append("evidence", new Blob([new Uint8Array(17 * 1024 * 1024)]), "big.png");
    const refused = await post("/concerns/new", tooMuch);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("larger than 16 MB");
    expect(reachedApp).toHaveLength(3);
  });

  it("refuses a server action whose body Next.js could not read with 400", async () => {
    const action = { "Next-Action": ACTION_ID, Origin: origin };
    for (const [what, headers, body] of [
      [
        "reply that is not JSON",
        { ...action, "Content-Type": "text/plain;charset=UTF-8" },
        '[{"garbage',
      ],
      [
        "multipart cut short",
        { ...action, "Content-Type": "multipart/form-data; boundary=xyz" },
        '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]',
      ],
      [
        "multipart without a boundary",
        { ...action, "Content-Type": "multipart/form-data" },
        "garbage--",
      ],
      [
        "multipart whose root is not JSON",
        { ...action, "Content-Type": "multipart/form-data; boundary=xyz" },
        multipart("xyz", { "0": '["$K1"' }),
      ],
      [
        "form without JavaScript cut short",
        { Origin: origin, "Content-Type": "multipart/form-data; boundary=xyz" },
        "garbage--",
      ],
    ] as const) {
      const response = await fetch(`${origin}/concerns/new`, { method: "POST", headers, body });
      expect(response.status, what).toBe(400);
      expect(await response.text(), what).toContain(
        "The form could not be read, so nothing was saved.",
      );
    }
    expect(reachedApp).toEqual([]);
  });

  it("passes a well-formed server action's body to the app exactly as sent", async () => {
    const bodies = [
      ["text/plain;charset=UTF-8", '["$K1"]', { "Next-Action": ACTION_ID }],
      [
        "multipart/form-data; boundary=xyz",
        multipart("xyz", { "0": '["$K1"]', "1_postUrl": "https://x.com/é" }),
        { "Next-Action": ACTION_ID },
      ],
      [
        "multipart/form-data; boundary=xyz",
        multipart("xyz", { $ACTION_ID_abc: "", postUrl: "https://x.com/1" }),
        {},
      ],
    ] as const;
    for (const [contentType, body, headers] of bodies) {
      const response = await fetch(`${origin}/concerns/new`, {
        method: "POST",
        headers: { ...headers, Origin: origin, "Content-Type": contentType },
        body,
      });
      expect(response.status).toBe(200);
    }
    expect(reachedApp.map((r) => r.body)).toEqual(bodies.map(([, body]) => body));
  });

  it("refuses a server action from another site with 403, as Next.js would but without its 500", async () => {
    const host = new URL(origin).host;
    for (const [headers, status] of [
      [{ Origin: "https://evil.example" }, 403],
      [{ Origin: "null" }, 403],
      [{ Origin: "not a url" }, 403],
      [{ Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" }, 200],
      [{ Origin: origin }, 200],
      [{}, 200],
      [{ Origin: `http://${host}`, "X-Forwarded-Host": "concerns.hospital.example" }, 403],
    ] as const) {
      const response = await fetch(`${origin}/concerns/new`, {
        method: "POST",
        headers: { ...headers, "Next-Action": ACTION_ID, "Content-Type": "text/plain" },
        body: "[]",
      });
      expect(response.status, JSON.stringify(headers)).toBe(status);
    }
    const refused = await fetch(`${origin}/concerns/new`, {
      method: "POST",
      headers: {
        Origin: "https://evil.example",
        "Content-Type": "multipart/form-data; boundary=x",
      },
      body: multipart("x", { $ACTION_ID_abc: "" }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("that is refused and nothing was done");
    expect(reachedApp).toHaveLength(3);
  });

  it("refuses a navigation-state header Next.js could not parse with 400, and passes a valid one", async () => {
    for (const malformed of ["[1,2", "%%%", encodeURIComponent('["",{"children":[1]}]')]) {
      const response = await fetch(`${origin}/concerns`, {
        headers: { RSC: "1", "Next-Router-State-Tree": malformed },
      });
      expect(response.status, malformed).toBe(400);
    }
    const valid = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }]));
    const response = await fetch(`${origin}/concerns`, {
      headers: { RSC: "1", "Next-Router-State-Tree": valid },
    });
    expect(response.status).toBe(200);
  });
});

/**
 * Sends a request as a client on a slow or busy link does: the first 64 KB, then the rest
 * only after the server has begun to answer. Resolves with all the server sent once the
 * connection closes; rejects if it was reset.
 */
async function sendLikeASlowClient(request: string): Promise<string> {
  const socket = connect(Number(new URL(origin).port), "127.0.0.1");
  await once(socket, "connect");
  let received = "";
  const answered = new Promise<void>((resolve) =>
    socket.on("data", (chunk) => {
      received += chunk;
      resolve();
    }),
  );
  const closed = new Promise<void>((resolve, reject) => {
    socket.on("error", reject);
    socket.on("close", () => resolve());
  });
  const CHUNK = 64 * 1024;
  await write(socket, request.slice(0, CHUNK));
  await answered;
  for (let at = CHUNK; at < request.length; at += CHUNK) {
    await write(socket, request.slice(at, at + CHUNK));
  }
  socket.end();
  await closed;
  return received;
}

function write(socket: Socket, text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    socket.write(text, (error) => (error ? reject(error) : resolve())),
  );
}

const ACTION_ID = "60417a499c74bf81a4a56a139e0731e21dc4482b9e";

function multipart(boundary: string, fields: Record<string, string>): string {
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return `${parts.join("")}--${boundary}--\r\n`;
}
