import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

describe("the post-sign-in redirect", () => {
  it.each([
    "/admin/users?role=admin",
    "/compliance?sort=oldest#queue",
    "/concerns/6f1c1a52-2a4e-4c55-9d1b-0e6c3f0b6a11",
    "/compliance?q=a%20search",
  ])("keeps the path %j on this site", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/a\\..\\\\evil.example",
    "javascript:alert(1)",
    "/\r\nSet-Cookie: pwned=1",
    "/\t/evil.example/",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\u000b/evil.example",
    "/\u001f/evil.example",
    "/ /evil.example",
    " //evil.example",
    "/\u00a0/evil.example",
    "/\u3000/evil.example",
    "/\u200b/evil.example",
    "/\u2028/evil.example",
    "/\ufeff/evil.example",
    "/admin\u0000",
    "/\u0085next-line",
    "/%09/evil.example/",
    "/%0a/evil.example/",
    "/%20/evil.example/",
    "/%2F/evil.example/",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2509/evil.example/",
    "/%252F/evil.example/",
    "/%E2%80%8B/evil.example",
    "/%zz",
    "",
    undefined,
    42,
  ])("sends %j home instead", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });
});
