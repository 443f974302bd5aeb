import { describe, expect, it } from "vitest";
import { DAY_MS, DEFAULT_WINDOWS } from "@/lib/domain/deadlines";
import type { WorkflowSettings } from "@/lib/queries/workflow-settings";
import { planDueConcerns } from "@/lib/services/concerns/advance-due-concerns";
import type { ConcernRow } from "@/lib/services/concerns/lock-concern";

const FILED = new Date("2026-03-02T09:00:00.000Z");
const DUE = new Date(FILED.getTime() + 7 * DAY_MS);
const SETTINGS = { windows: { ...DEFAULT_WINDOWS } } as WorkflowSettings;

function row(overrides: Partial<ConcernRow>): ConcernRow {
  return {
    id: "11111111-1111-4111-8111-111111111111",
    number: 1,
    reporterId: "22222222-2222-4222-8222-222222222222",
    subjectId: "33333333-3333-4333-8333-333333333333",
    subjectDepartmentId: null,
    postUrl: "https://x.com/someone/status/1",
    postUrlNormalised: "https://x.com/someone/status/1",
    platform: "x",
    seenOn: "2026-03-01",
    description: "A post.",
    categories: ["privacy"],
    otherConsideration: null,
    severity: "significantly_violates_norms",
    disclosure: "confidential",
    channel: "web",
    recordedById: null,
    sourceName: null,
    state: "awaiting_response",
    responseDueAt: DUE,
    confirmationDueAt: null,
    noticeOpenedAt: null,
    escalatedAt: null,
    closedAt: null,
    remediationAction: null,
    responseNote: null,
    respondedAt: null,
    outcome: null,
    outcomeRationale: null,
    outcomeSummary: null,
    externalAuthority: null,
    closedById: null,
    assigneeId: null,
    triageDueAt: null,
    decisionDueAt: null,
    nextDueAt: null,
    triageRemindedAt: null,
    decisionRemindedAt: null,
    createdAt: FILED,
    updatedAt: FILED,
    ...overrides,
  };
}

describe("the sweep's plan for a batch of locked rows", () => {
  it("plans nothing for a case whose wait is not over, to the millisecond", () => {
    expect(planDueConcerns([row({})], SETTINGS, new Date(DUE.getTime() - 1))).toEqual([]);
    expect(planDueConcerns([row({ state: "escalated" })], SETTINGS, DUE)).toEqual([]);
  });

  it("escalates a significant unanswered concern: its columns, audit event, who is told, and the officers' clocks as jobs", () => {
    const [change] = planDueConcerns([row({})], SETTINGS, DUE);
    expect(change!.set).toEqual({
      state: "escalated",
      escalatedAt: DUE,
      confirmationDueAt: null,
      triageDueAt: new Date("2026-03-11T09:00:00.000Z"),
      decisionDueAt: new Date(DUE.getTime() + 30 * DAY_MS),
      updatedAt: DUE,
    });
    expect(change!.audit).toEqual({
      actorId: null,
      action: "escalated_by_deadline",
      entityType: "concern",
      entityId: row({}).id,
      details: { from: "awaiting_response", to: "escalated" },
    });
    expect(change!.notice.recipients).toEqual(["subject", "reporter", "officers"]);
    expect(change!.notice.kind).toBe("escalated_by_deadline");
    const id = row({}).id;
    expect(change!.jobs).toEqual([
      { key: `concern-due:${id}`, add: undefined },
      { key: `concern-reminder:${id}` },
      {
        key: `officer-reminder:triage:${id}`,
        add: expect.objectContaining({ task: "remind-officers", runAt: change!.set.triageDueAt }),
      },
      {
        key: `officer-reminder:decision:${id}`,
        add: expect.objectContaining({ task: "remind-officers", runAt: change!.set.decisionDueAt }),
      },
    ]);
  });

  it("closes the other kinds as their table rows say, each with its own action, and leaves no job behind", () => {
    const changes = planDueConcerns(
      [
        row({ id: "a", severity: "appears_unprofessional" }),
        row({ id: "b", state: "remediation_reported", confirmationDueAt: DUE }),
        row({ id: "c", state: "disputed", confirmationDueAt: DUE }),
      ],
      SETTINGS,
      DUE,
    );
    expect(changes.map((c) => [c.set.state, c.audit.action, c.notice.recipients])).toEqual([
      ["lapsed", "lapsed", ["subject", "reporter"]],
      ["resolved", "auto_confirmed", ["reporter", "subject"]],
      ["dispute_accepted", "dispute_auto_accepted", ["reporter", "subject"]],
    ]);
    for (const change of changes) {
      expect(change.set).toMatchObject({ closedAt: DUE, confirmationDueAt: null });
      expect(change.jobs.every((job) => !job.add)).toBe(true);
    }
  });
});
