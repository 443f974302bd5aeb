import type { Metadata } from "next";
import { requirePermission } from "@/lib/authz/current-actor";
import { calendarDateIn } from "@/lib/domain/date-words";
import { AMA_CONSIDERATIONS } from "@/lib/domain/policy-text";
import { FileConcernForm } from "./file-concern-form";

export const metadata: Metadata = { title: "Raise a concern · Peer Concerns" };

export default async function NewConcernPage() {
  const actor = await requirePermission("concerns:file");
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
      {/* The reader's today: in New York at 9 pm, UTC is already on tomorrow. */}
      <FileConcernForm today={calendarDateIn(new Date(), actor.timeZone)} />
    </section>
  );
}
