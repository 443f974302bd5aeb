import { describe, expect, it } from "vitest";
import { type CaseEvent, replayCaseHistory } from "@/lib/audit/replay-case-history";

const REPORTER = "11111111-1111-4111-8111-111111111111";
const COLLEAGUE = "22222222-2222-4222-8222-222222222222";
const OFFICER = "33333333-3333-4333-8333-333333333333";

const filed = (details: Record<string, unknown> = {}): CaseEvent => ({
  id: 1,
  actorId: REPORTER,
  action: "concern_filed",
  details: {
    to: "awaiting_response",
    subjectId: COLLEAGUE,
    disclosure: "confidential",
    ...details,
  },
});

const stored = {
  state: "awaiting_response",
  reporterId: REPORTER,
  subjectId: COLLEAGUE,
  disclosure: "confidential",
};

describe("replaying a case's history", () => {
  it("finds nothing to report when the row says what the events say", () => {
    const events: CaseEvent[] = [
      filed(),
      {
        id: 2,
        actorId: COLLEAGUE,
        action: "notice_opened",
        details: { from: "awaiting_response", to: "awaiting_response" },
      },
      {
        id: 3,
        actorId: COLLEAGUE,
        action: "disputed",
        details: { from: "awaiting_response", to: "disputed" },
      },
      { id: 4, actorId: OFFICER, action: "case_viewed", details: {} },
      {
        id: 5,
        actorId: REPORTER,
        action: "escalated_on_dispute",
        details: { from: "disputed", to: "escalated" },
      },
      {
        id: 6,
        actorId: OFFICER,
        action: "case_claimed",
        details: { from: "escalated", to: "in_review" },
      },
    ];
    expect(replayCaseHistory(events, { ...stored, state: "in_review" })).toEqual([]);
  });

  it("lets a colleague who joined the case answer as a reporter, and nobody else", () => {
    const JOINER = "44444444-4444-4444-8444-444444444444";
    const answer = (actorId: string): CaseEvent[] => [
      filed(),
      {
        id: 2,
        actorId: COLLEAGUE,
        action: "remediation_reported",
        details: { from: "awaiting_response", to: "remediation_reported" },
      },
      {
        id: 3,
        actorId,
        action: "escalated_on_rejection",
        details: { from: "remediation_reported", to: "escalated" },
      },
    ];
    const joining: CaseEvent = { id: 9, actorId: JOINER, action: "reporter_joined", details: {} };
    const [filing, ...rest] = answer(JOINER);
    expect(
      replayCaseHistory([filing!, joining, ...rest], { ...stored, state: "escalated" }),
    ).toEqual([]);
    expect(replayCaseHistory(answer(JOINER), { ...stored, state: "escalated" })).toHaveLength(1);
  });

  it("learns the colleague of a filing recorded before it named them from the colleague's own steps", () => {
    const events: CaseEvent[] = [
      filed({ subjectId: undefined }),
      {
        id: 2,
        actorId: COLLEAGUE,
        action: "notice_opened",
        details: { from: "awaiting_response", to: "awaiting_response" },
      },
    ];
    expect(replayCaseHistory(events, stored)).toEqual([]);
    expect(replayCaseHistory(events, { ...stored, subjectId: OFFICER })).toEqual([
      { id: 2, problem: "its stored colleague is not the one its events name" },
    ]);
  });

  it("reports a step the workflow does not allow, and one taken by the wrong party", () => {
    const events: CaseEvent[] = [
      filed(),
      {
        id: 2,
        actorId: OFFICER,
        action: "remediation_confirmed",
        details: { from: "awaiting_response", to: "resolved" },
      },
    ];
    expect(replayCaseHistory(events, { ...stored, state: "resolved" })).toEqual([
      {
        id: 2,
        problem: `it records "remediation_confirmed", which cannot move a case from "awaiting_response" to "resolved"`,
      },
      {
        id: 2,
        problem: `only the reporter may record "remediation_confirmed", but someone else did: the event or the case was altered`,
      },
    ]);
  });

  it("takes an event that does not say where it moved from at its word, as seeded history does", () => {
    const events: CaseEvent[] = [
      filed(),
      { id: 2, actorId: REPORTER, action: "remediation_confirmed", details: { to: "resolved" } },
    ];
    expect(replayCaseHistory(events, { ...stored, state: "resolved" })).toEqual([]);
  });

  it("reports a history that does not start with its filing, and events of a case that is gone", () => {
    const claim: CaseEvent = {
      id: 7,
      actorId: OFFICER,
      action: "case_claimed",
      details: { from: "escalated", to: "in_review" },
    };
    expect(replayCaseHistory([claim], stored)).toEqual([
      {
        id: 7,
        problem: "its history does not start with its filing: the filing event was removed",
      },
    ]);
    expect(replayCaseHistory([filed()], null)).toEqual([
      {
        id: null,
        problem: "its events describe a case that is not in the database: the case was deleted",
      },
    ]);
  });
});
