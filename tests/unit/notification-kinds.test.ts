import { describe, expect, it } from "vitest";
import { TRANSITIONS } from "@/lib/domain/concern-workflow";
import {
  ALL_NOTIFICATION_KINDS,
  isReminder,
  NOTIFICATION_KINDS,
  policyOf,
  recipientsOf,
} from "@/lib/notifications/notification-kinds";

describe("which events notify whom", () => {
  it("sends the notice of a filing to the colleague", () => {
    expect(recipientsOf("concern_filed")).toEqual(["subject"]);
  });

  it("tells the reporter about a remediation or a dispute", () => {
    expect(recipientsOf("remediation_reported")).toEqual(["reporter"]);
    expect(recipientsOf("disputed")).toEqual(["reporter"]);
  });

  it("tells the colleague about a confirmation, a rejection, an acceptance and a withdrawal", () => {
    for (const kind of [
      "remediation_confirmed",
      "remediation_rejected",
      "dispute_accepted",
      "withdrawn",
    ] as const) {
      expect(recipientsOf(kind)).toEqual(["subject"]);
    }
  });

  it("tells the colleague and the officers about every escalation, and the reporter too when the deadline escalated it", () => {
    expect(recipientsOf("escalated_on_rejection").sort()).toEqual(["officers", "subject"]);
    expect(recipientsOf("escalated_on_dispute").sort()).toEqual(["officers", "subject"]);
    expect(recipientsOf("escalated_by_deadline").sort()).toEqual([
      "officers",
      "reporter",
      "subject",
    ]);
  });

  it("tells both parties about every closure that neither of them caused", () => {
    for (const kind of [
      "case_closed",
      "lapsed",
      "auto_confirmed",
      "dispute_auto_accepted",
    ] as const) {
      expect(recipientsOf(kind).sort()).toEqual(["reporter", "subject"]);
    }
  });

  it("reminds the colleague before the response deadline and the reporter before theirs", () => {
    expect(recipientsOf("reminder_response_due")).toEqual(["subject"]);
    expect(recipientsOf("reminder_answer_due")).toEqual(["reporter"]);
  });

  it("has a policy for every kind a transition produces, and names recipients only where no transition does", () => {
    const fromTransitions = new Set(
      Object.values(TRANSITIONS)
        .flatMap(({ outcome }) =>
          "significant" in outcome ? [outcome.significant, outcome.notSignificant] : [outcome],
        )
        .map((o) => o.audit),
    );
    for (const kind of fromTransitions) expect(NOTIFICATION_KINDS).toHaveProperty(kind);
    for (const kind of ALL_NOTIFICATION_KINDS) {
      if (fromTransitions.has(kind as never)) expect(NOTIFICATION_KINDS[kind].to).toBeUndefined();
      else expect(NOTIFICATION_KINDS[kind].to?.length).toBeGreaterThan(0);
    }
  });

  it("emails everything anyone is told, and lets people turn off reminders only", () => {
    for (const kind of ALL_NOTIFICATION_KINDS) {
      const policy = NOTIFICATION_KINDS[kind];
      if (recipientsOf(kind).length > 0) expect(policy.email).toBe(true);
      expect(policy.essential).toBe(!isReminder(kind));
    }
    expect(NOTIFICATION_KINDS.concern_filed.essential).toBe(true);
    expect(NOTIFICATION_KINDS.case_closed.essential).toBe(true);
  });

  it("treats a kind it does not know as essential, so it is never silently dropped", () => {
    expect(policyOf("officer_assigned_from_a_newer_release")).toMatchObject({
      email: true,
      essential: true,
    });
  });
});
