import { describe, expect, it } from "vitest";
import { canonicalPostUrl, describePostLink } from "@/lib/domain/post-link";

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

describe("what counts as the same post", () => {
  it.each([
    "https://social.example/p/1",
    "http://social.example/p/1",
    "https://WWW.Social.Example/p/1/",
    "HTTPS://SOCIAL.EXAMPLE./p/1",
    "https://social.example:443/p/1",
    "http://social.example:80/p/1",
    "https://social.example/p/1#comments",
    "https://social.example/p/1?utm_source=mail&fbclid=abc",
    "https://social.example/p/1?gclid=1&igshid=2&si=3&ref_src=twsrc&UTM_Campaign=x",
    "https://social.example/p/%31",
    "  https://social.example/p/1  ",
  ])("%s is the same post as https://social.example/p/1", (url) => {
    expect(canonicalPostUrl(url)).toBe("https://social.example/p/1");
  });

  it("keeps query parameters that pick the post, in a stable order", () => {
    expect(canonicalPostUrl("https://video.example/watch?v=abc&t=10")).toBe(
      canonicalPostUrl("https://video.example/watch?t=10&v=abc&utm_medium=x"),
    );
    expect(canonicalPostUrl("https://video.example/watch?v=abc")).not.toBe(
      canonicalPostUrl("https://video.example/watch?v=xyz"),
    );
  });

  it("spells percent-encoding one way in the path and the query", () => {
    expect(canonicalPostUrl("https://blog.example/a%7eb/c%2fd")).toBe(
      "https://blog.example/a~b/c%2Fd",
    );
    expect(canonicalPostUrl("https://blog.example/search?q=a%20b")).toBe(
      canonicalPostUrl("https://blog.example/search?q=a+b"),
    );
    expect(canonicalPostUrl("https://blog.example/search?q=%7E")).toBe(
      canonicalPostUrl("https://blog.example/search?q=~"),
    );
  });

  it("keeps a port that is not a default one, and tells different posts apart", () => {
    expect(canonicalPostUrl("https://social.example:8443/p/1")).toBe(
      "https://social.example:8443/p/1",
    );
    expect(canonicalPostUrl("https://social.example/p/1")).not.toBe(
      canonicalPostUrl("https://social.example/p/2"),
    );
  });

  it("compares internationalised names in their ASCII form", () => {
    expect(canonicalPostUrl("https://BÜCHER.example/p")).toBe("https://xn--bcher-kva.example/p");
  });
});
