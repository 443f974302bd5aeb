import { DateTime } from "@/components/ui/date-time";
import { formatCalendarDate } from "@/lib/domain/date-words";
import { SEVERITY_LABELS, type Severity } from "@/lib/domain/policy-text";
import type { CaseReporter } from "@/lib/queries/case-reporters";

/** "Dr Rahman and a colleague (confidential)": who raised it, as the colleague may know. */
export function raisedByWords(reporters: readonly CaseReporter[]): string {
  const names = reporters.map((reporter) => reporter.name ?? "a colleague (confidential)");
  if (names.length <= 1) return names[0] ?? "a colleague (confidential)";
  return `${names.length} colleagues: ${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * For the colleague: the case was raised by more than one colleague, each in their own
 * words, and one response answers them all. Names only those who chose to be named.
 */
export function RaisedByMany({ reporters }: { reporters: readonly CaseReporter[] }) {
  if (reporters.length < 2) return null;
  const further = reporters.filter((reporter) => !reporter.isFirst);
  return (
    <section
      aria-labelledby="raised-by-many"
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="raised-by-many"
    >
      <h2 id="raised-by-many" className="text-lg font-semibold">
        More than one colleague raised this post
      </h2>
      <p className="mt-1">
        {reporters.length} colleagues raised this post separately. You answer once: your response
        goes to each of them, and each of them may confirm it or say it is not enough.
      </p>
      {further.map((reporter) => (
        <div key={reporter.key} className="mt-3 border-l-4 border-slate-300 pl-3">
          <h3 className="font-medium">
            What {reporter.name ?? "another colleague"} wrote
            {reporter.seenOn ? `, having seen it on ${formatCalendarDate(reporter.seenOn)}` : ""}
          </h3>
          <p className="whitespace-pre-line break-words">{reporter.description}</p>
        </div>
      ))}
    </section>
  );
}

const VERDICT_WORDS = {
  consent: "accepted the response",
  objection: "did not accept the response",
} as const;

/** For officers: everyone who raised the case, with what each said and answered. */
export function ReportersList({
  reporters,
  caseSeverity,
  timeZone,
}: {
  reporters: readonly CaseReporter[];
  caseSeverity: Severity;
  timeZone: string;
}) {
  return (
    <ul className="space-y-2" data-testid="case-reporters">
      {reporters.map((reporter) => (
        <li key={reporter.key} className="break-words">
          <span className="font-medium">{reporter.name}</span> ({reporter.email}) ·{" "}
          {reporter.disclosure === "named"
            ? "named to the colleague"
            : "confidential to the colleague"}
          {reporter.isFirst ? (
            " · first to raise it"
          ) : (
            <>
              {" · joined "}
              {reporter.joinedAt ? <DateTime date={reporter.joinedAt} timeZone={timeZone} /> : null}
              {reporter.severity
                ? ` · judged it: ${SEVERITY_LABELS[reporter.severity].toLowerCase()}`
                : null}
            </>
          )}
          {reporter.verdict ? ` · ${VERDICT_WORDS[reporter.verdict]}` : null}
          {!reporter.isFirst ? (
            <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
              {reporter.description}
            </p>
          ) : null}
        </li>
      ))}
      {reporters.length > 1 ? (
        <li className="text-sm text-slate-700">
          The case&apos;s severity is the highest any of them gave:{" "}
          {SEVERITY_LABELS[caseSeverity].toLowerCase()}.
        </li>
      ) : null}
    </ul>
  );
}

/**
 * For a reporter of a case others raised too: that their concern joined it, and that the
 * case waits on everyone's answer. Never who the others are.
 */
export function JoinedCase({
  joinedAt,
  reporters,
  waitingForOthers,
  timeZone,
}: {
  joinedAt: Date | null;
  reporters: number;
  waitingForOthers: boolean;
  timeZone: string;
}) {
  if (reporters < 2) return null;
  return (
    <div
      className="mt-3 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm"
      data-testid="joined-case"
    >
      {joinedAt ? (
        <p>
          <strong>Your concern joined an existing case</strong> on{" "}
          <DateTime date={joinedAt} timeZone={timeZone} />: another colleague had already raised
          this post about the same colleague.
        </p>
      ) : (
        <p>
          <strong>Other colleagues raised this post too</strong>, and joined your case.
        </p>
      )}
      <p className="mt-1">
        {reporters} colleagues raised it. Your colleague answers once, to all of you; each of you
        may confirm the response or say it is not enough. A significant concern goes to the
        compliance team if any of you says it is not enough, and closes when all of you have
        confirmed or let the time to answer pass.
        {waitingForOthers ? " You have answered; the case waits for the others." : ""}
      </p>
    </div>
  );
}
