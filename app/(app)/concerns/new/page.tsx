import type { Metadata } from "next";
import { ColleagueSearchStep } from "@/components/concerns/colleague-search-step";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { calendarDateIn } from "@/lib/domain/date-words";
import { AMA_CONSIDERATIONS } from "@/lib/domain/policy-text";
import { findIntakeColleague } from "@/lib/queries/intake-colleague";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { FileConcernForm } from "./file-concern-form";

export const metadata: Metadata = { title: "Raise a concern · Peer Concerns" };

export default async function NewConcernPage({
  searchParams,
}: {
  searchParams: Promise<{ colleague?: string; find?: string }>;
}) {
  const actor = await requirePermission("concerns:file");
  const params = await searchParams;
  const db = getDb();
  // Chosen in the search step that works without JavaScript (?colleague=…).
  const { chosen, query, problem, found } = await findIntakeColleague(db, actor.userId, params);
  const { windows, evidence } = await loadWorkflowSettings(db);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Raise a concern with a colleague</h1>
      <blockquote className="max-w-2xl border-l-4 border-brand-600 pl-3 text-sm text-slate-700">
        {AMA_CONSIDERATIONS.e}
      </blockquote>
      <p className="max-w-2xl text-slate-700">
        Your colleague gets a notice at once and a chance to remove the post or respond. Most
        concerns end there.
      </p>
      {chosen ? null : (
        <ColleagueSearchStep page="/concerns/new" query={query} problem={problem} found={found} />
      )}
      {/* Without scripts the form waits for the search step, so nothing typed is lost. */}
      <div className={chosen ? "" : "js-only"}>
        {/* The reader's today: in New York at 9 pm, UTC is already on tomorrow. */}
        <FileConcernForm
          today={calendarDateIn(new Date(), actor.timeZone)}
          remediationWindowMs={windows.remediationWindowMs}
          colleague={chosen}
          evidenceLimits={evidence}
        />
      </div>
    </section>
  );
}
