import { describe, expect, it } from "vitest";
import { concernReference, normalisePostUrl } from "@/lib/domain/concern-fields";

describe("what counts as the same post", () => {
  it.each([
    "https://social.example/p/1",
    "http://social.example/p/1",
    "https://WWW.Social.Example/p/1/",
    "https://social.example/p/1#comments",
    "https://social.example/p/1?utm_source=mail&fbclid=abc",
  ])("%s is the same post as https://social.example/p/1", (url) => {
    expect(normalisePostUrl(url)).toBe("https://social.example/p/1");
  });

  it("keeps query parameters that pick the post, in a stable order", () => {
    expect(normalisePostUrl("https://video.example/watch?v=abc&t=10")).toBe(
      normalisePostUrl("https://video.example/watch?t=10&v=abc"),
    );
    expect(normalisePostUrl("https://video.example/watch?v=abc")).not.toBe(
      normalisePostUrl("https://video.example/watch?v=xyz"),
    );
  });

  it("shows case numbers with a fixed width", () => {
    expect(concernReference(42)).toBe("PC-000042");
  });
});
