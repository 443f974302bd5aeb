import { z } from "zod";
import { isDatabaseUnreachable } from "@/db/reachability";
import { Refusal, type RefusalCode } from "@/lib/errors/refusal";

/** The HTTP status of each refusal: the one table every route handler answers from. */
export const REFUSAL_STATUS: Readonly<Record<RefusalCode, number>> = {
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_input: 400,
  email_taken: 409,
  cannot_change_own_account: 403,
  duplicate: 409,
  rate_limited: 429,
};

/**
 * What a route handler answers when its use case throws: a refusal with its status and
 * message, a validation error as 400, an unreachable database as 503, anything else as a
 * generic 500 logged by name only (its message may quote case content).
 */
export function errorResponse(error: unknown, format: "text" | "json" = "text"): Response {
  if (error instanceof Refusal) return answer(REFUSAL_STATUS[error.code], error.message, format);
  if (error instanceof z.ZodError) {
    return answer(400, error.issues[0]?.message ?? "That request is not valid.", format);
  }
  if (isDatabaseUnreachable(error)) {
    return answer(503, "The service is temporarily unavailable. Please try again.", format);
  }
  console.error(`[route] unexpected ${error instanceof Error ? error.name : typeof error}`);
  return answer(500, "Something went wrong on our side. Please try again.", format);
}

/** A short answer that is never cached. */
export function answer(status: number, message: string, format: "text" | "json" = "text") {
  const headers = { "Cache-Control": "no-store" };
  if (format === "json") return Response.json({ error: message }, { status, headers });
  return new Response(message, {
    status,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}
