import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "../../lib/exports/csv";

describe("neutraliseCell", () => {
  it.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
  ])("prefixes %j so a spreadsheet shows it as text", (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it.each(["Dr Ben Carter", "PC-000123", "1+1", "a=b", "", " =not first"])(
    "leaves %j alone",
    (input) => {
      expect(neutraliseCell(input)).toBe(input);
    },
  );
});

describe("toCsv", () => {
  it("quotes every cell, doubles quotes, keeps line breaks inside cells and ends lines with CRLF", () => {
    expect(
      toCsv([
        ["a", 'say "hi"', "two\nlines"],
        [null, undefined, "x,y"],
      ]),
    ).toBe('\uFEFF"a","say ""hi""","two\nlines"\r\n"","","x,y"\r\n');
  });

  it("neutralises formula prefixes in every cell of every row", () => {
    const csv = toCsv([
      ["=1", "ok"],
      ["ok", "@2"],
    ]);
    expect(csv).toBe('\uFEFF"\'=1","ok"\r\n"ok","\'@2"\r\n');
  });
});
