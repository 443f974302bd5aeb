"use client";

import { createContext, useContext } from "react";
import type { ActionState, FieldHints, FormHints } from "@/lib/actions/action-state";

interface FormContextValue {
  state: ActionState;
  hints: FormHints;
  /** Prefixes every field's id, so two forms on one page never share one. */
  idPrefix: string;
}

export const FormContext = createContext<FormContextValue | null>(null);

/** What a field of the surrounding form needs: its id, its errors, what was submitted. */
export function useField(name: string, required?: boolean) {
  const form = useContext(FormContext);
  const errors = form?.state.fieldErrors?.[name];
  const hints = (form?.hints[name] ?? {}) as FieldHints;
  return {
    id: fieldId(form?.idPrefix ?? "", name),
    errors: errors?.length ? errors : undefined,
    submitted: form?.state.values?.[name],
    /** The form came back refused: what was not sent (an unticked box) was not chosen. */
    wasSubmitted: form?.state.values !== undefined,
    hints,
    label: hints.label ?? name,
    /** Said by the form where the rule behind it is the service's, not the schema's. */
    required: required ?? hints.required,
  };
}

export function fieldId(prefix: string, name: string): string {
  return `${prefix}${name}`;
}
