import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";

/**
 * Keyset pages of a list ordered newest first by (time, id): a page starts strictly after
 * the row at the edge of the page the reader came from, so every page costs one walk of an
 * index however deep it is, and rows added meanwhile are neither repeated nor skipped.
 *
 * The position in a link is the edge row's time in microseconds (PostgreSQL's precision,
 * which a JavaScript Date would round to milliseconds, repeating or skipping rows that share
 * a millisecond) and its id. It comes from the URL, so it is untrusted: one that does not
 * parse is ignored and the first page shown. It only says where to start: every query still
 * keeps to the reader's own rows, so a position copied from someone else's list shows
 * nothing of theirs.
 */
export interface KeysetPosition {
  /** Microseconds since 1970, as digits. */
  micros: string;
  id: string;
}

export type PageRequest =
  | { direction: "first" }
  | { direction: "older" | "newer"; from: KeysetPosition };

export const FIRST_PAGE: PageRequest = { direction: "first" };

/** The type of a list's id column: the position's id must be one, or it is not read. */
export type KeysetIdType = "uuid" | "bigint";

const ID_SCHEMAS = {
  uuid: z.uuid(),
  bigint: z.string().regex(/^[1-9]\d{0,17}$/),
} as const;

/**
 * A page link's position as it travels in a URL: JSON, base64url, bounded. Untrusted, so
 * its contents are parsed by whatever the caller pipes it into.
 */
export function linkPositionText(invalidMessage: string) {
  return z
    .string()
    .max(200)
    .transform((text, ctx) => {
      try {
        return JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: invalidMessage });
        return z.NEVER;
      }
    });
}

function positionSchema(idType: KeysetIdType) {
  return linkPositionText("not a position")
    .pipe(z.tuple([z.string().regex(/^\d{1,17}$/), ID_SCHEMAS[idType]]))
    .transform(([micros, id]): KeysetPosition => ({ micros, id }));
}

export function encodePosition(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.micros, position.id]), "utf8").toString("base64url");
}

type SearchParam = string | string[] | undefined;

/**
 * The page a link asks for: `older` (the next page down) or `newer` (back up), each the
 * position of the edge row. Anything else, or both at once, is the first page; `malformed`
 * says a position was given but could not be read, so the page can say so.
 */
export function readPageRequest(
  params: Record<string, SearchParam>,
  // A position of another list (a notification's number on "my concerns") is malformed
  // here: the database would refuse to compare it with this list's ids.
  idType: KeysetIdType,
  names: { older: string; newer: string } = { older: "older", newer: "newer" },
): { request: PageRequest; malformed: boolean } {
  const older = first(params[names.older]);
  const newer = first(params[names.newer]);
  if (older === undefined && newer === undefined) return { request: FIRST_PAGE, malformed: false };
  if (older !== undefined && newer !== undefined) return { request: FIRST_PAGE, malformed: true };
  const parsed = positionSchema(idType).safeParse(older ?? newer);
  if (!parsed.success) return { request: FIRST_PAGE, malformed: true };
  return {
    request: { direction: older !== undefined ? "older" : "newer", from: parsed.data },
    malformed: false,
  };
}

function first(value: SearchParam): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The row's time in microseconds as digits, selected beside the row to build its position. */
export function microsOf(at: AnyPgColumn | SQL): SQL<string> {
  return sql<string>`(extract(epoch from ${at}) * 1000000)::bigint::text`;
}

/**
 * The condition that starts the page after the edge row: older rows for `older`, newer for
 * `newer`, none for the first page. `idType` is the id column's SQL type.
 */
export function keysetCondition(
  at: AnyPgColumn,
  id: AnyPgColumn,
  idType: KeysetIdType,
  request: PageRequest,
): SQL | undefined {
  if (request.direction === "first") return undefined;
  const edge = sql`(timestamptz 'epoch' + ${request.from.micros}::bigint * interval '1 microsecond', ${request.from.id}::${sql.raw(idType)})`;
  return request.direction === "older"
    ? sql`(${at}, ${id}) < ${edge}`
    : sql`(${at}, ${id}) > ${edge}`;
}

/**
 * The order to read in: newest first, except when going back up, which reads the rows just
 * newer than the edge oldest first (and the page turns them round).
 */
export function keysetOrder(at: AnyPgColumn, id: AnyPgColumn, request: PageRequest): SQL[] {
  return request.direction === "newer"
    ? [sql`${at} asc`, sql`${id} asc`]
    : [sql`${at} desc`, sql`${id} desc`];
}

export interface KeysetPage<Row> {
  /** Newest first. */
  rows: Row[];
  /** The link to the next older page, when there is one. */
  older: string | null;
  /** The link back to newer rows, when there are any. */
  newer: string | null;
  /** The link led nowhere (nothing there now, or not the reader's list): this is the first page. */
  restarted: boolean;
}

/**
 * Reads one page with `read(request, size + 1)`. A link that now leads to no rows, or back up
 * to fewer than a page of newer ones, gives the first page instead, so the reader is never
 * left on an empty or short page with nowhere to go.
 */
export async function readKeysetPage<Row>(
  request: PageRequest,
  size: number,
  read: (request: PageRequest, limit: number) => Promise<Row[]>,
  positionOf: (row: Row) => KeysetPosition,
): Promise<KeysetPage<Row>> {
  const rows = await read(request, size + 1);
  const endsAtTheTop = request.direction === "newer" && rows.length <= size;
  if (request.direction !== "first" && (rows.length === 0 || endsAtTheTop)) {
    const firstPage = await read(FIRST_PAGE, size + 1);
    return { ...toKeysetPage(firstPage, size, FIRST_PAGE, positionOf), restarted: !endsAtTheTop };
  }
  return { ...toKeysetPage(rows, size, request, positionOf), restarted: false };
}

/**
 * One page from rows read in `keysetOrder` with a limit of `size + 1`: the extra row only
 * says that another page follows.
 */
function toKeysetPage<Row>(
  read: readonly Row[],
  size: number,
  request: PageRequest,
  positionOf: (row: Row) => KeysetPosition,
): Omit<KeysetPage<Row>, "restarted"> {
  const more = read.length > size;
  const rows = read.slice(0, size);
  if (request.direction === "newer") rows.reverse();
  const newest = rows[0];
  const oldest = rows.at(-1);
  const hasOlder = request.direction === "newer" ? rows.length > 0 : more;
  const hasNewer = request.direction === "newer" ? more : request.direction === "older";
  return {
    rows,
    older: hasOlder && oldest ? encodePosition(positionOf(oldest)) : null,
    newer: hasNewer && newest ? encodePosition(positionOf(newest)) : null,
  };
}
