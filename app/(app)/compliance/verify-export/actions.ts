"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { formatDateTime } from "@/lib/domain/date-words";
import {
  checkReceivedExport,
  checkReceivedExportSchema,
  type ReceivedFileCheck,
} from "@/lib/services/concerns/recorded-exports";

export const checkReceivedExportAction = formAction({
  allow: "compliance:work",
  input: checkReceivedExportSchema,
  run: async (actor, { file }) => {
    const bytes = Buffer.from(await (file[0] as File).arrayBuffer());
    return { check: await checkReceivedExport(getDb(), actor, bytes), zone: actor.timeZone };
  },
  done: ({ check, zone }) => ({ message: describeCheck(check, zone) }),
});

/** One sentence per recorded export the file matches, or why it matches none. */
function describeCheck({ sha256, matches }: ReceivedFileCheck, zone: string): string {
  if (matches.length === 0) {
    return `No match: no recorded export has this file's SHA-256 (${sha256}). It is not a file Peer Concerns exported, or it was changed after export.`;
  }
  return matches
    .map((match) => {
      if (!match.visible) {
        return "It matches an export recorded in the audit trail, of a case you do not have access to.";
      }
      const what = match.kind === "file" ? match.fileName : `the manifest of ${match.fileName}`;
      return `It matches: this is ${what}, exported from case ${match.reference} on ${formatDateTime(match.at, zone)} by ${match.byName ?? "an officer"} (SHA-256 ${sha256}).`;
    })
    .join(" ");
}
