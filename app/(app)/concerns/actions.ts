"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActor, requirePermission } from "@/lib/authz/current-actor";
import { type ActionState, toActionState } from "@/lib/errors/to-action-state";
import { answerInformationRequest } from "@/lib/services/concerns/answer-information-request";
import {
  answerResponse,
  REPORTER_DECISIONS,
  type ReporterDecision,
} from "@/lib/services/concerns/answer-response";
import { fileConcern } from "@/lib/services/concerns/file-concern";

function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function fileConcernAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("concerns:file");
  let concernId: string;
  try {
    ({ concernId } = await fileConcern(getDb(), actor, {
      subjectId: text(form, "subjectId"),
      postUrl: text(form, "postUrl"),
      platform: text(form, "platform") as never,
      seenOn: text(form, "seenOn"),
      description: text(form, "description"),
      categories: form.getAll("categories").map(String) as never[],
      severity: text(form, "severity") as never,
      disclosure: (text(form, "disclosure") || "confidential") as never,
    }));
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/concerns");
  redirect(`/concerns/${concernId}?done=filed`);
}

export async function answerResponseAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("concerns:file");
  const decision = text(form, "decision");
  if (!REPORTER_DECISIONS.includes(decision as ReporterDecision)) {
    return { status: "error", message: "That action is not available." };
  }
  const concernId = text(form, "concernId");
  try {
    await answerResponse(getDb(), actor, concernId, decision as ReporterDecision, {
      reason: text(form, "reason"),
    });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/concerns");
  redirect(`/concerns/${concernId}?done=${decision}`);
}

/** A party's answer to an officer's question, from either party's page of the case. */
export async function answerInformationAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requireActor();
  const view = text(form, "view") === "subject" ? "subject" : "reporter";
  let concernId: string;
  try {
    ({ concernId } = await answerInformationRequest(getDb(), actor, text(form, "requestId"), {
      answer: text(form, "answer"),
    }));
  } catch (error) {
    return toActionState(error);
  }
  const base = view === "subject" ? "/notices" : "/concerns";
  revalidatePath(`${base}/${concernId}`);
  redirect(`${base}/${concernId}?done=answer_information`);
}
