"use client";

import type { ReactNode } from "react";
import { FormContext } from "./form-context";

/**
 * A search or filter form, sent as a GET so its result has an address. Its controls show
 * the filter in force: the form is remounted whenever the address changes (Clear, a
 * navigation link, the back button), so nothing stale is shown or silently re-applied.
 */
export function GetForm({
  action,
  current,
  errors,
  label,
  className,
  children,
}: {
  action: string;
  /** The query string the page was rendered for. */
  current: string;
  errors?: Record<string, string[]>;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const hasErrors = errors && Object.keys(errors).length > 0;
  return (
    <FormContext
      value={{
        state: { status: hasErrors ? "error" : "idle", fieldErrors: errors },
        hints: {},
        idPrefix: "",
      }}
    >
      <form key={current} method="get" action={action} aria-label={label} className={className}>
        {children}
      </form>
    </FormContext>
  );
}
