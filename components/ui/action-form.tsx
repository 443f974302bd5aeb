import type { ReactNode } from "react";
import type { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { formHints } from "@/lib/actions/form-hints";
import { FormShell } from "./form-shell";

const hintsBySchema = new WeakMap<z.ZodObject, ReturnType<typeof formHints>>();

/**
 * A form bound to a server action, whose controls take their limits from the use case's
 * schema. Rendered on the server: the schema is read here and only its hints reach the
 * browser. The form works without JavaScript (the server renders its outcome) and, with
 * it, keeps the page.
 */
export function ActionForm({
  action,
  schema,
  children,
  className,
  idPrefix,
}: {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  schema: z.ZodObject;
  children: ReactNode;
  className?: string;
  /** Where two forms on one page share field names, each names its fields apart. */
  idPrefix?: string;
}) {
  let hints = hintsBySchema.get(schema);
  if (!hints) {
    hints = formHints(schema);
    hintsBySchema.set(schema, hints);
  }
  return (
    <FormShell action={action} hints={hints} className={className} idPrefix={idPrefix}>
      {children}
    </FormShell>
  );
}
