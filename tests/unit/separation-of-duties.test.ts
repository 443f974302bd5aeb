import { describe, expect, it } from "vitest";
import {
  decideRoleChange,
  recusalReleasesCase,
  roleGrantDecisionRefusal,
} from "@/lib/domain/separation-of-duties";

describe("recusing from a case", () => {
  it("hands the case back to the queue when the officer holds it", () => {
    expect(recusalReleasesCase({ state: "in_review", assigneeId: "me" }, "me")).toBe(true);
  });

  it("moves nothing when someone else holds it or nobody does", () => {
    expect(recusalReleasesCase({ state: "in_review", assigneeId: "other" }, "me")).toBe(false);
    expect(recusalReleasesCase({ state: "escalated", assigneeId: null }, "me")).toBe(false);
    expect(recusalReleasesCase({ state: "closed", assigneeId: "me" }, "me")).toBe(false);
  });
});

describe("changing someone's roles", () => {
  it("refuses any role an administrator adds to their own account", () => {
    for (const role of ["compliance_officer", "physician"] as const) {
      expect(
        decideRoleChange({ actorId: "a", userId: "a", before: ["admin"], after: ["admin", role] }),
      ).toEqual({ ok: false, reason: "self_grant" });
    }
  });

  it("lets an administrator give up a role of their own", () => {
    expect(
      decideRoleChange({
        actorId: "a",
        userId: "a",
        before: ["admin", "physician"],
        after: ["admin"],
      }),
    ).toEqual({ ok: true, grant: [], request: [], remove: ["physician"] });
  });

  it("asks for the compliance officer and administrator roles instead of granting them", () => {
    expect(
      decideRoleChange({
        actorId: "a",
        userId: "b",
        before: ["compliance_officer"],
        after: ["physician", "admin"],
      }),
    ).toEqual({
      ok: true,
      grant: ["physician"],
      request: ["admin"],
      remove: ["compliance_officer"],
    });
    expect(
      decideRoleChange({ actorId: "a", userId: "b", before: [], after: ["compliance_officer"] }),
    ).toMatchObject({ grant: [], request: ["compliance_officer"] });
  });

  it("keeps a role the person already holds without asking again", () => {
    expect(
      decideRoleChange({
        actorId: "a",
        userId: "b",
        before: ["compliance_officer"],
        after: ["compliance_officer"],
      }),
    ).toEqual({ ok: true, grant: [], request: [], remove: [] });
  });
});

describe("deciding a waiting role", () => {
  const request = { requestedById: "asker", userId: "person", decidedAt: null };

  it("is for a second person: neither the one who asked nor the one it is for", () => {
    expect(roleGrantDecisionRefusal(request, "asker")).toBe("own_request");
    expect(roleGrantDecisionRefusal(request, "person")).toBe("own_role");
    expect(roleGrantDecisionRefusal(request, "second")).toBeNull();
  });

  it("happens once", () => {
    expect(roleGrantDecisionRefusal({ ...request, decidedAt: new Date() }, "second")).toBe(
      "already_decided",
    );
  });
});
