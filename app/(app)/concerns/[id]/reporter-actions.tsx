"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import type { ReporterDecision } from "@/lib/services/concerns/answer-response";
import { answerResponseAction } from "../actions";

const DECISIONS: Record<
  ReporterDecision,
  {
    title: string;
    button: string;
    reason?: "required" | "optional";
    hint: string;
    variant?: "primary" | "secondary" | "danger";
  }
> = {
  confirm_remediation: {
    title: "Confirm the action",
    button: "Confirm: the concern is resolved",
    hint: "The post is dealt with. The case closes as resolved.",
  },
  reject_remediation: {
    title: "Not enough",
    button: "Say it is not enough",
    reason: "required",
    hint: "Tell your colleague why; a significant concern then goes to the compliance team.",
    variant: "secondary",
  },
  accept_dispute: {
    title: "Accept the explanation",
    button: "Accept the explanation",
    hint: "The case closes.",
  },
  escalate_dispute: {
    title: "Escalate to compliance",
    button: "Escalate to compliance",
    reason: "required",
    hint: "The explanation does not resolve a significant concern; the compliance team will review it.",
    variant: "danger",
  },
  withdraw: {
    title: "Withdraw the concern",
    button: "Withdraw",
    reason: "optional",
    hint: "Your colleague is told the concern was withdrawn.",
    variant: "secondary",
  },
};

export function ReporterActions({
  concernId,
  decisions,
}: {
  concernId: string;
  decisions: ReporterDecision[];
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {decisions.map((decision) => {
        const config = DECISIONS[decision];
        return (
          <ActionForm
            key={decision}
            action={answerResponseAction}
            className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
          >
            {(state) => (
              <>
                <h3 className="font-semibold">{config.title}</h3>
                <p className="text-sm text-slate-700">{config.hint}</p>
                <input type="hidden" name="concernId" value={concernId} />
                <input type="hidden" name="decision" value={decision} />
                {config.reason ? (
                  <label className="block text-sm">
                    <span className="font-medium">
                      Reason{config.reason === "optional" ? " (optional)" : ""}
                    </span>
                    <textarea
                      name="reason"
                      rows={3}
                      maxLength={4000}
                      className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
                      aria-invalid={state.fieldErrors?.reason ? true : undefined}
                    />
                    {state.fieldErrors?.reason ? (
                      <span className="text-sm font-medium text-red-700">
                        {state.fieldErrors.reason.join(" ")}
                      </span>
                    ) : null}
                  </label>
                ) : null}
                <SubmitButton variant={config.variant} pendingLabel="Saving…">
                  {config.button}
                </SubmitButton>
              </>
            )}
          </ActionForm>
        );
      })}
    </div>
  );
}
