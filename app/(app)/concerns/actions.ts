"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { answerInformationRequest } from "@/lib/services/concerns/answer-information-request";
import { answerResponse, answerResponseSchema } from "@/lib/services/concerns/answer-response";
import { answerInformationSchema } from "@/lib/services/concerns/compliance-schemas";
import { fileConcernSchema, onCase } from "@/lib/services/concerns/concern-schemas";
import { fileConcern } from "@/lib/services/concerns/file-concern";
import { postMessage } from "@/lib/services/concerns/post-message";
import { reportMessage } from "@/lib/services/concerns/report-message";
import { postMessageSchema, reportMessageSchema } from "@/lib/services/concerns/thread-schemas";
import { recordId } from "@/lib/services/field-schemas";

export const fileConcernAction = formAction({
  allow: "concerns:file",
  input: fileConcernSchema,
  run: (actor, input) => fileConcern(getDb(), actor, input),
  done: ({ concernId, joined }) => ({
    revalidate: "/concerns",
    redirect: `/concerns/${concernId}?done=${joined ? "joined" : "filed"}`,
    navigate: "separately",
  }),
});

export const answerResponseAction = formAction({
  // A physician's own concern, or one an officer recorded and follows as reporter of record.
  allow: "concerns:follow",
  input: onCase(answerResponseSchema),
  run: (actor, { concernId, decision, ...input }) =>
    answerResponse(getDb(), actor, concernId, decision, input),
  done: ({ recorded }, { concernId, decision }) => ({
    revalidate: "/concerns",
    redirect: `/concerns/${concernId}?done=${recorded ? "answer_recorded" : decision}`,
  }),
});

/** A party's answer to an officer's question, from either party's page of the case. */
export const answerInformationAction = formAction({
  allow: "signed-in",
  input: answerInformationSchema.extend({
    requestId: recordId("We could not find that question."),
    // Which page of the case the answer came from, to return to it.
    view: z.enum(["reporter", "subject"]).catch("reporter"),
  }),
  run: (actor, { requestId, answer }) =>
    answerInformationRequest(getDb(), actor, requestId, { answer }),
  done: ({ concernId }, { view }) => {
    const page = `${view === "subject" ? "/notices" : "/concerns"}/${concernId}`;
    return { revalidate: page, redirect: `${page}?done=answer_information` };
  },
});

/** Either party's page of a case: the reporter's concern or the colleague's notice. */
function partyPage(party: "reporter" | "subject", concernId: string): string {
  return `${party === "subject" ? "/notices" : "/concerns"}/${concernId}`;
}

/** A message in the case's thread, from either party; the service finds which they are. */
export const postMessageAction = formAction({
  allow: "signed-in",
  input: postMessageSchema,
  run: (actor, input) => postMessage(getDb(), actor, input),
  done: ({ party, concernId }) => {
    const page = partyPage(party, concernId);
    return { revalidate: page, redirect: `${page}?done=message#thread` };
  },
});

/** A party reports the other party's message as abusive, for the compliance officers. */
export const reportMessageAction = formAction({
  allow: "signed-in",
  input: reportMessageSchema,
  run: (actor, input) => reportMessage(getDb(), actor, input),
  done: ({ party, concernId }) => {
    const page = partyPage(party, concernId);
    return { revalidate: page, redirect: `${page}?done=message_reported#thread` };
  },
});
