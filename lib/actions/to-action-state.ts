import { z } from "zod";
import { isDatabaseUnreachable } from "@/db/reachability";
import { PatientDetailsRefusal } from "@/lib/errors/patient-details-refusal";
import { Refusal } from "@/lib/errors/refusal";
import type { ActionState } from "./action-state";

const UNEXPECTED = "Something went wrong on our side and nothing was changed. Please try again.";
const UNAVAILABLE =
  "The service is temporarily unavailable and nothing was saved. Please try again in a moment.";

/**
 * Maps anything a service throws to what the user may see. Refusals and validation
 * errors are explained; any other error is logged by name only (its message may quote
 * case content) and reported as a generic failure, so no stack trace reaches a user.
 */
export function toActionState(error: unknown): ActionState {
  if (error instanceof PatientDetailsRefusal) {
    return { status: "error", message: error.message, fieldErrors: error.fieldMessages() };
  }
  if (error instanceof Refusal) {
    return {
      status: "error",
      message: error.message,
      fieldErrors: error.field ? { [error.field]: [error.message] } : undefined,
      link: error.link,
    };
  }
  if (error instanceof z.ZodError) {
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
    };
  }
  if (isDatabaseUnreachable(error)) {
    console.error("[action] the database could not be reached");
    return { status: "error", message: UNAVAILABLE };
  }
  console.error(`[action] unexpected ${error instanceof Error ? error.name : typeof error}`);
  return { status: "error", message: UNEXPECTED };
}
