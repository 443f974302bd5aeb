import { describe, expect, it } from "vitest";
import type { FontName } from "@/lib/exports/pdf-fonts";
import { layoutParagraph, readsRightToLeft } from "@/lib/exports/text-runs";

const ORDER: FontName[] = ["sans", "arabic", "chinese", "emoji"];

// A stand-in for the fonts' character maps: Latin and punctuation in sans, Arabic (with
// space and punctuation) in arabic, CJK in chinese, pictographs in emoji.
function covers(font: FontName, codePoint: number): boolean {
  const char = String.fromCodePoint(codePoint);
  switch (font) {
    case "sans":
      return /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}\s\p{P}]/u.test(char);
    case "arabic":
      return /[\p{Script=Arabic}\s.,:]/u.test(char);
    case "chinese":
      return /[\p{Script=Han}\s]/u.test(char);
    case "emoji":
      return /\p{Extended_Pictographic}|\u2764/u.test(char);
  }
}

describe("splitting a paragraph into runs by font", () => {
  it("gives each script its font and keeps spaces and punctuation with the words around them", () => {
    expect(layoutParagraph("Post: مرحبا بك 医院 👍", ORDER, covers)).toEqual({
      rightToLeft: false,
      runs: [
        { font: "sans", text: "Post: " },
        { font: "arabic", text: "مرحبا بك " },
        { font: "chinese", text: "医院 " },
        { font: "emoji", text: "👍" },
      ],
    });
  });

  it("keeps a skin tone, a variation selector and a joined sequence with their emoji", () => {
    const { runs } = layoutParagraph("ok 👍🏽 ❤️ 👩‍⚕️", ORDER, covers);
    expect(runs.filter((run) => run.font === "emoji").map((run) => run.text)).toEqual([
      "👍🏽",
      "❤️",
      "👩‍⚕️",
    ]);
  });

  it("reads a paragraph that starts in Arabic right to left, with its runs in reverse order", () => {
    expect(readsRightToLeft("مرحبا Dr Smith")).toBe(true);
    expect(readsRightToLeft("Dr Smith: مرحبا")).toBe(false);
    expect(layoutParagraph("مرحبا Dr Smith", ORDER, covers)).toEqual({
      rightToLeft: true,
      runs: [
        { font: "sans", text: "Dr Smith" },
        { font: "arabic", text: "مرحبا " },
      ],
    });
  });

  it("falls back to the first font for a character no font has, never to a question mark", () => {
    expect(layoutParagraph("\u{10FFFD}", ORDER, covers).runs).toEqual([
      { font: "sans", text: "\u{10FFFD}" },
    ]);
  });
});
