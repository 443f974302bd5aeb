import { describe, expect, it } from "vitest";
import {
  mergeThread,
  messageLimitReached,
  messageLimitSentence,
  messagesLeft,
  type ThreadItem,
  threadRecipient,
  threadSender,
  threadStatus,
  WHOLE_THREAD,
} from "@/lib/domain/case-thread";
import { ALL_STATES, isTerminal } from "@/lib/domain/concern-workflow";

describe("the thread's read-only rule", () => {
  it("is open from filing until the case is finished, in every state", () => {
    for (const state of ALL_STATES) {
      expect(threadStatus(state).open, state).toBe(!isTerminal(state));
    }
  });

  it("says why it is closed, for each way a case finishes", () => {
    expect(threadStatus("withdrawn")).toEqual({
      open: false,
      why: expect.stringMatching(/^This concern was withdrawn, so its conversation is closed\./),
    });
    for (const state of ["resolved", "dispute_accepted", "lapsed", "closed"] as const) {
      const status = threadStatus(state);
      expect(status.open).toBe(false);
      if (!status.open)
        expect(status.why).toMatch(/conversation is closed\. You can still read it\.$/);
    }
  });
});

describe("the daily message limit", () => {
  it("counts down to zero and stops there", () => {
    expect(messagesLeft(0, 10)).toBe(10);
    expect(messagesLeft(9, 10)).toBe(1);
    expect(messagesLeft(10, 10)).toBe(0);
    expect(messagesLeft(12, 10)).toBe(0);
  });

  it("is reached at the limit, not before", () => {
    expect(messageLimitReached(9, 10)).toBe(false);
    expect(messageLimitReached(10, 10)).toBe(true);
    expect(messageLimitReached(1, 1)).toBe(true);
  });

  it("says the limit and that the message is kept", () => {
    expect(messageLimitSentence(1)).toMatch(/^You have sent 1 message on this case/);
    expect(messageLimitSentence(10)).toMatch(/10 messages .* Your message is kept below/);
  });
});

describe("who sees what name in the thread", () => {
  it("never names a confidential reporter to the colleague, even when a name is given", () => {
    const reporter = { party: "reporter" as const, name: "Dr Ana Reyes", isReader: false };
    expect(threadSender(reporter, "subject", false)).toBe("The colleague who raised this");
    expect(threadSender(reporter, "subject", true)).toBe("Dr Ana Reyes");
    expect(threadSender({ ...reporter, name: null }, "subject", true)).toBe(
      "The colleague who raised this",
    );
  });

  it("calls the reader 'You' and names the colleague to the reporter and officers", () => {
    expect(
      threadSender({ party: "subject", name: "Dr Lee", isReader: true }, "subject", false),
    ).toBe("You");
    expect(
      threadSender({ party: "subject", name: "Dr Lee", isReader: false }, "reporter", false),
    ).toBe("Dr Lee");
    expect(
      threadSender({ party: "reporter", name: "Dr Ana Reyes", isReader: false }, "officer", false),
    ).toBe("Dr Ana Reyes");
  });

  it("names whom the form writes to as the writer may know them", () => {
    expect(threadRecipient("reporter", { name: "Dr Lee" }, false)).toBe("Dr Lee");
    expect(threadRecipient("subject", { name: null }, false)).toBe("the colleague who raised this");
    expect(threadRecipient("subject", { name: "Dr Ana Reyes" }, false)).toBe(
      "the colleague who raised this",
    );
    expect(threadRecipient("subject", { name: "Dr Ana Reyes" }, true)).toBe("Dr Ana Reyes");
  });
});

describe("merging messages and responses", () => {
  const item = (key: string, minute: number, message: boolean): ThreadItem => ({
    key,
    at: new Date(Date.UTC(2026, 2, 2, 9, minute)),
    who: "You",
    label: message ? null : "Concern disputed",
    texts: [],
    message: message
      ? { id: minute, reportable: false, reportedByReader: false, reports: [] }
      : null,
  });

  it("reads as one conversation in time order, a response before a message at the same time", () => {
    const items = mergeThread(
      [item("m1", 5, true), item("m2", 1, true)],
      [item("r1", 3, false), item("r2", 5, false)],
      WHOLE_THREAD,
    );
    expect(items.map((i) => i.key)).toEqual(["m2", "r1", "r2", "m1"]);
  });

  it("puts each response on exactly one page: from the page's oldest message to the next page's", () => {
    const minute = (m: number) => Date.UTC(2026, 2, 2, 9, m);
    const responses = [item("r0", 0, false), item("r3", 3, false), item("r5", 5, false)];
    // Earlier page: messages at 1 and 2, the next page starts with the message at 3.
    const earlier = mergeThread([item("m1", 1, true), item("m2", 2, true)], responses, {
      fromMs: null,
      untilMs: minute(3),
    });
    // Latest page: messages at 3 and 4, earlier messages exist.
    const latest = mergeThread([item("m3", 3, true), item("m4", 4, true)], responses, {
      fromMs: minute(3),
      untilMs: null,
    });
    expect(earlier.map((i) => i.key)).toEqual(["r0", "m1", "m2"]);
    expect(latest.map((i) => i.key)).toEqual(["r3", "m3", "m4", "r5"]);
  });
});
