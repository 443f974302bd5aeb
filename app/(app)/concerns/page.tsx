import type { Metadata } from "next";
import Link from "next/link";
import { NextDeadline } from "@/components/concerns/next-deadline";
import { StatusBadge } from "@/components/concerns/status-badge";
import { PageLinkNotice, Pager, pageSummary } from "@/components/ui/pager";
import { Table } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";
import { waitingOn } from "@/lib/domain/waiting-on";
import { listConcernsRaisedBy } from "@/lib/queries/concerns";
import { readPageRequest } from "@/lib/queries/keyset-page";

export const metadata: Metadata = { title: "My concerns · Peer Concerns" };

export default async function MyConcernsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("concerns:follow");
  const { request, malformed } = readPageRequest(await searchParams, "uuid");
  // Officers follow here the concerns they recorded as reporter of record; they record new
  // ones from the compliance queue.
  const raise = can(actor, "concerns:file")
    ? { href: "/concerns/new", label: "Raise a concern" }
    : { href: "/compliance/record-concern", label: "Record a concern" };
  const page = await listConcernsRaisedBy(getDb(), actor, request);
  const concerns = page.rows;
  const now = new Date();
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">My concerns</h1>
        <Link
          href={raise.href}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white"
        >
          {raise.label}
        </Link>
      </div>
      <p className="mt-1 text-slate-700">Concerns you raised with colleagues about their posts.</p>
      <PageLinkNotice malformed={malformed} restarted={page.restarted} />
      {concerns.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          You have not raised any concerns.{" "}
          {can(actor, "concerns:file") ? (
            <>
              If you see a colleague's post that appears unprofessional, the policy asks you to
              bring it to their attention:{" "}
              <Link href="/concerns/new" className="text-brand-700 underline">
                raise a concern
              </Link>
              .
            </>
          ) : (
            "Concerns you record for an anonymous or outside source are listed here: you answer for the source."
          )}
        </p>
      ) : (
        <div className="mt-4">
          <Table
            caption="Concerns you raised"
            rows={concerns}
            rowKey={(concern) => concern.id}
            columns={[
              {
                header: "Case",
                cell: (concern) => (
                  <Link href={`/concerns/${concern.id}`} className="text-brand-700 underline">
                    {concern.reference}
                  </Link>
                ),
              },
              { header: "Colleague", cell: (concern) => concern.subjectName },
              {
                header: "Status",
                cell: (concern) => <StatusBadge state={concern.state} viewer="reporter" />,
              },
              {
                header: "Next deadline",
                cell: (concern) => (
                  <NextDeadline
                    due={waitingOn(concern)?.dueAt ?? null}
                    now={now}
                    timeZone={actor.timeZone}
                  />
                ),
              },
            ]}
          />
          <Pager
            label="Pages of your concerns"
            summary={pageSummary(page.firstShown, concerns.length, page.total, {
              one: "concern",
              many: "concerns",
            })}
            newer={
              page.newer ? { href: `/concerns?newer=${page.newer}`, label: "Newer concerns" } : null
            }
            older={
              page.older ? { href: `/concerns?older=${page.older}`, label: "Older concerns" } : null
            }
          />
        </div>
      )}
    </section>
  );
}
