import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { toActionState } from "@/lib/actions/to-action-state";
import { Refusal } from "@/lib/errors/refusal";

describe("what a form shows when its action fails", () => {
  afterEach(() => vi.restoreAllMocks());

  it("explains a refusal next to the field it concerns", () => {
    expect(
      toActionState(
        new Refusal("email_taken", "An account with this email already exists.", "email"),
      ),
    ).toEqual({
      status: "error",
      message: "An account with this email already exists.",
      fieldErrors: { email: ["An account with this email already exists."] },
    });
  });

  it("lists each invalid field's message", () => {
    const result = z.object({ name: z.string().min(2, "Too short.") }).safeParse({ name: "x" });
    expect(toActionState(result.error)).toMatchObject({
      status: "error",
      fieldErrors: { name: ["Too short."] },
    });
  });

  it("hides an unexpected error's message, which may quote case content, from user and log", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = toActionState(
      new Error('duplicate key value violates "users_email_key" for patient Jane Doe'),
    );
    expect(state.status).toBe("error");
    expect(state.message).not.toMatch(/Jane|duplicate|users_email_key/);
    expect(log.mock.calls.flat().join(" ")).not.toContain("Jane");
  });

  it("says the service is briefly unavailable and nothing was saved when the database cannot be reached", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    const wrapped = Object.assign(new Error("Failed query: select …"), { cause: refused });
    const shutDown = Object.assign(
      new Error("terminating connection due to administrator command"),
      {
        code: "57P01",
      },
    );
    for (const error of [wrapped, shutDown, new Error("Connection terminated unexpectedly")]) {
      expect(toActionState(error)).toEqual({
        status: "error",
        message:
          "The service is temporarily unavailable and nothing was saved. Please try again in a moment.",
      });
    }
    expect(toActionState(new Error("division by zero")).message).not.toMatch(/unavailable/);
  });
});
