import { DateTime } from "@/components/ui/date-time";
import type { InformationRequestItem } from "@/lib/queries/case-file";
import { RequestInformationForm } from "./case-forms";

const RECIPIENT_LABELS = {
  subject: "the colleague concerned",
  reporter: "the colleague who raised the concern",
} as const;

/** The officers' questions to either party, their answers, and a new question. */
export function QuestionsSection({
  concernId,
  requests,
  canAsk,
  timeZone,
}: {
  concernId: string;
  requests: InformationRequestItem[];
  canAsk: boolean;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="questions" className="space-y-3">
      <h2 id="questions" className="text-lg font-semibold">
        Requests for information
      </h2>
      {requests.length === 0 ? <p className="text-sm">No questions asked yet.</p> : null}
      <ul className="space-y-3">
        {requests.map((request) => (
          <li key={request.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <p className="text-slate-600">
              Asked {RECIPIENT_LABELS[request.recipient]} on{" "}
              <DateTime date={request.askedAt} timeZone={timeZone} />
            </p>
            <p className="whitespace-pre-wrap break-words font-medium">{request.question}</p>
            {request.answer && request.answeredAt ? (
              <p className="mt-2 whitespace-pre-wrap break-words">
                <span className="font-medium">
                  Answer (<DateTime date={request.answeredAt} timeZone={timeZone} />
                  ):{" "}
                </span>
                {request.answer}
              </p>
            ) : (
              <p className="mt-2 text-slate-600">Not answered yet.</p>
            )}
          </li>
        ))}
      </ul>
      {canAsk ? <RequestInformationForm concernId={concernId} /> : null}
    </section>
  );
}
