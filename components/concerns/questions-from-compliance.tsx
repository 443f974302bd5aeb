import { DateTime } from "@/components/ui/date-time";
import type { InformationRequestItem } from "@/lib/queries/case-file";
import { AnswerInformationForm } from "./answer-information-form";

/**
 * The compliance team's questions to this party (only theirs), each answerable once
 * while the case is open.
 */
export function QuestionsFromCompliance({
  requests,
  view,
  open,
  timeZone,
}: {
  requests: InformationRequestItem[];
  view: "reporter" | "subject";
  open: boolean;
  timeZone: string;
}) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="questions" className="space-y-3">
      <h2 id="questions" className="text-lg font-semibold">
        Questions from the compliance team
      </h2>
      <ul className="space-y-3">
        {requests.map((request) => (
          <li key={request.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <p className="text-slate-600">
              Asked on <DateTime date={request.askedAt} timeZone={timeZone} />
            </p>
            <p className="whitespace-pre-wrap break-words font-medium">{request.question}</p>
            {request.answer && request.answeredAt ? (
              <p className="mt-2 whitespace-pre-wrap break-words">
                <span className="font-medium">
                  Your answer (<DateTime date={request.answeredAt} timeZone={timeZone} />
                  ):{" "}
                </span>
                {request.answer}
              </p>
            ) : open ? (
              <AnswerInformationForm requestId={request.id} view={view} />
            ) : (
              <p className="mt-2 text-slate-600">The case is closed; no answer is needed.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
