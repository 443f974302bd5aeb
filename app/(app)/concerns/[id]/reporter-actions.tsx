import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { ConfirmationBox, TextareaField } from "@/components/ui/field";
import {
  answerResponseSchema,
  type ReporterDecision,
} from "@/lib/services/concerns/answer-response";
import { onCase } from "@/lib/services/concerns/concern-schemas";
import { answerResponseAction } from "../actions";

interface DecisionWords {
  title: string;
  hint: string;
  /** The first press, which asks; then the button that sends. */
  ask: string;
  button: string;
  reason?: "required" | "optional";
  variant?: "primary" | "secondary" | "danger";
  /** What will happen and who will be told, said before it is done. */
  consequence: (significant: boolean) => string;
}

const DECISIONS: Record<ReporterDecision, DecisionWords> = {
  confirm_remediation: {
    title: "Confirm the action",
    hint: "The post is dealt with. The case closes as resolved.",
    ask: "Confirm the action…",
    button: "Confirm: the concern is resolved",
    consequence: () =>
      "The concern will close as resolved and your colleague will be told. You cannot reopen it.",
  },
  reject_remediation: {
    title: "Not enough",
    hint: "Tell your colleague why; a significant concern then goes to the compliance team.",
    ask: "Say it is not enough…",
    button: "Say it is not enough",
    reason: "required",
    variant: "secondary",
    consequence: (significant) =>
      significant
        ? "The case will go to the compliance team, who will see the whole case and who raised it. Your colleague will be told, and will read your reason."
        : "Your colleague will be told, will read your reason, and will be asked to act again.",
  },
  accept_dispute: {
    title: "Accept the explanation",
    hint: "The case closes.",
    ask: "Accept the explanation…",
    button: "Accept the explanation",
    consequence: () =>
      "The concern will close and your colleague will be told that you accepted their explanation. You cannot reopen it.",
  },
  escalate_dispute: {
    title: "Escalate to compliance",
    hint: "The explanation does not resolve a significant concern; the compliance team will review it.",
    ask: "Escalate to compliance…",
    button: "Escalate to compliance",
    reason: "required",
    variant: "danger",
    consequence: () =>
      "The case will go to the compliance team, who will see the whole case and who raised it. Your colleague will be told, and will read your reason.",
  },
  withdraw: {
    title: "Withdraw the concern",
    hint: "Your colleague is told the concern was withdrawn.",
    ask: "Withdraw…",
    button: "Withdraw",
    reason: "optional",
    variant: "secondary",
    consequence: () =>
      "The concern will close as withdrawn and your colleague will be told, with your reason if you give one. You cannot reopen it.",
  },
};

export function ReporterActions({
  concernId,
  decisions,
  significant,
  confidential,
}: {
  concernId: string;
  decisions: ReporterDecision[];
  significant: boolean;
  confidential: boolean;
}) {
  const readBy = confidential
    ? "Your colleague will read this. You chose to stay confidential: leave out your name and anything that would identify you."
    : "Your colleague will read this.";
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {decisions.map((decision) => {
        const words = DECISIONS[decision];
        return (
          <ActionForm
            key={decision}
            action={answerResponseAction}
            schema={onCase(answerResponseSchema)}
            className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
            idPrefix={`${decision}-`}
          >
            <h3 className="font-semibold">{words.title}</h3>
            <p className="text-sm text-slate-700">{words.hint}</p>
            <input type="hidden" name="concernId" value={concernId} />
            <input type="hidden" name="decision" value={decision} />
            {words.reason ? (
              <TextareaField
                name="reason"
                label={words.reason === "optional" ? "Reason (optional)" : "Reason"}
                required={words.reason === "required"}
                hint={readBy}
                rows={3}
              />
            ) : null}
            <ConfirmationBox name="identityConfirmed" />
            <ConfirmStep
              label={words.ask}
              variant={words.variant}
              consequence={<p>{words.consequence(significant)}</p>}
            >
              <SubmitButton variant={words.variant} pendingLabel="Saving…">
                {words.button}
              </SubmitButton>
            </ConfirmStep>
          </ActionForm>
        );
      })}
    </div>
  );
}
