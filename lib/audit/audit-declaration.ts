/**
 * The shape of one declaration in the audit-action catalogue (audit-actions.ts): its
 * entity, its words on the timeline, and who sees the entry and reads what it carries.
 */
import type { AuditAction, AuditCatalogue, AuditDetailsOf } from "./audit-actions";

/**
 * Who sees an entry on a case's timeline: both parties (and officers), officers only, or
 * nobody (events about accounts and settings, which have no case).
 */
export type TimelineAudience = "parties" | "officers" | "nobody";

/** The keys of an action's details that hold someone's own words. */
type TextKeys<D> = { [K in keyof D]-?: D[K] extends string | undefined ? K : never }[keyof D];

export interface AuditActionDeclaration<A extends AuditAction> {
  entityType: AuditCatalogue[A]["entity"];
  /** What the timeline and the export say happened. */
  label: string;
  timeline: TimelineAudience;
  /**
   * Who may read what the event carries (its words and summary), when narrower than who
   * sees the entry: parties are told a case was closed, not the reasons.
   */
  detailsFor?: "officers";
  /** Words someone wrote, shown under the entry with these labels, in this order. */
  quotes?: Partial<Record<TextKeys<AuditDetailsOf<A>>, string>>;
  /** One line that says what the event carried, such as the remedy or the outcome. */
  summary?: (details: AuditDetailsOf<A>) => string | undefined;
}
