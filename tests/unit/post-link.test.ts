import { describe, expect, it } from "vitest";
import { describePostLink } from "@/lib/domain/post-link";

describe("a post's link as shown to a colleague", () => {
  it("shows an ordinary link as it is", () => {
    expect(describePostLink("https://www.facebook.com/drsmith/posts/1?x=1")).toEqual({
      href: "https://www.facebook.com/drsmith/posts/1?x=1",
      host: "www.facebook.com",
      userPart: null,
    });
  });

  it("shows the real host of a link with a user part, and names the user part", () => {
    expect(describePostLink("https://facebook.com@evil.example/drsmith/posts/1")).toEqual({
      href: "https://evil.example/drsmith/posts/1",
      host: "evil.example",
      userPart: "facebook.com",
    });
    expect(describePostLink("https://facebook.com:443%2Fpost@evil.example/")?.userPart).toBe(
      "facebook.com:443/post",
    );
  });

  it("shows an internationalised name in punycode, so a look-alike cannot pass for the real site", () => {
    // "аpple.com" with a Cyrillic а.
    const link = describePostLink("https://\u0430pple.com/post");
    expect(link?.host).toBe("xn--pple-43d.com");
    expect(link?.href).toBe("https://xn--pple-43d.com/post");
    expect(describePostLink("https://bücher.example/")?.host).toBe("xn--bcher-kva.example");
  });

  it("gives nothing for text that is not an http(s) link", () => {
    expect(describePostLink("javascript:alert(1)")).toBeNull();
    expect(describePostLink("not a link")).toBeNull();
  });
});
