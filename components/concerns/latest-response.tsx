import { REMEDIATION_LABELS } from "@/lib/domain/concern-labels";
import type { ConcernDetail } from "@/lib/queries/concerns";

const WORDS = {
  reporter: { title: "Your colleague's response", disputed: "They disputed the concern" },
  subject: { title: "Your response", disputed: "You disputed the concern" },
  officer: { title: "The colleague's latest response", disputed: "Disputed the concern" },
} as const;

/** The colleague's latest answer to the concern, worded for whoever reads it. */
export function LatestResponse({
  concern,
  view,
}: {
  concern: Pick<ConcernDetail, "respondedAt" | "remediationAction" | "responseNote">;
  view: keyof typeof WORDS;
}) {
  if (!concern.respondedAt) return null;
  const words = WORDS[view];
  return (
    <section aria-labelledby="response" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="response" className="text-lg font-semibold">
        {words.title}
      </h2>
      <p className="mt-1 font-medium">
        {concern.remediationAction ? REMEDIATION_LABELS[concern.remediationAction] : words.disputed}
      </p>
      {concern.responseNote ? (
        <p className="mt-1 whitespace-pre-wrap break-words">{concern.responseNote}</p>
      ) : null}
    </section>
  );
}
