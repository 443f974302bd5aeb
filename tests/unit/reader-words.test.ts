import { describe, expect, it } from "vitest";
import { ALL_STATES } from "../../lib/domain/concern-workflow";
import { DAY_MS } from "../../lib/domain/deadlines";
import {
  describeNeed,
  describeWho,
  STATE_WORDS,
  stateInSentence,
  stateLabel,
  VIEWERS,
} from "../../lib/domain/reader-words";
import { neededFrom } from "../../lib/domain/waiting-on";

describe("every state, worded for every reader", () => {
  for (const viewer of VIEWERS) {
    for (const state of ALL_STATES) {
      it(`words ${state} for the ${viewer}: a capitalised label and a phrase for a sentence`, () => {
        expect(stateLabel(state, viewer)).toMatch(/^[A-Z][^.]+$/);
        expect(stateInSentence(state, viewer)).toMatch(/^[a-z][^.]+$/);
      });
    }
  }

  it("has words for exactly the workflow's states, for each reader", () => {
    for (const viewer of VIEWERS) {
      expect(Object.keys(STATE_WORDS[viewer]).sort()).toEqual([...ALL_STATES].sort());
    }
  });

  it("never calls the colleague reading their own notice 'the colleague'", () => {
    for (const state of ALL_STATES) {
      const words = `${stateLabel(state, "subject")} ${stateInSentence(state, "subject")}`;
      expect(words.replaceAll("the colleague who raised it", "")).not.toMatch(/the colleague/i);
    }
  });

  it("addresses each party as 'you' where the case waits on them or they acted", () => {
    expect(stateLabel("awaiting_response", "subject")).toBe("Awaiting your response");
    expect(stateLabel("disputed", "subject")).toBe("You disputed this");
    expect(stateLabel("remediation_reported", "subject")).toBe("You reported an action");
    expect(stateLabel("awaiting_response", "reporter")).toBe("Awaiting your colleague's response");
    expect(stateLabel("disputed", "reporter")).toBe("Disputed: your answer is needed");
    expect(stateLabel("withdrawn", "reporter")).toBe("You withdrew this concern");
  });

  it("words the states where someone is waited on differently for each reader", () => {
    for (const state of ["awaiting_response", "remediation_reported", "disputed"] as const) {
      const labels = new Set(VIEWERS.map((viewer) => stateLabel(state, viewer)));
      expect(labels.size, state).toBe(3);
    }
  });

  it("tells officers what the queue calls an unclaimed case", () => {
    expect(stateLabel("escalated", "officer")).toBe("Waiting for an officer");
    expect(stateLabel("escalated", "reporter")).toBe("With the compliance team");
  });
});

describe("who did it, on a timeline", () => {
  const reporter = { party: "reporter", name: "Zebulon Quillfeather", isReader: false } as const;

  it("is 'You' for the reader's own steps", () => {
    expect(describeWho({ party: "subject", name: "Ben", isReader: true }, "subject", false)).toBe(
      "You",
    );
  });

  it("never names a confidential reporter to the colleague, and names one who chose to be named", () => {
    expect(describeWho(reporter, "subject", false)).toBe("The colleague who raised this");
    expect(describeWho(reporter, "subject", true)).toBe("Zebulon Quillfeather");
    expect(describeWho(reporter, "officer", false)).toBe("Zebulon Quillfeather");
  });

  it("names officers to officers, and the compliance team to the parties", () => {
    const officer = { party: "officer", name: "Farah Haddad", isReader: false } as const;
    expect(describeWho(officer, "officer", false)).toBe("Farah Haddad");
    expect(describeWho(officer, "subject", false)).toBe("The compliance team");
    expect(describeWho(officer, "reporter", false)).toBe("The compliance team");
  });

  it("says a deadline moved the case", () => {
    expect(describeWho({ party: "system", name: null, isReader: false }, "subject", false)).toBe(
      "Peer Concerns (automatic)",
    );
  });
});

describe("what a case needs from its reader", () => {
  const NOW = new Date("2026-03-10T12:00:00Z");
  const due = new Date(NOW.getTime() + 7 * DAY_MS);
  const base = {
    responseDueAt: due,
    confirmationDueAt: null,
    assigneeId: null,
    triageDueAt: null,
    decisionDueAt: null,
  };

  it("asks the colleague for a response, and nothing of the reporter, while it awaits the response", () => {
    const concern = { ...base, state: "awaiting_response" as const };
    expect(neededFrom("subject", "s", concern)).toEqual({ need: "response", dueAt: due });
    expect(neededFrom("reporter", "r", concern)).toBeNull();
    expect(describeNeed("response")).toBe("Your response is needed by");
  });

  it("asks the reporter for an answer to a dispute", () => {
    const concern = { ...base, state: "disputed" as const, confirmationDueAt: due };
    expect(neededFrom("reporter", "r", concern)).toEqual({ need: "answer", dueAt: due });
    expect(neededFrom("subject", "s", concern)).toBeNull();
  });

  it("asks any officer to take on an unclaimed case, then only its holder to decide", () => {
    const triage = new Date(NOW.getTime() + 2 * DAY_MS);
    const decision = new Date(NOW.getTime() + 30 * DAY_MS);
    const escalated = {
      ...base,
      state: "escalated" as const,
      triageDueAt: triage,
      decisionDueAt: decision,
    };
    expect(neededFrom("officer", "o1", escalated)).toEqual({ need: "triage", dueAt: triage });
    const held = { ...escalated, state: "in_review" as const, assigneeId: "o1" };
    expect(neededFrom("officer", "o1", held)).toEqual({ need: "decision", dueAt: decision });
    expect(neededFrom("officer", "o2", held)).toBeNull();
    expect(neededFrom("subject", "s", held)).toBeNull();
  });

  it("needs nothing once the case is closed", () => {
    for (const viewer of VIEWERS) {
      expect(neededFrom(viewer, "x", { ...base, state: "resolved" })).toBeNull();
    }
  });
});
