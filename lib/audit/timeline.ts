import type { ConcernView } from "@/lib/authz/concern-access";
import { REDACTED } from "@/lib/domain/patient-identifiers";
import type { TimelineActor } from "@/lib/domain/reader-words";
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditDetailsOf,
  isAuditAction,
} from "./audit-actions";

/** One entry of a case's history, worded for the person reading it. */
export interface TimelineEntry {
  id: number;
  at: Date;
  action: string;
  who: string;
  /** Officers' view only: who acted, by side of the case and name, for the export's wording. */
  by?: TimelineActor;
  /** What happened. */
  label: string;
  /** What the event carried, in one line (the remedy, the outcome), where the reader may know. */
  summary?: string;
  /** The words someone wrote with the event, where the reader may read them. */
  quotes: { label: string; text: string }[];
  /** The event's details as the reader may see them: empty where they may not. */
  details: Record<string, unknown>;
}

interface StoredEvent {
  id: number;
  at: Date;
  action: string;
  details: Record<string, unknown>;
}

/**
 * An audit event as an entry on this viewer's timeline, or null when it is not theirs to
 * see: the catalogue says who sees each action and who may read what it carries. An action
 * the catalogue does not know (a row older than this code) is shown to officers only.
 */
export function toTimelineEntry(
  event: StoredEvent,
  view: ConcernView,
  who: string,
  redacted: RedactedQuotes = new Set(),
): TimelineEntry | null {
  const declaration = isAuditAction(event.action) ? AUDIT_ACTIONS[event.action] : undefined;
  const audience = declaration?.timeline ?? "officers";
  if (audience === "nobody" || (audience === "officers" && view !== "officer")) return null;
  const mayRead = view === "officer" || declaration?.detailsFor !== "officers";
  const details = mayRead ? withoutRedacted(event, redacted) : {};
  return {
    id: event.id,
    at: event.at,
    action: event.action,
    who,
    label: declaration?.label ?? event.action,
    ...wordsOf(declaration, details),
    details,
  };
}

/** "eventId:key" of every quote an officer's redaction hid. */
export type RedactedQuotes = ReadonlySet<string>;

/**
 * The quotes that redactions of this case hid: the events that copied the removed words
 * cannot change (the trail is append-only), so they are hidden wherever they are read.
 */
export function redactedQuotesOf(events: readonly StoredEvent[]): RedactedQuotes {
  const hidden = new Set<string>();
  for (const event of events) {
    if (event.action !== "case_text_redacted") continue;
    const { hiddenQuotes } = event.details as AuditDetailsOf<"case_text_redacted">;
    for (const quote of hiddenQuotes ?? []) hidden.add(`${quote.eventId}:${quote.key}`);
  }
  return hidden;
}

function withoutRedacted(event: StoredEvent, redacted: RedactedQuotes): Record<string, unknown> {
  if (!redacted.size) return event.details;
  return Object.fromEntries(
    Object.entries(event.details).map(([key, value]) => [
      key,
      redacted.has(`${event.id}:${key}`) ? REDACTED : value,
    ]),
  );
}

function wordsOf(
  declaration: (typeof AUDIT_ACTIONS)[AuditAction] | undefined,
  details: Record<string, unknown>,
): Pick<TimelineEntry, "summary" | "quotes"> {
  // Each declaration is typed by its own action, and stored details have that shape.
  const { quotes = {}, summary } = (declaration ?? {}) as {
    quotes?: Record<string, string>;
    summary?: (details: Record<string, unknown>) => string | undefined;
  };
  return {
    summary: summary?.(details),
    quotes: Object.entries(quotes).flatMap(([key, label]) => {
      const text = details[key];
      return typeof text === "string" && text ? [{ label, text }] : [];
    }),
  };
}
