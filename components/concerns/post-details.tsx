import { describeConsiderations, platformLabel } from "@/lib/domain/concern-labels";
import { formatCalendarDate } from "@/lib/domain/date-words";
import { SEVERITY_LABELS } from "@/lib/domain/policy-text";
import type { ConcernDetail } from "@/lib/queries/concerns";
import type { EvidenceFile } from "@/lib/queries/evidence";
import { EvidenceList } from "./evidence-list";

/** What was seen and where. The URL is http(s) only (checked on filing), shown as text too. */
export function PostDetails({
  concern,
  evidence,
  title = "The post",
}: {
  concern: ConcernDetail;
  /** The screenshots or PDFs filed with it. */
  evidence: EvidenceFile[];
  title?: string;
}) {
  return (
    <section aria-labelledby="post">
      <h2 id="post" className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Post</dt>
        <dd className="break-all">
          <a
            href={concern.postUrl}
            rel="noopener noreferrer nofollow"
            target="_blank"
            className="text-brand-700 underline"
          >
            {concern.postUrl}
          </a>
        </dd>
        <dt className="font-medium">Platform</dt>
        <dd>{platformLabel(concern.platform)}</dd>
        <dt className="font-medium">Seen on</dt>
        <dd>
          <time dateTime={concern.seenOn}>{formatCalendarDate(concern.seenOn)}</time>
        </dd>
        <dt className="font-medium">What was seen</dt>
        <dd className="whitespace-pre-wrap break-words">{concern.description}</dd>
        <dt className="font-medium">Evidence</dt>
        <dd>
          <EvidenceList files={evidence} />
        </dd>
        <dt className="font-medium">Considerations</dt>
        <dd className="break-words">{describeConsiderations(concern)}</dd>
        <dt className="font-medium">Judged as</dt>
        <dd>{SEVERITY_LABELS[concern.severity]}</dd>
      </dl>
    </section>
  );
}
