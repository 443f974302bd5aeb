"use client";

import Link from "next/link";
import { type ReactNode, useActionState } from "react";
import { type ActionState, IDLE } from "@/lib/actions/action-state";
import { FormMessage } from "./form-message";

/**
 * A form bound to a server action, showing the action's outcome (and any link it offers,
 * such as the concern a duplicate refers to) above its fields.
 */
export function ActionForm({
  action,
  children,
  className = "space-y-4",
}: {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  children: (state: ActionState) => ReactNode;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className={className} noValidate>
      <FormMessage state={state} />
      {state.link ? (
        <Link href={state.link.href} className="block text-sm text-brand-700 underline">
          {state.link.label}
        </Link>
      ) : null}
      {children(state)}
    </form>
  );
}
