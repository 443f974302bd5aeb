import { describe, expect, it } from "vitest";
import { isCrossOrigin, isForeignNavigation } from "@/lib/http/same-origin";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";

describe("content security policy", () => {
  it("allows scripts only by nonce, and eval only in development", () => {
    const production = contentSecurityPolicy("abc", { dev: false });
    expect(production).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(production).not.toContain("unsafe-eval");
    expect(production).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("abc", { dev: true })).toContain("'unsafe-eval'");
  });

  it("lets the sign-in form reach the organisation's identity provider, and nothing else", () => {
    const policy = contentSecurityPolicy("abc", {
      dev: false,
      ssoIssuer: "https://login.hospital.example/realms/staff",
    });
    expect(policy).toContain("form-action 'self' https://login.hospital.example;");
  });

  it("sends HSTS only in production and no-store only where asked", () => {
    const dev = securityHeaders({ csp: "x", production: false, noStore: false });
    expect(dev).not.toHaveProperty("Strict-Transport-Security");
    expect(dev).not.toHaveProperty("Cache-Control");
    const prod = securityHeaders({ csp: "x", production: true, noStore: true });
    expect(prod["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(prod["Cache-Control"]).toContain("no-store");
  });
});

describe("cross-origin check for route handlers", () => {
  const post = (headers: Record<string, string>) =>
    new Request("http://concerns.hospital.example/api/x", {
      method: "POST",
      headers: { host: "concerns.hospital.example", ...headers },
    });

  it("refuses another site by Origin or by Sec-Fetch-Site", () => {
    expect(isCrossOrigin(post({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOrigin(post({ origin: "null" }))).toBe(true);
    expect(isCrossOrigin(post({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossOrigin(post({ "sec-fetch-site": "same-site" }))).toBe(true);
  });

  it("accepts its own pages, behind a TLS proxy too, and non-browser clients", () => {
    expect(isCrossOrigin(post({ origin: "https://concerns.hospital.example" }))).toBe(false);
    expect(
      isCrossOrigin(
        post({ origin: "https://concerns.hospital.example", "sec-fetch-site": "same-origin" }),
      ),
    ).toBe(false);
    expect(isCrossOrigin(post({}))).toBe(false);
  });
});

describe("a navigation from another site", () => {
  const arriving = (site?: string) => new Headers(site ? { "sec-fetch-site": site } : {});

  it("is another site's link, form or redirect, or a sibling site's", () => {
    expect(isForeignNavigation(arriving("cross-site"))).toBe(true);
    expect(isForeignNavigation(arriving("same-site"))).toBe(true);
  });

  it("is not a link on this site, a typed address or bookmark, or a non-browser client", () => {
    expect(isForeignNavigation(arriving("same-origin"))).toBe(false);
    expect(isForeignNavigation(arriving("none"))).toBe(false);
    expect(isForeignNavigation(arriving())).toBe(false);
  });
});
