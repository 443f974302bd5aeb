import type { ReactNode } from "react";

const SUMMARY = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

/**
 * An irreversible step asks first: the first press opens a panel that says what will
 * happen and who will be told, and only its own button sends the form. A disclosure
 * element, so it works without JavaScript.
 */
export function ConfirmStep({
  label,
  consequence,
  variant = "primary",
  children,
}: {
  label: string;
  consequence: ReactNode;
  variant?: keyof typeof SUMMARY;
  /** The button that sends the form, and anything else that belongs with it. */
  children: ReactNode;
}) {
  return (
    <details className="group">
      <summary
        className={`inline-flex min-h-11 cursor-pointer list-none items-center rounded-md px-4 py-2 text-sm font-semibold group-open:border group-open:border-slate-300 group-open:bg-white group-open:text-slate-900 [&::-webkit-details-marker]:hidden ${SUMMARY[variant]}`}
      >
        <span className="group-open:hidden">{label}</span>
        <span className="hidden group-open:inline">Cancel</span>
      </summary>
      <div className="mt-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
        <p className="font-semibold">Before you go on</p>
        <div className="mt-1 space-y-1">{consequence}</div>
        <div className="mt-3 flex flex-wrap items-center gap-3">{children}</div>
      </div>
    </details>
  );
}
