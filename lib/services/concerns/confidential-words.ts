import { mentionsOwnIdentity } from "@/lib/domain/own-identity";
import { Refusal } from "@/lib/errors/refusal";

/**
 * A confidential reporter is stopped once before words that would name them reach the
 * colleague: they can take them out, or tick the box to send them as they are.
 */
export function assertDoesNotNameReporter(
  texts: readonly (string | null | undefined)[],
  reporter: { name: string; email: string },
  confirmed: boolean,
  /** Whose identity: the writer's own, the confidential reporter an officer records for, or the recording officer's. */
  whose: keyof typeof NAMED_WORDS = "own",
): void {
  if (confirmed) return;
  if (texts.some((text) => text && mentionsOwnIdentity(text, reporter))) {
    throw new Refusal("invalid_input", NAMED_WORDS[whose], "identityConfirmed");
  }
}

const NAMED_WORDS = {
  own: "This mentions your name or email, and you chose to stay confidential: your colleague will read it. Take it out, or tick the box to send it as it is.",
  reporter:
    "This mentions the name or email of the physician who raised it, who stays confidential: the colleague will read it. Take it out, or tick the box to send it as it is.",
  recorder:
    "This mentions your name or email: the colleague will read it, and is not told who recorded the concern. Take it out, or tick the box to send it as it is.",
} as const;
