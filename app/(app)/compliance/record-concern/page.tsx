import type { Metadata } from "next";
import Link from "next/link";
import { ColleagueSearchStep } from "@/components/concerns/colleague-search-step";
import { DoneBanner } from "@/components/concerns/done-banner";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { calendarDateIn } from "@/lib/domain/date-words";
import { findIntakeColleague } from "@/lib/queries/intake-colleague";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { RecordConcernForm } from "./record-concern-form";

export const metadata: Metadata = { title: "Record a concern · Peer Concerns" };

/**
 * For a concern that reached the compliance team by telephone, letter, a department chair
 * or an external body: recorded here, it follows the same workflow from the notice on.
 */
export default async function RecordConcernPage({
  searchParams,
}: {
  searchParams: Promise<{ colleague?: string; find?: string; done?: string }>;
}) {
  const actor = await requirePermission("concerns:record");
  const params = await searchParams;
  const db = getDb();
  // Chosen in the search step that works without JavaScript (?colleague=…).
  const { chosen, query, problem, found } = await findIntakeColleague(db, actor.userId, params);
  const { windows, evidence } = await loadWorkflowSettings(db);
  return (
    <section className="space-y-4">
      <Link href="/compliance" className="text-sm text-brand-700 underline">
        ← Compliance queue
      </Link>
      <h1 className="text-2xl font-bold">Record a concern that came by another channel</h1>
      <DoneBanner done={params.done} />
      <p className="max-w-2xl text-slate-700">
        For a concern about a colleague&apos;s post that reached you by telephone, by letter,
        through a department chair or from an external body. The colleague gets the same notice as
        for any concern, saying how it arrived, never who recorded it, and the case follows the same
        steps. Concerns you follow for a source are under{" "}
        <Link href="/concerns" className="text-brand-700 underline">
          My concerns
        </Link>
        .
      </p>
      {chosen ? null : (
        <ColleagueSearchStep
          page="/compliance/record-concern"
          query={query}
          problem={problem}
          found={found}
        />
      )}
      {/* Without scripts the form waits for the search step, so nothing typed is lost. */}
      <div className={chosen ? "" : "js-only"}>
        <RecordConcernForm
          today={calendarDateIn(new Date(), actor.timeZone)}
          remediationWindowMs={windows.remediationWindowMs}
          colleague={chosen}
          evidenceLimits={evidence}
        />
      </div>
    </section>
  );
}
