"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { addCaseNote } from "@/lib/services/concerns/add-case-note";
import { decideAppealSchema } from "@/lib/services/concerns/appeal-schemas";
import { assignCase } from "@/lib/services/concerns/assign-case";
import { claimCase } from "@/lib/services/concerns/claim-case";
import { closeCase } from "@/lib/services/concerns/close-case";
import {
  assignCaseSchema,
  caseNoteSchema,
  recuseSchema,
  releaseCaseSchema,
  reopenCaseSchema,
  requestInformationSchema,
  retractNoteSchema,
} from "@/lib/services/concerns/compliance-schemas";
import { closeCaseSchema, onCase } from "@/lib/services/concerns/concern-schemas";
import { decideAppeal } from "@/lib/services/concerns/decide-appeal";
import { recuseFromCase } from "@/lib/services/concerns/recuse-from-case";
import { redactCaseText } from "@/lib/services/concerns/redact-case-text";
import { redactCaseTextSchema } from "@/lib/services/concerns/redaction-schemas";
import { releaseCase } from "@/lib/services/concerns/release-case";
import { reopenCase } from "@/lib/services/concerns/reopen-case";
import { requestInformation } from "@/lib/services/concerns/request-information";
import { noteIdSchema, retractCaseNote } from "@/lib/services/concerns/retract-case-note";
import { takeAppeal } from "@/lib/services/concerns/take-appeal";

/** Each officer use case reloads the case page with a confirmation of the step taken. */
function backToCase(step: string) {
  return (_result: unknown, { concernId }: { concernId: string }) => ({
    revalidate: "/compliance",
    redirect: `/compliance/cases/${concernId}?done=${step}`,
  });
}

export const claimCaseAction = formAction({
  allow: "compliance:work",
  input: onCase(z.object({})),
  run: (actor, { concernId }) => claimCase(getDb(), actor, concernId),
  done: backToCase("claim"),
});

export const assignCaseAction = formAction({
  allow: "compliance:work",
  input: onCase(assignCaseSchema),
  run: (actor, { concernId, ...input }) => assignCase(getDb(), actor, concernId, input),
  done: backToCase("assign"),
});

export const releaseCaseAction = formAction({
  allow: "compliance:work",
  input: onCase(releaseCaseSchema),
  run: (actor, { concernId, ...input }) => releaseCase(getDb(), actor, concernId, input),
  done: backToCase("release"),
});

// The case is out of the officer's sight once they step aside: back to their queue.
export const recuseAction = formAction({
  allow: "compliance:work",
  input: onCase(recuseSchema),
  run: (actor, { concernId, ...input }) => recuseFromCase(getDb(), actor, concernId, input),
  done: () => ({ revalidate: "/compliance", redirect: "/compliance?done=recused" }),
});

export const closeCaseAction = formAction({
  allow: "compliance:work",
  input: onCase(closeCaseSchema),
  run: (actor, { concernId, ...input }) => closeCase(getDb(), actor, concernId, input),
  done: backToCase("close_case"),
});

export const reopenCaseAction = formAction({
  allow: "compliance:work",
  input: onCase(reopenCaseSchema),
  run: (actor, { concernId, ...input }) => reopenCase(getDb(), actor, concernId, input),
  done: backToCase("reopen"),
});

export const addNoteAction = formAction({
  allow: "compliance:work",
  input: onCase(caseNoteSchema),
  run: (actor, { concernId, ...input }) => addCaseNote(getDb(), actor, concernId, input),
  done: backToCase("note"),
});

export const retractNoteAction = formAction({
  allow: "compliance:work",
  input: onCase(retractNoteSchema.extend({ noteId: noteIdSchema })),
  run: (actor, { noteId, reason }) => retractCaseNote(getDb(), actor, noteId, { reason }),
  done: backToCase("retract_note"),
});

export const requestInformationAction = formAction({
  allow: "compliance:work",
  input: onCase(requestInformationSchema),
  run: (actor, { concernId, ...input }) => requestInformation(getDb(), actor, concernId, input),
  done: backToCase("request_information"),
});

export const redactCaseTextAction = formAction({
  allow: "compliance:work",
  input: onCase(redactCaseTextSchema),
  run: (actor, { concernId, ...input }) => redactCaseText(getDb(), actor, concernId, input),
  done: backToCase("redact_text"),
});

export const takeAppealAction = formAction({
  allow: "compliance:work",
  input: onCase(z.object({})),
  run: (actor, { concernId }) => takeAppeal(getDb(), actor, concernId),
  done: backToCase("take_appeal"),
});

export const decideAppealAction = formAction({
  allow: "compliance:work",
  input: onCase(decideAppealSchema),
  run: (actor, { concernId, ...input }) => decideAppeal(getDb(), actor, concernId, input),
  done: backToCase("decide_appeal"),
});
