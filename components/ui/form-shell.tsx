"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useActionState, useEffect, useRef } from "react";
import { type ActionState, type FormHints, IDLE } from "@/lib/actions/action-state";
import { FormContext, fieldId } from "./form-context";

/**
 * The browser side of ActionForm: the action's state, shared with every field; the error
 * summary, which takes focus when a submission is refused; and the success message.
 */
export function FormShell({
  action,
  hints,
  children,
  className = "space-y-4",
  idPrefix = "",
}: {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  hints: FormHints;
  children: ReactNode;
  className?: string;
  idPrefix?: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const router = useRouter();
  // An action that answered with where to go next (formAction's `navigate: "separately"`).
  useEffect(() => {
    if (state.goTo) router.push(state.goTo);
  }, [state, router]);
  return (
    <FormContext value={{ state, hints, idPrefix }}>
      {/* Remounted with each refused submission, so every control starts from what was
          submitted rather than from what the browser's form reset would leave. */}
      <form key={submissionKey(state)} action={formAction} className={className} noValidate>
        <ErrorSummary state={state} hints={hints} idPrefix={idPrefix} />
        {state.status !== "error" && state.message ? (
          <p
            role="status"
            className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
          >
            {state.message}
          </p>
        ) : null}
        {state.goTo ? (
          // Shown while the next page loads, so a slow connection never looks like nothing
          // happened (and the form, now blank, like a lost submission).
          <p
            role="status"
            className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
          >
            Done. Taking you there now, or{" "}
            <Link href={state.goTo} className="font-medium underline">
              go there yourself
            </Link>
            .
          </p>
        ) : null}
        {children}
      </form>
    </FormContext>
  );
}

function submissionKey(state: ActionState): string {
  return state.values ? JSON.stringify(state.values) : "blank";
}

/**
 * What went wrong, at the top of the form: the answers to look at, each a link to its
 * field, where the error itself stands; or the one reason the whole submission was
 * refused. It takes focus as it appears, so a screen reader announces it and a keyboard
 * starts from it. Each message is said once: next to its field.
 */
function ErrorSummary({
  state,
  hints,
  idPrefix,
}: {
  state: ActionState;
  hints: FormHints;
  idPrefix: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  if (state.status !== "error") return null;
  const fieldErrors = Object.entries(state.fieldErrors ?? {}).filter(([, errors]) => errors.length);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-950 focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400"
    >
      <h2 className="font-semibold">
        {fieldErrors.length
          ? `There is a problem with ${fieldErrors.length === 1 ? "this answer" : `${fieldErrors.length} answers`}:`
          : state.message}
      </h2>
      {fieldErrors.length ? (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {fieldErrors.map(([name, errors]) => (
            <li key={name}>
              {/* A field without a label of its own (a hidden id) has its message here. */}
              <a href={`#${fieldId(idPrefix, name)}`} className="underline">
                {hints[name]?.label ?? errors.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {state.link ? (
        <Link href={state.link.href} className="mt-1 block underline">
          {state.link.label}
        </Link>
      ) : null}
    </div>
  );
}
