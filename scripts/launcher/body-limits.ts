import type { IncomingMessage } from "node:http";
import { EVIDENCE_CEILING } from "@/lib/domain/evidence";
import { pathOf } from "./short-answer";

/**
 * The most a request body may be: Next.js's default limit for server actions (1 MB),
 * applied by the launcher to every request so a larger body is refused before anything
 * reads it.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The filing form's server action is posted to the page it is on. */
export const FILING_PATH = "/concerns/new";

/**
 * The filing may carry evidence: the most files of the largest size the Settings may ever
 * allow, and the form itself. next.config.ts raises Next.js's own limit to the same figure.
 */
export const FILING_BODY_LIMIT_BYTES =
  EVIDENCE_CEILING.files * EVIDENCE_CEILING.bytesPerFile + BODY_LIMIT_BYTES;

/** This request's limit: the filing's post gets room for its files; all else 1 MB. */
export function bodyLimitOf(request: Pick<IncomingMessage, "method" | "url">): number {
  return request.method === "POST" && pathOf(request.url) === FILING_PATH
    ? FILING_BODY_LIMIT_BYTES
    : BODY_LIMIT_BYTES;
}
