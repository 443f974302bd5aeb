import { describe, expect, it } from "vitest";
import {
  type ActorRelation,
  ALL_ACTORS,
  ALL_EVENT_TYPES,
  ALL_STATES,
  availableEvents,
  type ConcernEvent,
  type ConcernEventType,
  type ConcernSnapshot,
  type ConcernState,
  decideTransition,
  isTerminal,
  type Recipient,
  type TransitionDecision,
  viewerOf,
} from "../../lib/domain/concern-workflow";
import { DAY_MS, HOUR_MS } from "../../lib/domain/deadlines";
import { stateInSentence } from "../../lib/domain/reader-words";

const NOW = new Date("2025-03-10T12:00:00.000Z");
// Different lengths, so a test can tell which window a deadline came from.
const WINDOWS = {
  remediationWindowMs: 7 * DAY_MS,
  confirmationWindowMs: 3 * DAY_MS,
  triageBusinessDays: 2,
  decisionWindowMs: 30 * DAY_MS,
};
// NOW is a Monday: two business days later is Wednesday, same time.
const TRIAGE_DUE = new Date("2025-03-12T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** Deadlines already behind us, so timed events are due unless a test says otherwise. */
function concernIn(state: ConcernState, overrides: Partial<ConcernSnapshot> = {}): ConcernSnapshot {
  return {
    state,
    significant: true,
    responseDueAt: ago(HOUR_MS),
    confirmationDueAt: ago(HOUR_MS),
    assigneeId: null,
    ...overrides,
  };
}

const VALID_EVENTS: Record<ConcernEventType, ConcernEvent> = {
  open_notice: { type: "open_notice" },
  report_remediation: { type: "report_remediation", action: "removed", note: "Deleted it." },
  dispute: { type: "dispute", explanation: "The photo is of a manikin, not a patient." },
  confirm_remediation: { type: "confirm_remediation" },
  reject_remediation: { type: "reject_remediation", reason: "The post is still public." },
  accept_dispute: { type: "accept_dispute" },
  escalate_dispute: { type: "escalate_dispute", reason: "The wristband shows a name." },
  withdraw: { type: "withdraw" },
  response_deadline_passed: { type: "response_deadline_passed" },
  confirmation_window_passed: { type: "confirmation_window_passed" },
  dispute_window_passed: { type: "dispute_window_passed" },
  close_case: { type: "close_case", outcome: "coaching", rationale: "First occurrence." },
  claim: { type: "claim" },
  assign: { type: "assign", assigneeId: "officer-2" },
  release: { type: "release" },
  reopen: { type: "reopen", reason: "New evidence from the licensing board." },
};

function decide(
  concern: ConcernSnapshot,
  event: ConcernEvent | ConcernEventType,
  actor: ActorRelation,
  now = NOW,
): TransitionDecision {
  const fullEvent = typeof event === "string" ? VALID_EVENTS[event] : event;
  return decideTransition({ concern, event: fullEvent, actor, now, windows: WINDOWS });
}

function accepted(decision: TransitionDecision) {
  if (!decision.ok) throw new Error(`expected acceptance, got ${decision.code}`);
  return decision;
}

/** The workflow as DOMAIN.md describes it, written out independently of the module's table. */
interface LegalTransition {
  state: ConcernState;
  event: ConcernEventType;
  actor: ActorRelation;
  /** Omitted when the outcome is the same either way; the test then tries both. */
  significant?: boolean;
  to: ConcernState;
  audit: string;
  notify: Recipient[];
}

const LEGAL: LegalTransition[] = [
  ...ALL_STATES.map(
    (state): LegalTransition => ({
      state,
      event: "open_notice",
      actor: "subject",
      to: state,
      audit: "notice_opened",
      notify: [],
    }),
  ),
  ...(["awaiting_response", "disputed"] as const).map(
    (state): LegalTransition => ({
      state,
      event: "report_remediation",
      actor: "subject",
      to: "remediation_reported",
      audit: "remediation_reported",
      notify: ["reporter"],
    }),
  ),
  {
    state: "awaiting_response",
    event: "dispute",
    actor: "subject",
    to: "disputed",
    audit: "disputed",
    notify: ["reporter"],
  },
  {
    state: "remediation_reported",
    event: "confirm_remediation",
    actor: "reporter",
    to: "resolved",
    audit: "remediation_confirmed",
    notify: ["subject"],
  },
  {
    state: "remediation_reported",
    event: "reject_remediation",
    actor: "reporter",
    significant: true,
    to: "escalated",
    audit: "escalated_on_rejection",
    notify: ["subject", "officers"],
  },
  {
    state: "remediation_reported",
    event: "reject_remediation",
    actor: "reporter",
    significant: false,
    to: "awaiting_response",
    audit: "remediation_rejected",
    notify: ["subject"],
  },
  {
    state: "disputed",
    event: "accept_dispute",
    actor: "reporter",
    to: "dispute_accepted",
    audit: "dispute_accepted",
    notify: ["subject"],
  },
  {
    state: "disputed",
    event: "escalate_dispute",
    actor: "reporter",
    significant: true,
    to: "escalated",
    audit: "escalated_on_dispute",
    notify: ["subject", "officers"],
  },
  ...(["awaiting_response", "remediation_reported", "disputed"] as const).map(
    (state): LegalTransition => ({
      state,
      event: "withdraw",
      actor: "reporter",
      to: "withdrawn",
      audit: "withdrawn",
      notify: ["subject"],
    }),
  ),
  {
    state: "awaiting_response",
    event: "response_deadline_passed",
    actor: "system",
    significant: true,
    to: "escalated",
    audit: "escalated_by_deadline",
    notify: ["subject", "reporter", "officers"],
  },
  {
    state: "awaiting_response",
    event: "response_deadline_passed",
    actor: "system",
    significant: false,
    to: "lapsed",
    audit: "lapsed",
    notify: ["subject", "reporter"],
  },
  {
    state: "remediation_reported",
    event: "confirmation_window_passed",
    actor: "system",
    to: "resolved",
    audit: "auto_confirmed",
    notify: ["reporter", "subject"],
  },
  {
    state: "disputed",
    event: "dispute_window_passed",
    actor: "system",
    to: "dispute_accepted",
    audit: "dispute_auto_accepted",
    notify: ["reporter", "subject"],
  },
  {
    state: "escalated",
    event: "claim",
    actor: "officer",
    to: "in_review",
    audit: "case_claimed",
    notify: [],
  },
  ...(["escalated", "in_review"] as const).flatMap((state) =>
    (["officer", "assignee"] as const).map(
      (actor): LegalTransition => ({
        state,
        event: "assign",
        actor,
        to: "in_review",
        audit: "case_assigned",
        notify: ["assignee"],
      }),
    ),
  ),
  {
    state: "in_review",
    event: "release",
    actor: "assignee",
    to: "escalated",
    audit: "case_released",
    notify: [],
  },
  {
    state: "in_review",
    event: "close_case",
    actor: "assignee",
    to: "closed",
    audit: "case_closed",
    notify: ["subject", "reporter"],
  },
  ...(["officer", "assignee", "admin"] as const).map(
    (actor): LegalTransition => ({
      state: "closed",
      event: "reopen",
      actor,
      to: "escalated",
      audit: "case_reopened",
      notify: ["subject", "reporter", "officers"],
    }),
  ),
];

/** Who may cause each event, whatever the state. */
const PERMITTED_ACTORS: Record<ConcernEventType, ActorRelation[]> = {
  open_notice: ["subject"],
  report_remediation: ["subject"],
  dispute: ["subject"],
  confirm_remediation: ["reporter"],
  reject_remediation: ["reporter"],
  accept_dispute: ["reporter"],
  escalate_dispute: ["reporter"],
  withdraw: ["reporter"],
  response_deadline_passed: ["system"],
  confirmation_window_passed: ["system"],
  dispute_window_passed: ["system"],
  claim: ["officer"],
  assign: ["officer", "assignee"],
  release: ["assignee"],
  close_case: ["assignee"],
  reopen: ["officer", "assignee", "admin"],
};

const comboKey = (state: ConcernState, event: ConcernEventType, actor: ActorRelation) =>
  `${state}|${event}|${actor}`;
const LEGAL_KEYS = new Set(LEGAL.map((t) => comboKey(t.state, t.event, t.actor)));

const significanceLabel = (significant: boolean) =>
  significant ? "a significant" : "a non-significant";

describe("the vocabulary", () => {
  it("names every state, event and actor of DOMAIN.md", () => {
    expect([...ALL_STATES].sort()).toEqual(
      [
        "awaiting_response",
        "closed",
        "dispute_accepted",
        "disputed",
        "escalated",
        "in_review",
        "lapsed",
        "remediation_reported",
        "resolved",
        "withdrawn",
      ].sort(),
    );
    expect([...ALL_EVENT_TYPES].sort()).toEqual(Object.keys(PERMITTED_ACTORS).sort());
    expect([...ALL_ACTORS].sort()).toEqual([
      "admin",
      "assignee",
      "officer",
      "reporter",
      "subject",
      "system",
    ]);
  });

  it("treats exactly resolved, dispute_accepted, withdrawn, lapsed and closed as terminal", () => {
    expect(ALL_STATES.filter(isTerminal).sort()).toEqual(
      ["closed", "dispute_accepted", "lapsed", "resolved", "withdrawn"].sort(),
    );
  });
});

describe("legal transitions", () => {
  for (const t of LEGAL) {
    for (const significant of t.significant === undefined ? [true, false] : [t.significant]) {
      const notified = t.notify.length ? `notifies ${t.notify.join(", ")}` : "notifies nobody";
      it(`${t.event} by the ${t.actor} on ${significanceLabel(significant)} concern in ${t.state} moves to ${t.to}, records ${t.audit} and ${notified}`, () => {
        const decision = accepted(decide(concernIn(t.state, { significant }), t.event, t.actor));
        expect(decision.from).toBe(t.state);
        expect(decision.to).toBe(t.to);
        expect(decision.auditAction).toBe(t.audit);
        expect(decision.notify.map((n) => n.recipient).sort()).toEqual([...t.notify].sort());
        for (const notification of decision.notify) expect(notification.kind).toBe(t.audit);
      });
    }
  }

  for (const t of LEGAL.filter((legal) => isTerminal(legal.to) && legal.to !== legal.state)) {
    it(`${t.event} from ${t.state} closes the case now and clears the reporter's deadline`, () => {
      const decision = accepted(
        decide(concernIn(t.state, { significant: t.significant ?? true }), t.event, t.actor),
      );
      expect(decision.changes).toEqual({ closedAt: NOW, confirmationDueAt: null });
    });
  }

  it("opening the notice changes nothing, even on a closed case", () => {
    const decision = accepted(decide(concernIn("closed"), "open_notice", "subject"));
    expect(decision.to).toBe("closed");
    expect(decision.changes).toEqual({});
  });

  it("reporting a remediation gives the reporter the confirmation window to answer", () => {
    for (const state of ["awaiting_response", "disputed"] as const) {
      const decision = accepted(decide(concernIn(state), "report_remediation", "subject"));
      expect(decision.changes).toEqual({ confirmationDueAt: later(3 * DAY_MS) });
    }
  });

  it("disputing gives the reporter the confirmation window to answer", () => {
    const decision = accepted(decide(concernIn("awaiting_response"), "dispute", "subject"));
    expect(decision.changes).toEqual({ confirmationDueAt: later(3 * DAY_MS) });
  });

  it("every escalation records when it happened, clears the reporter's deadline and starts the compliance clocks", () => {
    const escalations = LEGAL.filter(
      (t) => t.to === "escalated" && !["escalated", "in_review", "closed"].includes(t.state),
    );
    expect(escalations).toHaveLength(3);
    for (const t of escalations) {
      const decision = accepted(decide(concernIn(t.state), t.event, t.actor));
      expect(decision.changes).toEqual({
        escalatedAt: NOW,
        confirmationDueAt: null,
        triageDueAt: TRIAGE_DUE,
        decisionDueAt: later(30 * DAY_MS),
      });
    }
  });

  it("claiming leaves the dates alone (the service records who claimed)", () => {
    expect(accepted(decide(concernIn("escalated"), "claim", "officer")).changes).toEqual({});
  });

  it("assigning names the officer who now holds the case", () => {
    const decision = accepted(
      decide(concernIn("in_review", { assigneeId: "officer-1" }), "assign", "officer"),
    );
    expect(decision.changes).toEqual({ assigneeId: "officer-2" });
  });

  it("refuses to assign a case to the officer who already holds it", () => {
    const concern = concernIn("in_review", { assigneeId: "officer-2" });
    expect(decide(concern, "assign", "assignee")).toMatchObject({
      ok: false,
      code: "invalid_payload",
    });
  });

  it("releasing returns the case to the queue with its clocks still running", () => {
    const decision = accepted(
      decide(concernIn("in_review", { assigneeId: "officer-1" }), "release", "assignee"),
    );
    expect(decision.changes).toEqual({ assigneeId: null });
  });

  it("reopening makes the case open and unassigned again, with fresh clocks from now", () => {
    const decision = accepted(decide(concernIn("closed"), "reopen", "admin"));
    expect(decision.to).toBe("escalated");
    expect(decision.changes).toEqual({
      closedAt: null,
      assigneeId: null,
      triageDueAt: TRIAGE_DUE,
      decisionDueAt: later(30 * DAY_MS),
    });
  });

  it("refuses to reopen without a reason", () => {
    const event: ConcernEvent = { type: "reopen", reason: "  " };
    expect(decide(concernIn("closed"), event, "officer")).toMatchObject({
      code: "invalid_payload",
    });
  });

  it("rejecting a non-significant remediation gives the colleague a fresh remediation window", () => {
    const concern = concernIn("remediation_reported", {
      significant: false,
      responseDueAt: ago(5 * DAY_MS),
      confirmationDueAt: later(DAY_MS),
    });
    const decision = accepted(decide(concern, "reject_remediation", "reporter"));
    expect(decision.to).toBe("awaiting_response");
    expect(decision.changes).toEqual({
      responseDueAt: later(7 * DAY_MS),
      confirmationDueAt: null,
    });

    const reopened = concernIn("awaiting_response", {
      significant: false,
      responseDueAt: decision.changes.responseDueAt!,
      confirmationDueAt: null,
    });
    expect(decide(reopened, "response_deadline_passed", "system")).toMatchObject({
      ok: false,
      code: "not_due",
    });
  });

  it("a withdrawal needs no reason", () => {
    const decision = decide(concernIn("disputed"), { type: "withdraw" }, "reporter");
    expect(decision.ok).toBe(true);
  });
});

describe("every other (state, event, actor) combination is refused", () => {
  const illegal = ALL_STATES.flatMap((state) =>
    ALL_EVENT_TYPES.flatMap((event) =>
      ALL_ACTORS.map((actor) => ({ state, event, actor })).filter(
        ({ actor }) => !LEGAL_KEYS.has(comboKey(state, event, actor)),
      ),
    ),
  );

  it("leaves only the legal combinations out", () => {
    expect(illegal).toHaveLength(
      ALL_STATES.length * ALL_EVENT_TYPES.length * ALL_ACTORS.length - LEGAL_KEYS.size,
    );
  });

  for (const { state, event, actor } of illegal) {
    const expected = PERMITTED_ACTORS[event].includes(actor)
      ? "wrong_state"
      : "actor_not_permitted";
    it(`${actor} causing ${event} in ${state} is refused as ${expected}`, () => {
      for (const significant of [true, false]) {
        const decision = decide(concernIn(state, { significant }), event, actor);
        expect(decision).toMatchObject({ ok: false, code: expected });
        if (!decision.ok && decision.code === "wrong_state") {
          expect(decision.state).toBe(state);
          expect(decision.message).toBe(
            `This case has moved on: it is now ${stateInSentence(state, viewerOf(actor))}.`,
          );
        }
      }
    });
  }

  it("tells the user who may take a step they are not permitted to take", () => {
    const decision = decide(concernIn("remediation_reported"), "confirm_remediation", "subject");
    expect(decision).toMatchObject({
      ok: false,
      code: "actor_not_permitted",
      message: "Only the colleague who raised this concern can do this.",
    });
  });

  it("tells an officer that only the officer holding the case may decide it", () => {
    const decision = decide(concernIn("in_review"), "close_case", "officer");
    expect(decision).toMatchObject({
      ok: false,
      code: "actor_not_permitted",
      message: "Only the compliance officer the case is assigned to can do this.",
    });
  });

  it("reports the actor problem before the state problem", () => {
    const decision = decide(concernIn("closed"), "close_case", "reporter");
    expect(decision).toMatchObject({ ok: false, code: "actor_not_permitted" });
  });
});

describe("significance", () => {
  it("refuses to escalate a dispute about a concern that is not significant", () => {
    const concern = concernIn("disputed", { significant: false });
    expect(decide(concern, "escalate_dispute", "reporter")).toMatchObject({
      ok: false,
      code: "not_significant",
      message: expect.stringMatching(/accept the explanation or withdraw/),
    });
  });

  it("reports the wrong state before the lack of significance", () => {
    const concern = concernIn("awaiting_response", { significant: false });
    expect(decide(concern, "escalate_dispute", "reporter")).toMatchObject({ code: "wrong_state" });
  });

  it("reports the lack of significance before a blank reason", () => {
    const concern = concernIn("disputed", { significant: false });
    const event: ConcernEvent = { type: "escalate_dispute", reason: " " };
    expect(decide(concern, event, "reporter")).toMatchObject({ code: "not_significant" });
  });
});

describe("timed events wait for their deadline", () => {
  const timed = [
    { event: "response_deadline_passed", state: "awaiting_response", field: "responseDueAt" },
    {
      event: "confirmation_window_passed",
      state: "remediation_reported",
      field: "confirmationDueAt",
    },
    { event: "dispute_window_passed", state: "disputed", field: "confirmationDueAt" },
  ] as const;

  for (const { event, state, field } of timed) {
    it(`${event} is refused as not_due one millisecond before ${field}`, () => {
      const concern = concernIn(state, { [field]: later(1) });
      expect(decide(concern, event, "system")).toMatchObject({ ok: false, code: "not_due" });
    });

    it(`${event} is allowed at the exact instant of ${field}`, () => {
      const concern = concernIn(state, { [field]: NOW });
      expect(decide(concern, event, "system").ok).toBe(true);
    });
  }

  it("a reporter deadline that was never set never passes", () => {
    const concern = concernIn("remediation_reported", { confirmationDueAt: null });
    expect(decide(concern, "confirmation_window_passed", "system")).toMatchObject({
      code: "not_due",
    });
  });
});

describe("payloads", () => {
  const closeCase = (outcome: "coaching" | "referred_external", extra = {}): ConcernEvent => ({
    type: "close_case",
    outcome,
    rationale: "Reviewed the post and both accounts.",
    ...extra,
  });

  it("refuses a referral to an external authority that does not name the authority", () => {
    for (const externalAuthority of [undefined, "", "   "]) {
      const decision = decide(
        concernIn("in_review"),
        closeCase("referred_external", { externalAuthority }),
        "assignee",
      );
      expect(decision).toMatchObject({
        ok: false,
        code: "invalid_payload",
        field: "externalAuthority",
      });
    }
  });

  it("names the field a missing note belongs to, so the form shows it there", () => {
    const event: ConcernEvent = { type: "report_remediation", action: "other", note: " " };
    expect(decide(concernIn("awaiting_response"), event, "subject")).toMatchObject({
      code: "invalid_payload",
      field: "note",
    });
  });

  it("accepts a referral that names the authority", () => {
    const event = closeCase("referred_external", { externalAuthority: "State Medical Board" });
    expect(decide(concernIn("in_review"), event, "assignee").ok).toBe(true);
  });

  it("does not ask for an authority when the case was not referred", () => {
    expect(decide(concernIn("in_review"), closeCase("coaching"), "assignee").ok).toBe(true);
  });

  it("refuses to close a case without a rationale", () => {
    const event: ConcernEvent = { type: "close_case", outcome: "no_violation", rationale: " " };
    expect(decide(concernIn("in_review"), event, "assignee")).toMatchObject({
      code: "invalid_payload",
    });
  });

  it("refuses blank explanations and reasons the other party or an officer will read", () => {
    const cases: Array<[ConcernState, ConcernEvent, ActorRelation]> = [
      ["awaiting_response", { type: "dispute", explanation: "" }, "subject"],
      ["remediation_reported", { type: "reject_remediation", reason: "  " }, "reporter"],
      ["disputed", { type: "escalate_dispute", reason: "" }, "reporter"],
      ["awaiting_response", { type: "report_remediation", action: "other", note: " " }, "subject"],
    ];
    for (const [state, event, actor] of cases) {
      expect(decide(concernIn(state), event, actor)).toMatchObject({ code: "invalid_payload" });
    }
  });

  it("lets a removed, edited or privatised post be reported without a note", () => {
    for (const action of ["removed", "edited", "made_private"] as const) {
      const event: ConcernEvent = { type: "report_remediation", action, note: "" };
      expect(decide(concernIn("awaiting_response"), event, "subject").ok).toBe(true);
    }
  });
});

describe("availableEvents", () => {
  it("offers the colleague opening, remediation and dispute while a response is awaited", () => {
    expect(availableEvents("awaiting_response", "subject", true)).toEqual([
      "open_notice",
      "report_remediation",
      "dispute",
    ]);
  });

  it("offers the reporter escalation of a dispute only when the concern is significant", () => {
    expect(availableEvents("disputed", "reporter", true)).toEqual([
      "accept_dispute",
      "escalate_dispute",
      "withdraw",
    ]);
    expect(availableEvents("disputed", "reporter", false)).toEqual(["accept_dispute", "withdraw"]);
  });

  it("offers an officer claiming or assigning an escalated case, and nothing before escalation", () => {
    expect(availableEvents("escalated", "officer", true)).toEqual(["claim", "assign"]);
    expect(availableEvents("disputed", "officer", true)).toEqual([]);
  });

  it("offers the officer holding a case reassigning, releasing and closing it", () => {
    expect(availableEvents("in_review", "assignee", true)).toEqual([
      "assign",
      "release",
      "close_case",
    ]);
    expect(availableEvents("in_review", "officer", true)).toEqual(["assign"]);
  });

  it("offers nothing but re-reading the notice once a case has ended, and reopening a closed one", () => {
    for (const state of ALL_STATES.filter(isTerminal)) {
      for (const actor of ALL_ACTORS) {
        const reopenable = state === "closed" && ["officer", "assignee", "admin"].includes(actor);
        expect(availableEvents(state, actor, true)).toEqual(
          actor === "subject" ? ["open_notice"] : reopenable ? ["reopen"] : [],
        );
      }
    }
  });

  it("lists exactly the events decideTransition accepts once deadlines have passed", () => {
    for (const state of ALL_STATES) {
      for (const actor of ALL_ACTORS) {
        for (const significant of [true, false]) {
          const concern = concernIn(state, { significant });
          const accepting = ALL_EVENT_TYPES.filter((event) => decide(concern, event, actor).ok);
          expect(availableEvents(state, actor, significant)).toEqual(accepting);
        }
      }
    }
  });
});
