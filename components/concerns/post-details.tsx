import { describeConsiderations, platformLabel } from "@/lib/domain/concern-labels";
import { formatCalendarDate } from "@/lib/domain/date-words";
import { SEVERITY_LABELS } from "@/lib/domain/policy-text";
import { describePostLink } from "@/lib/domain/post-link";
import type { ConcernDetail } from "@/lib/queries/concerns";
import type { EvidenceFile } from "@/lib/queries/evidence";
import { EvidenceList } from "./evidence-list";

/**
 * What was seen and where. The URL is http(s) only (checked on filing), shown as text too,
 * with the site it really goes to and a warning when something before an "@" dresses it
 * up as another site.
 */
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
          <PostLinkText raw={concern.postUrl} />
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

function PostLinkText({ raw }: { raw: string }) {
  const link = describePostLink(raw);
  if (!link) return <span>{raw}</span>;
  return (
    <>
      <a
        href={link.href}
        rel="noopener noreferrer nofollow"
        target="_blank"
        className="text-brand-700 underline"
      >
        {link.href}
      </a>
      <span className="mt-1 block break-normal text-sm">
        Goes to the site <strong className="break-all">{link.host}</strong>
      </span>
      {link.userPart && (
        <span
          role="note"
          className="mt-1 block break-normal rounded bg-amber-50 p-2 text-sm text-amber-900"
        >
          Careful: the link as filed began with &ldquo;
          <span className="break-all">{link.userPart}@</span>&rdquo;, which makes it look like
          another site. It goes to {link.host}.
        </span>
      )}
    </>
  );
}
