import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { LoadedSession } from "@/lib/auth/session-store";
import { requireActor, requirePasswordSession, requirePermission } from "@/lib/authz/current-actor";
import type { Permission, Reader } from "@/lib/authz/permissions";
import { type ActionState, REDACT_PATIENT_DETAILS } from "./action-state";
import { readForm, submittedValues } from "./read-form";
import { redactSubmittedField } from "./redact-submitted-field";
import { toActionState } from "./to-action-state";

/** Where a use case's success leaves the person: another page, or a message on this one. */
export type ActionOutcome =
  | {
      redirect: string;
      revalidate?: string;
      /**
       * "separately": with JavaScript the action answers with the address alone and the
       * browser then loads it as any navigation, instead of Next rendering the whole target
       * page inside the action's response; without JavaScript it is the same 303. For a busy
       * action whose target is a fresh, uncached page (the concern just filed).
       */
      navigate?: "separately";
    }
  | { message: string; revalidate?: string; reveal?: string[] };

/**
 * Who may call an action at all: a permission, anyone signed in, anyone (signing in), or a
 * session whose password was right but which may still owe its second factor (the
 * two-factor steps of signing in, and nothing else).
 */
type Allowed = Permission | "signed-in" | "anyone" | "password-passed";
type CallerOf<A extends Allowed> = A extends "anyone"
  ? null
  : A extends "password-passed"
    ? LoadedSession
    : Reader;

interface FormActionSpec<A extends Allowed, Schema extends z.ZodObject, Result> {
  /** Checked before anything is read; the service checks the record itself. */
  allow: A;
  /** The use case's own schema: the form is read by its shape and parsed by it. */
  input: Schema;
  run: (actor: CallerOf<A>, input: z.output<Schema>) => Promise<Result>;
  done: (result: Result, input: z.output<Schema>) => ActionOutcome;
  /** The form-level message when fields are invalid, where a form words it its own way. */
  invalid?: string;
}

/**
 * The one pipeline of every form's server action: the caller's permission, the form
 * parsed by the use case's schema, the service, and then either the way on (revalidate and
 * redirect, or a message) or the refusal mapped to field errors, always with what the
 * person submitted so the form can show it again. Nothing else decides how a form fails.
 * The schema's free-text fields are checked for patient details by the service; the one
 * click that removes what was found is answered here, for every form alike.
 */
export function formAction<A extends Allowed, Schema extends z.ZodObject, Result>(
  spec: FormActionSpec<A, Schema, Result>,
): (previous: ActionState, form: FormData) => Promise<ActionState> {
  return async (_previous, form) => {
    // Outside the try: a missing session redirects and a missing permission is a 403.
    const actor = (await callerFor(spec.allow)) as CallerOf<A>;
    // "Replace the marked words with [removed]": nothing is stored; the form comes back
    // with that field redacted and everything else as it was sent.
    const redact = form.get(REDACT_PATIENT_DETAILS);
    if (typeof redact === "string") return redactSubmittedField(form, spec.input, redact);
    let outcome: ActionOutcome;
    try {
      const input = spec.input.parse(readForm(form, spec.input));
      outcome = spec.done(await spec.run(actor, input), input);
    } catch (error) {
      // A use case that ends by navigating (signing in) does so by throwing.
      unstable_rethrow(error);
      const state = toActionState(error);
      if (spec.invalid && error instanceof z.ZodError) state.message = spec.invalid;
      return { ...state, values: submittedValues(form) };
    }
    if ("redirect" in outcome && outcome.navigate === "separately" && (await isFetchAction())) {
      // Nothing to revalidate: the browser fetches the target afresh, and dynamic pages are
      // not kept in its router cache (staleTimes.dynamic is 0).
      return { status: "success", goTo: outcome.redirect };
    }
    if (outcome.revalidate) revalidatePath(outcome.revalidate);
    if ("redirect" in outcome) redirect(outcome.redirect);
    return { status: "success", message: outcome.message, revealed: outcome.reveal };
  };
}

/**
 * Sent by the browser's JavaScript (Next's fetch, which names the action in a header),
 * rather than as a plain form post, which names it in the body.
 */
async function isFetchAction(): Promise<boolean> {
  return (await headers()).has("next-action");
}

async function callerFor(allow: Allowed): Promise<Reader | LoadedSession | null> {
  if (allow === "anyone") return null;
  if (allow === "password-passed") return requirePasswordSession();
  if (allow === "signed-in") return requireActor();
  return requirePermission(allow);
}
