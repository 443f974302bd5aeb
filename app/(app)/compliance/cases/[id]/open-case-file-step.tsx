import { SubmitButton } from "@/components/ui/button";

/**
 * What a link from another site or an email gets instead of the case file: opening the
 * file is recorded in its access log, so it happens only when the officer asks for it here.
 */
export function OpenCaseFileStep({
  concernId,
  reference,
}: {
  concernId: string;
  reference: string;
}) {
  return (
    <article className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">Open the case file {reference}?</h1>
      <p>
        You followed a link from another site or an email. Opening the case file shows the
        reporter&apos;s identity, and your opening it is recorded in the case&apos;s access log.
      </p>
      <form method="get" action={`/compliance/cases/${concernId}`}>
        <SubmitButton>Open the case file</SubmitButton>
      </form>
    </article>
  );
}
