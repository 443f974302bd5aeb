import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

describe("the post-sign-in redirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectPath("/admin/users?role=admin")).toBe("/admin/users?role=admin");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "/\r\nSet-Cookie: pwned=1",
    "/\t/evil.example/",
    "/\n/evil.example",
    "/admin\u0000",
    "/\u0085next-line",
    "",
    undefined,
    42,
  ])("sends %j home instead", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });
});
