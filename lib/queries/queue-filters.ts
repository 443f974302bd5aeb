import { z } from "zod";
import { PLATFORMS } from "@/lib/domain/concern-fields";
import { CONCERN_CATEGORIES, SEVERITIES } from "@/lib/domain/policy-text";
import { recordId } from "@/lib/services/field-schemas";
import { linkPositionText } from "./keyset-page";
import { searchTextSchema } from "./search-text";

/**
 * The compliance queue's filters as they arrive in the URL. Every value is parsed here
 * before a query sees it; a value that does not parse is dropped (its default applies)
 * and reported next to its field, so a mistyped or tampered URL changes nothing else.
 */
/** Open cases by default; closed ones, or every case an officer may see, on request. */
export const QUEUE_STATES = ["open", "escalated", "in_review", "closed", "all"] as const;
export const QUEUE_ASSIGNEES = ["anyone", "me", "unassigned"] as const;
export const QUEUE_SORTS = ["oldest", "newest", "due"] as const;
export const QUEUE_PAGE_SIZE = 25;

export type QueueSort = (typeof QUEUE_SORTS)[number];

const INVALID_CURSOR = "That page link is not valid.";

const cursorSchema = linkPositionText(INVALID_CURSOR)
  .pipe(
    z.tuple(
      [z.iso.datetime({ offset: true, message: INVALID_CURSOR }), recordId(INVALID_CURSOR)],
      INVALID_CURSOR,
    ),
  )
  .transform(([at, id]) => ({ at: new Date(at), id }));

export type QueueCursor = z.output<typeof cursorSchema>;

const FIELDS = {
  state: z.enum(QUEUE_STATES, "Choose a listed state."),
  department: recordId("Choose a listed department."),
  category: z.enum(CONCERN_CATEGORIES, "Choose a listed category."),
  severity: z.enum(SEVERITIES, "Choose a listed severity."),
  platform: z.enum(PLATFORMS, "Choose a listed platform."),
  assignee: z.enum(QUEUE_ASSIGNEES, "Choose whose cases to show."),
  overdue: z.enum(["1"], "Tick the box or leave it clear.").transform(() => true),
  sort: z.enum(QUEUE_SORTS, "Choose a listed order."),
  q: searchTextSchema,
  after: cursorSchema,
} as const;

type Field = keyof typeof FIELDS;

/** Every URL parameter the queue reads. */
export const QUEUE_FILTER_PARAMS = Object.keys(FIELDS) as Field[];

export interface QueueFilters {
  state: (typeof QUEUE_STATES)[number];
  department?: string;
  category?: (typeof CONCERN_CATEGORIES)[number];
  severity?: (typeof SEVERITIES)[number];
  platform?: (typeof PLATFORMS)[number];
  assignee: (typeof QUEUE_ASSIGNEES)[number];
  overdue: boolean;
  sort: QueueSort;
  q?: string;
  after?: QueueCursor;
}

export const DEFAULT_QUEUE_FILTERS: QueueFilters = {
  state: "open",
  assignee: "anyone",
  overdue: false,
  sort: "oldest",
};

type SearchParams = Record<string, string | string[] | undefined>;

/** What was wrong with each parameter that could not be read, by parameter. */
export type QueueFilterProblems = Partial<Record<Field, string>>;

export function parseQueueFilters(params: SearchParams): {
  filters: QueueFilters;
  problems: QueueFilterProblems;
} {
  const filters: Record<string, unknown> = { ...DEFAULT_QUEUE_FILTERS };
  const problems: QueueFilterProblems = {};
  for (const field of QUEUE_FILTER_PARAMS) {
    const raw = params[field];
    // An empty select ("any") or a field left out means the default.
    if (raw === undefined || raw === "") continue;
    const parsed = FIELDS[field].safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success) {
      if (parsed.data !== "") filters[field] = parsed.data;
    } else {
      problems[field] = parsed.error.issues[0]?.message ?? "That value is not valid.";
    }
  }
  return { filters: filters as unknown as QueueFilters, problems };
}

export function encodeQueueCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), "utf8").toString("base64url");
}

/** The same filters as URL parameters, without the page, for links and the next page. */
export function queueSearchParams(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [
    "state",
    "department",
    "category",
    "severity",
    "platform",
    "assignee",
    "sort",
    "q",
  ] as const) {
    const value = filters[key];
    if (value !== undefined && value !== DEFAULT_QUEUE_FILTERS[key as keyof QueueFilters]) {
      params.set(key, String(value));
    }
  }
  if (filters.overdue) params.set("overdue", "1");
  return params;
}

/** PC-000123, pc-123 or 123: a search for a case number rather than a name. */
export function caseNumberIn(query: string): number | null {
  const match = /^(?:pc-?)?(\d{1,12})$/i.exec(query.trim());
  return match ? Number(match[1]) : null;
}
