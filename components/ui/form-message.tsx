import type { ActionState } from "@/lib/actions/action-state";

/** The form-level outcome, announced to screen readers when it changes. */
export function FormMessage({ state }: { state: ActionState }) {
  if (state.status === "idle" || !state.message) return null;
  const tone =
    state.status === "success"
      ? "border-green-300 bg-green-50 text-green-900"
      : "border-red-300 bg-red-50 text-red-900";
  return (
    <p
      role={state.status === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2 text-sm ${tone}`}
    >
      {state.message}
    </p>
  );
}
