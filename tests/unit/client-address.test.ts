import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { beforeEach, describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  holdClientAddressKey,
  recordClientAddress,
  trustedClientAddress,
} from "@/lib/auth/client-address";

/** A request as the launcher's server receives it, from `remoteAddress`. */
function requestFrom(remoteAddress: string, headers: Record<string, string> = {}) {
  const socket = new Socket();
  Object.defineProperty(socket, "remoteAddress", { value: remoteAddress });
  const request = new IncomingMessage(socket);
  request.headers = { ...headers };
  return request;
}

function headersOf(request: IncomingMessage): Headers {
  return new Headers({ [CLIENT_ADDRESS_HEADER]: String(request.headers[CLIENT_ADDRESS_HEADER]) });
}

// A fresh process: no launcher has started in it yet.
beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("peer-concerns.client-address-key")];
});

describe("the client address the app believes", () => {
  it("is none when the launcher did not start this process (the app served another way), whatever the client sends", () => {
    const forged = new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7" });
    expect(trustedClientAddress(forged)).toBeNull();
    const alsoForged = new Headers({
      [CLIENT_ADDRESS_HEADER]: `198.51.100.7; sig=${"A".repeat(43)}`,
    });
    expect(trustedClientAddress(alsoForged)).toBeNull();
  });

  it("is the connection's address the launcher recorded, replacing the client's claim", () => {
    holdClientAddressKey();
    const request = requestFrom("203.0.113.5", { [CLIENT_ADDRESS_HEADER]: "198.51.100.7" });
    recordClientAddress(request);
    expect(trustedClientAddress(headersOf(request))).toBe("203.0.113.5");
  });

  it("is none for a header the launcher did not sign: a bare address, a wrong signature, a signature moved to another address", () => {
    holdClientAddressKey();
    const request = requestFrom("203.0.113.5");
    recordClientAddress(request);
    const signature = String(request.headers[CLIENT_ADDRESS_HEADER]).split("; sig=")[1];
    for (const value of [
      "198.51.100.7",
      `198.51.100.7; sig=${"A".repeat(43)}`,
      `198.51.100.7; sig=${signature}`,
    ]) {
      expect(
        trustedClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: value })),
        value,
      ).toBeNull();
    }
  });

  it("signs with a key of this process only: another launcher's signature does not count", () => {
    holdClientAddressKey();
    const request = requestFrom("203.0.113.5");
    recordClientAddress(request);
    const signedElsewhere = headersOf(request);
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("peer-concerns.client-address-key")];
    holdClientAddressKey();
    expect(trustedClientAddress(signedElsewhere)).toBeNull();
  });

  it("behind a trusted reverse proxy, is the address the proxy appended last", () => {
    holdClientAddressKey();
    process.env.TRUST_PROXY = "true";
    try {
      const request = requestFrom("10.0.0.2", { "x-forwarded-for": "198.51.100.7, 203.0.113.5" });
      recordClientAddress(request);
      expect(trustedClientAddress(headersOf(request))).toBe("203.0.113.5");
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
});
