import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { TextField } from "@/components/ui/field";
import { GetForm } from "@/components/ui/get-form";
import { Table } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { securityEventLabel } from "@/lib/auth/security-log";
import { requirePermission } from "@/lib/authz/current-actor";
import { listSecurityEvents } from "@/lib/queries/security-log";

export const metadata: Metadata = { title: "Security log · Peer Concerns" };

function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/**
 * Sign-ins, failures, lock-outs and password events, newest first: who, when, from which
 * address. Kept six years; nobody can change an entry.
 */
export default async function SecurityLogPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string; page?: string }>;
}) {
  const actor = await requirePermission("users:manage");
  const query = await searchParams;
  const email = typeof query.email === "string" ? query.email.slice(0, 254) : "";
  const page = pageNumber(query.page);
  const { entries, hasMore } = await listSecurityEvents(getDb(), { email, page });
  const pageLink = (to: number) =>
    `/admin/security-log?${new URLSearchParams({ ...(email ? { email } : {}), page: String(to) })}`;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Security log</h1>
      <p className="max-w-2xl text-slate-700">
        Every sign-in, failed attempt, pause after too many failures, and password event: who, when
        and from which network address. Entries cannot be changed and are kept for six years.
      </p>
      <search className="block">
        <GetForm
          action="/admin/security-log"
          current={email ? new URLSearchParams({ email }).toString() : ""}
          label="Filter the security log"
          className="flex flex-wrap items-end gap-3"
        >
          <TextField name="email" label="Person's email" type="search" defaultValue={email} />
          <button
            type="submit"
            className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold"
          >
            Filter
          </button>
          <Link href="/admin/security-log" className="py-2 text-sm text-brand-700 underline">
            Clear
          </Link>
        </GetForm>
      </search>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">
          {email ? "Nothing is logged for this email address." : "Nothing is logged yet."}
        </p>
      ) : (
        <Table
          caption={`Security log, page ${page}`}
          rows={entries}
          rowKey={(entry) => entry.id}
          columns={[
            {
              header: "When",
              cell: (entry) => <DateTime date={entry.occurredAt} timeZone={actor.timeZone} />,
            },
            { header: "What", cell: (entry) => securityEventLabel(entry.kind) },
            {
              header: "Who",
              cell: (entry) => (
                <>
                  {entry.personName ?? "No account"}
                  {entry.email ? (
                    <>
                      <br />
                      <span className="break-all text-slate-600">{entry.email}</span>
                    </>
                  ) : null}
                </>
              ),
            },
            { header: "From address", cell: (entry) => entry.address ?? "Unknown" },
            { header: "By", cell: (entry) => entry.actorName ?? "" },
          ]}
        />
      )}
      <nav aria-label="Pages of the security log" className="flex gap-4 text-sm">
        {page > 1 ? (
          <Link href={pageLink(page - 1)} className="text-brand-700 underline">
            ← Newer entries
          </Link>
        ) : null}
        {hasMore ? (
          <Link href={pageLink(page + 1)} className="text-brand-700 underline">
            Older entries →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
