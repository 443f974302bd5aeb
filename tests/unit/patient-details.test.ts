import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { redactSubmittedField } from "@/lib/actions/redact-submitted-field";
import { toActionState } from "@/lib/actions/to-action-state";
import {
  redactFoundIdentifiers,
  redactStoredText,
  screenPatientDetails,
} from "@/lib/domain/patient-details";
import { PatientDetailsRefusal } from "@/lib/errors/patient-details-refusal";
import * as complianceSchemas from "@/lib/services/concerns/compliance-schemas";
import * as concernSchemas from "@/lib/services/concerns/concern-schemas";
import * as threadSchemas from "@/lib/services/concerns/thread-schemas";
import { freeTextFields } from "@/lib/services/field-schemas";
import { parseScreened } from "@/lib/services/screen-free-text";

const WITH_PATIENT = "Posted a photo of pt John Smith, MRN 4482913, laughing at his chart.";

describe("the one-click redaction", () => {
  it("replaces every identifier found with [removed] and keeps the rest", () => {
    const redacted = redactFoundIdentifiers(WITH_PATIENT);
    expect(redacted).not.toMatch(/John|Smith|4482913/);
    expect(redacted).toContain("[removed]");
    expect(redacted).toMatch(/^Posted a photo of .*laughing at his chart\.$/);
  });

  it("leaves clean text untouched", () => {
    const clean = "Dr Rivera posted a meme mocking a colleague's accent on 3 March.";
    expect(redactFoundIdentifiers(clean)).toBe(clean);
  });

  it("lets an officer remove the found details, named words or the whole text", () => {
    expect(redactStoredText(WITH_PATIENT, { scope: "marked" })).toBe(
      redactFoundIdentifiers(WITH_PATIENT),
    );
    expect(redactStoredText("Bed 4: smith again, Smith!", { scope: "words", words: "SMITH" })).toBe(
      "Bed 4: [removed] again, [removed]!",
    );
    expect(redactStoredText("a.b a+b", { scope: "words", words: "a+b" })).toBe("a.b [removed]");
    expect(redactStoredText(WITH_PATIENT, { scope: "whole" })).toBe("[removed]");
  });

  it("redacts only the field its button names, on the server, and keeps every other value", () => {
    const form = new FormData();
    form.set("concernId", "x");
    form.set("explanation", WITH_PATIENT);
    form.set("patientDetailsRedact", "explanation");
    const state = redactSubmittedField(form, concernSchemas.disputeSchema, "explanation");
    expect(state.status).toBe("idle");
    expect(state.values?.explanation).toBe(redactFoundIdentifiers(WITH_PATIENT));
    expect(state.values?.concernId).toBe("x");
    expect(state.values).not.toHaveProperty("patientDetailsRedact");
  });

  it("ignores a button that names a field which is not free text", () => {
    const form = new FormData();
    form.set("concernId", "4482913 John Smith");
    const state = redactSubmittedField(form, concernSchemas.disputeSchema, "concernId");
    expect(state.values?.concernId).toBe("4482913 John Smith");
  });
});

describe("the confirmation rule", () => {
  it("holds back every field with findings that its writer has not confirmed", () => {
    const screening = screenPatientDetails({ description: WITH_PATIENT, note: "fine" }, []);
    expect(Object.keys(screening.unconfirmed)).toEqual(["description"]);
    expect(screening.confirmed).toEqual({});
  });

  it("a confirmation counts for its own field only, and records kinds, not text", () => {
    const screening = screenPatientDetails(
      { description: WITH_PATIENT, otherConsideration: "Call 555-201-3344 now" },
      ["description"],
    );
    expect(Object.keys(screening.unconfirmed)).toEqual(["otherConsideration"]);
    expect(screening.confirmed).toEqual({ description: ["name", "medical_record"] });
    expect(JSON.stringify(screening.confirmed)).not.toMatch(/John|4482913/);
  });

  it("a service refuses, then stores what was confirmed", () => {
    expect(() =>
      parseScreened(concernSchemas.disputeSchema, { explanation: WITH_PATIENT }),
    ).toThrow(PatientDetailsRefusal);
    const confirmed = parseScreened(concernSchemas.disputeSchema, {
      explanation: WITH_PATIENT,
      patientDetailsConfirmed: ["explanation"],
    });
    expect(confirmed.patientDetailsConfirmed).toEqual({ explanation: ["name", "medical_record"] });
    expect(
      parseScreened(concernSchemas.disputeSchema, { explanation: "I disagree, it was satire." }),
    ).not.toHaveProperty("patientDetailsConfirmed");
  });

  it("tells the writer, next to the field, why and the two ways on", () => {
    const state = toActionState(
      new PatientDetailsRefusal({ explanation: [{ kind: "name", start: 0, end: 4 }] }),
    );
    expect(state.message).toBe("Consideration (a): patient details must not be shared here.");
    expect(state.fieldErrors?.explanation?.[0]).toMatch(/a name, marked below.*tick the box/);
  });
});

describe("every use case's free text is checked", () => {
  const schemas = Object.entries({
    ...concernSchemas,
    ...complianceSchemas,
    ...threadSchemas,
  } as Record<string, unknown>).filter(
    (entry): entry is [string, z.ZodObject] =>
      typeof entry[1] === "object" && entry[1] !== null && "shape" in entry[1],
  );

  it("finds the free-text fields by their marker", () => {
    expect(freeTextFields(concernSchemas.fileConcernSchema)).toEqual([
      "description",
      "otherConsideration",
    ]);
    expect(freeTextFields(concernSchemas.closeCaseSchema)).toEqual([
      "rationale",
      "externalAuthority",
      "partySummary",
    ]);
  });

  it.each(schemas)("%s takes a confirmation for each free-text field it has", (_name, schema) => {
    if (freeTextFields(schema).length === 0) return;
    expect(Object.keys(schema.shape)).toContain("patientDetailsConfirmed");
  });
});
