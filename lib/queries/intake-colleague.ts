import type { Db } from "@/db/client";
import { recordId } from "@/lib/services/field-schemas";
import { searchTextSchema } from "./search-text";
import { type DirectoryEntry, findDirectoryEntry, searchDirectory } from "./users";

const colleagueParam = recordId("Choose the colleague from the directory.");

/**
 * The colleague step of a concern's intake form, where scripts do not run: the colleague
 * chosen (?colleague=…), else the directory search typed (?find=…) and what it found. The
 * person at the form is never found, so no one raises or records a concern about themselves.
 */
export async function findIntakeColleague(
  db: Db,
  actorId: string,
  params: { colleague?: string; find?: string },
): Promise<{
  chosen: DirectoryEntry | undefined;
  query: string;
  problem: string | undefined;
  found: DirectoryEntry[] | null;
}> {
  const chosenId = colleagueParam.safeParse(params.colleague);
  const chosen = chosenId.success
    ? await findDirectoryEntry(db, { id: chosenId.data, excludeUserId: actorId })
    : undefined;
  const find = searchTextSchema.safeParse(params.find ?? "");
  const found =
    !chosen && find.success && find.data
      ? await searchDirectory(db, { query: find.data, excludeUserId: actorId, limit: 20 })
      : null;
  return {
    chosen,
    query: find.success ? find.data : (params.find ?? ""),
    problem: find.success ? undefined : find.error.issues[0]?.message,
    found,
  };
}
