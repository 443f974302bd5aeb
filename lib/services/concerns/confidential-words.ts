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
): void {
  if (confirmed) return;
  if (texts.some((text) => text && mentionsOwnIdentity(text, reporter))) {
    throw new Refusal(
      "invalid_input",
      "This mentions your name or email, and you chose to stay confidential: your colleague will read it. Take it out, or tick the box to send it as it is.",
      "identityConfirmed",
    );
  }
}
