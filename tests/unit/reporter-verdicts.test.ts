import { describe, expect, it } from "vitest";
import { caseSeverity, decideReporterVerdict } from "@/lib/domain/reporter-verdicts";

const answers = (...verdicts: ("consent" | "objection" | null)[]) =>
  verdicts.map((verdict, i) => ({ reporterId: `r${i + 1}`, verdict }));

describe("answers from several colleagues who raised one post", () => {
  it("moves the case at once when the only reporter answers", () => {
    expect(decideReporterVerdict(answers(null), "r1", "consent")).toEqual({ kind: "move" });
    expect(decideReporterVerdict(answers(null), "r1", "objection")).toEqual({ kind: "move" });
  });

  it("only records a confirmation while other reporters have not confirmed", () => {
    expect(decideReporterVerdict(answers(null, null, null), "r2", "consent")).toEqual({
      kind: "record",
      stillToAnswer: 2,
    });
  });

  it("moves the case with the last confirmation", () => {
    expect(decideReporterVerdict(answers("consent", null), "r2", "consent")).toEqual({
      kind: "move",
    });
  });

  it("moves the case with any rejection, even after others confirmed", () => {
    expect(decideReporterVerdict(answers("consent", null, null), "r3", "objection")).toEqual({
      kind: "move",
    });
  });

  it("refuses a second answer from the same reporter, and a stranger's", () => {
    expect(decideReporterVerdict(answers("consent", null), "r1", "objection").kind).toBe("refuse");
    expect(decideReporterVerdict(answers(null), "someone", "consent").kind).toBe("refuse");
  });
});

describe("a case's severity", () => {
  it("is the highest any reporter gave", () => {
    expect(caseSeverity(["appears_unprofessional", "significantly_violates_norms"])).toBe(
      "significantly_violates_norms",
    );
    expect(caseSeverity(["appears_unprofessional", "appears_unprofessional"])).toBe(
      "appears_unprofessional",
    );
  });
});
