import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { findConcernFor } from "@/lib/queries/concerns";
import { concernIdSchema } from "@/lib/services/concerns/concern-schemas";
import type { ConcernView } from "./concern-access";
import { requirePermission } from "./current-actor";
import type { Permission } from "./permissions";

const PERMISSION_FOR_VIEW: Readonly<Record<ConcernView, Permission>> = {
  reporter: "concerns:follow",
  subject: "notices:respond",
  officer: "compliance:work",
};

/**
 * The opening of every page about one case: the caller's permission for this view of it,
 * the id from the URL, and the case through the view's scope. An id that is not an id and
 * a case outside the scope are the same "not found", so a page cannot tell anyone more.
 */
export async function requireCase(view: ConcernView, params: Promise<{ id: string }>) {
  const actor = await requirePermission(PERMISSION_FOR_VIEW[view]);
  const id = concernIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const concern = await findConcernFor(getDb(), actor, view, id.data);
  if (!concern) notFound();
  return { actor, concern };
}
