import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { ALL_STATES, TRANSITIONS } from "@/lib/domain/concern-workflow";
import {
  complianceClock,
  deadlineFor,
  overdueComplianceClock,
  statesByDeadline,
  waitingOn,
} from "@/lib/domain/waiting-on";
import { waitIsOver } from "@/lib/queries/due-concerns";

const responseDueAt = new Date("2026-03-10T09:00:00Z");
const confirmationDueAt = new Date("2026-03-12T09:00:00Z");

describe("whom a case waits on", () => {
  it("waits on the colleague to respond, then on the reporter to answer, and on nobody after", () => {
    const wait = (state: (typeof ALL_STATES)[number]) =>
      waitingOn({ state, responseDueAt, confirmationDueAt });
    expect(wait("awaiting_response")).toMatchObject({
      party: "subject",
      dueAt: responseDueAt,
      timedEvent: "response_deadline_passed",
      reminder: "reminder_response_due",
    });
    expect(wait("remediation_reported")).toMatchObject({
      party: "reporter",
      dueAt: confirmationDueAt,
      timedEvent: "confirmation_window_passed",
    });
    expect(wait("disputed")).toMatchObject({
      party: "reporter",
      timedEvent: "dispute_window_passed",
    });
    for (const state of ["escalated", "in_review", "resolved", "withdrawn", "closed"] as const) {
      expect(wait(state), state).toBeNull();
    }
  });

  it("gives a party their own deadline only", () => {
    const concern = { state: "awaiting_response" as const, responseDueAt, confirmationDueAt: null };
    expect(deadlineFor("subject", concern)).toEqual(responseDueAt);
    expect(deadlineFor("reporter", concern)).toBeNull();
  });

  it("ends each wait with a timed event that the transition table lets the system cause from that state", () => {
    for (const state of ALL_STATES) {
      const wait = waitingOn({ state, responseDueAt, confirmationDueAt });
      if (!wait) continue;
      const rule = TRANSITIONS[wait.timedEvent];
      expect(rule.actors, state).toEqual(["system"]);
      expect(rule.from, state).toContain(state);
    }
  });
});

describe("the deadline sweep's query", () => {
  it("names exactly the states that wait on a party, each against the deadline the rule gives it", () => {
    const waiting = ALL_STATES.filter((state) =>
      waitingOn({ state, responseDueAt, confirmationDueAt }),
    );
    const grouped = statesByDeadline();
    expect(grouped.flatMap((group) => group.states).sort()).toEqual([...waiting].sort());
    for (const { deadline, states } of grouped) {
      for (const state of states) {
        const wait = waitingOn({ state, responseDueAt, confirmationDueAt })!;
        expect(wait.dueAt, state).toEqual(
          deadline === "responseDueAt" ? responseDueAt : confirmationDueAt,
        );
      }
    }

    // Each state against its own deadline column, as the rule pairs them.
    const now = new Date();
    const query = new PgDialect({ casing: "snake_case" }).sqlToQuery(waitIsOver(now));
    expect(query.sql).toBe(
      '(("concerns"."state" in ($1) and "concerns"."response_due_at" <= $2) or ("concerns"."state" in ($3, $4) and "concerns"."confirmation_due_at" <= $5))',
    );
    expect(query.params).toEqual([
      "awaiting_response",
      now.toISOString(),
      "remediation_reported",
      "disputed",
      now.toISOString(),
    ]);
  });
});

describe("the compliance clock", () => {
  const escalated = {
    state: "escalated" as const,
    assigneeId: null,
    triageDueAt: new Date("2026-03-04T09:00:00Z"),
    decisionDueAt: new Date("2026-04-01T09:00:00Z"),
  };

  it("runs triage until an officer holds the case, then the decision, and nothing once closed", () => {
    expect(complianceClock(escalated)).toEqual({ clock: "triage", dueAt: escalated.triageDueAt });
    expect(complianceClock({ ...escalated, state: "in_review", assigneeId: "someone" })).toEqual({
      clock: "decision",
      dueAt: escalated.decisionDueAt,
    });
    expect(complianceClock({ ...escalated, state: "closed" })).toBeNull();
  });

  it("calls a case overdue on the clock that ran out, a missed decision before a missed triage", () => {
    expect(overdueComplianceClock(escalated, new Date("2026-03-03T09:00:00Z"))).toBeNull();
    expect(overdueComplianceClock(escalated, new Date("2026-03-04T09:00:00Z"))).toBe("triage");
    expect(overdueComplianceClock(escalated, new Date("2026-04-02T09:00:00Z"))).toBe("decision");
    const held = { ...escalated, state: "in_review" as const, assigneeId: "someone" };
    expect(overdueComplianceClock(held, new Date("2026-03-05T09:00:00Z"))).toBeNull();
  });
});
