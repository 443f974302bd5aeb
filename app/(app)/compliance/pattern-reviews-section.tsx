import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { Table } from "@/components/ui/table";
import { patternReviewStateLabel } from "@/lib/domain/pattern-review";
import type { listPatternReviewQueue } from "@/lib/queries/pattern-reviews";

/**
 * Undecided pattern reviews in the officer's scope: colleagues raised by several colleagues
 * within the window, whatever became of each concern.
 */
export function PatternReviewsSection({
  reviews,
  viewerId,
  timeZone,
}: {
  reviews: Awaited<ReturnType<typeof listPatternReviewQueue>>;
  viewerId: string;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="pattern-reviews" className="space-y-2">
      <h2 id="pattern-reviews" className="text-xl font-semibold">
        Pattern reviews
      </h2>
      <p className="text-slate-700">
        Colleagues about whom several colleagues raised concerns within the window set in Settings,
        even when each ended between peers.
      </p>
      {reviews.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          No pattern reviews are waiting.
        </p>
      ) : (
        <Table
          caption="Pattern reviews waiting for a decision"
          rows={reviews}
          rowKey={(review) => review.id}
          columns={[
            {
              header: "Review",
              cell: (review) => (
                <Link
                  href={`/compliance/pattern-reviews/${review.id}`}
                  className="text-brand-700 underline"
                >
                  {review.reference}
                </Link>
              ),
            },
            { header: "Colleague concerned", cell: (review) => review.subjectName },
            { header: "Department", cell: (review) => review.departmentName ?? "—" },
            { header: "Concerns", cell: (review) => review.concernCount },
            {
              header: "Opened",
              cell: (review) => <DateTime date={review.openedAt} timeZone={timeZone} />,
            },
            {
              header: "Colleague answered",
              cell: (review) => (review.answeredAt ? "Yes" : "Not yet"),
            },
            {
              header: "Status",
              cell: (review) =>
                `${patternReviewStateLabel(review.state, "officer")}${
                  review.holderName
                    ? ` · ${review.assigneeId === viewerId ? "you" : review.holderName}`
                    : ""
                }`,
            },
          ]}
        />
      )}
    </section>
  );
}
