import type { IncomingMessage } from "node:http";
import { EVIDENCE_CEILING } from "@/lib/domain/evidence";
import { pathOf } from "./short-answer";

/**
 * The most a request body may be: Next.js's default limit for server actions (1 MB),
 * applied by the launcher to every request so a larger body is refused before anything
 * reads it.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The pages whose forms carry files (a server action is posted to the page it is on): a
 * physician's filing and an officer's recording, both with evidence, and the check of a
 * received export, which uploads the exported PDF.
 */
export const FILE_UPLOAD_PATHS: readonly string[] = [
  "/concerns/new",
  "/compliance/record-concern",
  "/compliance/verify-export",
];

/**
 * Room for the most evidence files of the largest size the Settings may ever allow, and the
 * form itself. next.config.ts raises Next.js's own limit to the same figure.
 */
export const FILING_BODY_LIMIT_BYTES =
  EVIDENCE_CEILING.files * EVIDENCE_CEILING.bytesPerFile + BODY_LIMIT_BYTES;

/** This request's limit: a form carrying files gets room for them; all else 1 MB. */
export function bodyLimitOf(request: Pick<IncomingMessage, "method" | "url">): number {
  return request.method === "POST" && FILE_UPLOAD_PATHS.includes(pathOf(request.url))
    ? FILING_BODY_LIMIT_BYTES
    : BODY_LIMIT_BYTES;
}
