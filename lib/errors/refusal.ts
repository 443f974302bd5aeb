/**
 * The one error type for a request the rules refuse (as opposed to a fault). Services
 * throw it; lib/actions/to-action-state.ts turns it into the message a form shows, and
 * lib/http/refusal-response.ts into the status a route handler answers.
 * Nothing it carries may name a confidential reporter.
 */
export type RefusalCode =
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_input"
  | "email_taken"
  | "cannot_change_own_account"
  | "duplicate"
  | "rate_limited";

export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly field?: string,
    /** Somewhere the person can go to sort it out, such as the concern this one duplicates. */
    readonly link?: { href: string; label: string },
  ) {
    super(message);
    this.name = "Refusal";
  }
}
