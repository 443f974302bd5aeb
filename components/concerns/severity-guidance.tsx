import { CONCERN_CATEGORIES, CONCERN_CATEGORY_OPTIONS } from "@/lib/domain/policy-text";
import {
  BOARD_SURVEY,
  CONSIDERATION_GUIDANCE,
  SEVERITY_RULE_OF_THUMB,
} from "@/lib/domain/severity-guidance";

/**
 * Help with the severity, on the filing form: examples per consideration and how often
 * state medical boards would investigate such conduct. Folded (details/summary), so it
 * costs nothing to those who do not need it and works without JavaScript.
 */
export function SeverityGuidance() {
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">
        Not sure how serious it is? Examples, and what medical boards say
      </summary>
      <div className="mt-3 space-y-4">
        <p>{SEVERITY_RULE_OF_THUMB}</p>
        {CONCERN_CATEGORIES.map((category) => {
          const guidance = CONSIDERATION_GUIDANCE[category];
          const { label, consideration } = CONCERN_CATEGORY_OPTIONS[category];
          return (
            // Not labelled regions: their names would read as the form's own controls.
            <div key={category} className="space-y-2">
              <h3 className="font-semibold">
                {label}
                {consideration ? ` (${consideration})` : ""}
              </h3>
              <ul className="list-disc space-y-1 pl-5">
                {guidance.examples.map((example) => (
                  <li key={example}>{example}</li>
                ))}
              </ul>
              {guidance.boards.length > 0 ? (
                <>
                  <p className="text-slate-600">How many state medical boards would investigate:</p>
                  <ul className="space-y-1">
                    {guidance.boards.map((finding) => (
                      <li key={finding.conduct} className="flex items-start gap-2">
                        <span className="w-10 shrink-0 text-right font-semibold tabular-nums">
                          {finding.percent}%
                        </span>
                        <span className="min-w-0">
                          <span className="block">{finding.conduct}</span>
                          <span
                            aria-hidden="true"
                            className="mt-0.5 block h-1.5 rounded bg-brand-600"
                            style={{ width: `${finding.percent}%` }}
                          />
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          );
        })}
        <p className="text-slate-600">
          Percentages: {BOARD_SURVEY.question}. {BOARD_SURVEY.citation}
        </p>
      </div>
    </details>
  );
}
