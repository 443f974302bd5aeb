import { describe, expect, it } from "vitest";
import { concernReference, withWebScheme } from "@/lib/domain/concern-fields";

describe("case references", () => {
  it("shows case numbers with a fixed width", () => {
    expect(concernReference(42)).toBe("PC-000042");
  });
});

describe("a link pasted without its scheme", () => {
  it("means the https address when it starts with a host", () => {
    expect(withWebScheme("www.example.com/post/1")).toBe("https://www.example.com/post/1");
    expect(withWebScheme("facebook.com/someone/posts/9")).toBe(
      "https://facebook.com/someone/posts/9",
    );
    expect(withWebScheme("x.com")).toBe("https://x.com");
  });

  it("leaves a link with a scheme, and anything that is not a host, as it was", () => {
    expect(withWebScheme("http://example.com/a")).toBe("http://example.com/a");
    expect(withWebScheme("javascript:alert(1)")).toBe("javascript:alert(1)");
    expect(withWebScheme("not a link")).toBe("not a link");
    expect(withWebScheme("/relative/path")).toBe("/relative/path");
    const template = ["$", "{alert(9)}{{constructor.constructor('x')()}}"].join("");
    expect(withWebScheme(template)).toBe(template);
  });
});
