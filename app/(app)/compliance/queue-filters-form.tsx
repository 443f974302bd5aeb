import Link from "next/link";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { GetForm } from "@/components/ui/get-form";
import { PLATFORM_LABELS, PLATFORMS } from "@/lib/domain/concern-fields";
import {
  CONCERN_CATEGORIES,
  CONCERN_CATEGORY_OPTIONS,
  SEVERITIES,
  SEVERITY_LABELS,
} from "@/lib/domain/policy-text";
import { type QueueFilters, queueSearchParams } from "@/lib/queries/queue-filters";
import { SEARCH_MAX } from "@/lib/queries/search-text";

const options = (entries: [string, string][]) =>
  entries.map(([value, label]) => ({ value, label }));

/** The queue's filters, showing the ones in force; each problem stands by its control. */
export function QueueFiltersForm({
  filters,
  problems,
  departments,
}: {
  filters: QueueFilters;
  problems: Partial<Record<string, string>>;
  departments: ReadonlyArray<{ id: string; name: string }>;
}) {
  const errors = Object.fromEntries(
    Object.entries(problems).flatMap(([key, problem]) => (problem ? [[key, [problem]]] : [])),
  );
  return (
    <GetForm
      action="/compliance"
      current={queueSearchParams(filters).toString()}
      errors={errors}
      label="Filter the queue"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-4"
    >
      <SelectField
        name="state"
        label="State"
        defaultValue={filters.state}
        options={options([
          ["open", "All open"],
          ["escalated", "Waiting for an officer"],
          ["in_review", "In review"],
          ["closed", "Closed"],
          ["all", "Every case, closed ones too"],
        ])}
      />
      <SelectField
        name="assignee"
        label="Assigned to"
        defaultValue={filters.assignee}
        options={options([
          ["anyone", "Anyone"],
          ["me", "Me"],
          ["unassigned", "Nobody"],
        ])}
      />
      <SelectField
        name="sort"
        label="Order"
        defaultValue={filters.sort}
        options={options([
          ["oldest", "Oldest escalation first"],
          ["newest", "Newest escalation first"],
          ["due", "Due soonest"],
        ])}
      />
      <SelectField
        name="department"
        label="Department"
        defaultValue={filters.department ?? ""}
        options={options([
          ["", "Any"],
          ...departments.map((d): [string, string] => [d.id, d.name]),
        ])}
      />
      <SelectField
        name="category"
        label="Consideration"
        defaultValue={filters.category ?? ""}
        options={options([
          ["", "Any"],
          ...CONCERN_CATEGORIES.map((c): [string, string] => [
            c,
            CONCERN_CATEGORY_OPTIONS[c].label,
          ]),
        ])}
      />
      <SelectField
        name="severity"
        label="Severity"
        defaultValue={filters.severity ?? ""}
        options={options([
          ["", "Any"],
          ...SEVERITIES.map((s): [string, string] => [s, SEVERITY_LABELS[s]]),
        ])}
      />
      <SelectField
        name="platform"
        label="Platform"
        defaultValue={filters.platform ?? ""}
        options={options([
          ["", "Any"],
          ...PLATFORMS.map((p): [string, string] => [p, PLATFORM_LABELS[p]]),
        ])}
      />
      <TextField
        name="q"
        label="Case reference or colleague's name"
        type="search"
        defaultValue={filters.q ?? ""}
        maxLength={SEARCH_MAX}
      />
      <div className="flex items-end">
        <CheckboxField
          name="overdue"
          value="1"
          label="Overdue only"
          defaultChecked={filters.overdue}
        />
      </div>
      <div className="flex items-end gap-3">
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Apply
        </button>
        <Link href="/compliance" className="py-2 text-sm text-brand-700 underline">
          Clear
        </Link>
      </div>
    </GetForm>
  );
}
