import Link from "next/link";
import type { DirectoryEntry } from "@/lib/queries/users";

/**
 * The first step where scripts do not run: find the colleague in the directory, then
 * choose them, which opens the filing form with them chosen. With scripts, the form's own
 * combobox does this and the step stays hidden.
 */
export function ColleagueSearchStep({
  page,
  query,
  problem,
  found,
}: {
  /** The form's page, which the search and the choice return to. */
  page: string;
  query: string;
  problem?: string;
  found: DirectoryEntry[] | null;
}) {
  return (
    <div className="no-js-only max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">First, find the colleague</h2>
      <form method="get" action={page} className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <label htmlFor="find" className="block text-sm font-medium">
            Their name or email
          </label>
          <input
            id="find"
            name="find"
            type="search"
            defaultValue={query}
            minLength={2}
            maxLength={100}
            aria-describedby={problem ? "find-error" : undefined}
            aria-invalid={problem ? true : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
          />
          {problem ? (
            <p id="find-error" className="mt-1 text-sm font-semibold text-red-700">
              {problem}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          className="min-h-11 rounded-md bg-brand-600 px-4 text-sm font-semibold text-white"
        >
          Find
        </button>
      </form>
      {found === null ? null : found.length === 0 ? (
        <p role="status">
          No colleague matches &ldquo;{query}&rdquo;. Check the spelling, or try their email.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label="Colleagues found">
          {found.map((colleague) => (
            <li
              key={colleague.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2"
            >
              <span>
                {colleague.name}
                {colleague.departmentName ? (
                  <span className="text-slate-600"> · {colleague.departmentName}</span>
                ) : null}
              </span>
              <Link href={`${page}?colleague=${colleague.id}`} className="text-brand-700 underline">
                Choose<span className="sr-only"> {colleague.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
