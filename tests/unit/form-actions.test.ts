import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { readForm, submittedValues } from "@/lib/actions/read-form";
import { toActionState } from "@/lib/actions/to-action-state";
import { Refusal } from "@/lib/errors/refusal";
import { errorResponse, REFUSAL_STATUS } from "@/lib/http/refusal-response";

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

describe("reading a submitted form by the use case's schema", () => {
  const schema = z.object({
    name: z.string(),
    roles: z.array(z.string()).min(1),
    note: z.string().optional(),
    visibility: z.enum(["confidential", "named"]).default("confidential"),
  });

  function formOf(entries: [string, string][]): FormData {
    const form = new FormData();
    for (const [key, value] of entries) form.append(key, value);
    return form;
  }

  it("takes every value of a list field, one text of any other, and ignores fields the schema does not name", () => {
    const form = formOf([
      ["name", "Dr Ada"],
      ["roles", "physician"],
      ["roles", "admin"],
      ["isAdmin", "true"],
    ]);
    expect(readForm(form, schema)).toEqual({
      name: "Dr Ada",
      roles: ["physician", "admin"],
      note: undefined,
      visibility: undefined,
    });
    expect(schema.parse(readForm(form, schema)).visibility).toBe("confidential");
  });

  it("reads a field the browser did not send as empty, so the schema's own message explains it", () => {
    const result = z
      .object({ severity: z.enum(["low", "high"], "Choose how serious it is.") })
      .safeParse(readForm(formOf([]), z.object({ severity: z.enum(["low", "high"]) })));
    expect(z.flattenError(result.error!).fieldErrors).toEqual({
      severity: ["Choose how serious it is."],
    });
  });

  it("gives back what was typed, repeated fields as lists, but never a password or React's own fields", () => {
    const form = formOf([
      ["email", "ada@example.org"],
      ["password", "correct horse battery staple"],
      ["newPassword", "another secret"],
      ["categories", "privacy"],
      ["categories", "other"],
      ["$ACTION_ID_abc", ""],
    ]);
    expect(submittedValues(form)).toEqual({
      email: "ada@example.org",
      categories: ["privacy", "other"],
    });
  });

  it("reads a list of files as the files chosen, and gives back only their names", () => {
    const schema = z.object({ evidence: z.array(z.file()).default([]), note: z.string() });
    const shot = new File([new Uint8Array([1, 2, 3])], "shot.png", { type: "image/png" });
    const form = new FormData();
    form.append("evidence", shot);
    // What a browser sends for a file input left empty.
    form.append("evidence", new File([], "", { type: "application/octet-stream" }));
    form.append("note", "typed");
    expect(readForm(form, schema)).toEqual({ evidence: [shot], note: "typed" });
    expect(submittedValues(form)).toEqual({ evidence: "shot.png", note: "typed" });
    const empty = new FormData();
    empty.append("evidence", new File([], ""));
    // How Next.js's parser hands over the empty part of an input left empty.
    empty.append("evidence", new File([], "blob", { type: "application/octet-stream" }));
    expect(readForm(empty, schema)).toEqual({ evidence: [], note: "" });
    expect(submittedValues(empty)).toEqual({});
  });
});

describe("what a route handler answers when its use case refuses", () => {
  it("answers each refusal with the status of the one table, and its message", async () => {
    const response = errorResponse(new Refusal("not_found", "We could not find that case."));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("We could not find that case.");
    for (const code of Object.keys(REFUSAL_STATUS) as (keyof typeof REFUSAL_STATUS)[]) {
      expect(errorResponse(new Refusal(code, "No.")).status).toBe(REFUSAL_STATUS[code]);
    }
  });

  it("answers invalid input 400 with its first message, as JSON where asked", async () => {
    const invalid = z.object({ q: z.string().max(2, "Too long.") }).safeParse({ q: "abc" });
    const response = errorResponse(invalid.error, "json");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Too long." });
  });

  it("answers an unexpected error 500 without its message", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error("patient Jane Doe in relation users"));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/Jane|users/);
  });
});
