import { PLATFORM_LABELS, type Platform } from "./concern-fields";
import { OUTCOME_LABELS } from "./concern-labels";
import { ALL_STATES, type CaseOutcome, type ConcernState } from "./concern-workflow";
import { CONCERN_CATEGORY_OPTIONS, type ConcernCategory } from "./policy-text";
import { stateLabel } from "./reader-words";

/** No figure is shown for a group of fewer people: it would be about someone recognisable. */
export const SMALLEST_GROUP = 5;

export interface InsightTable {
  /** Also the CSV's name: /compliance/insights/csv?table=<id>. */
  id: string;
  title: string;
  labelHeader: string;
  series: string[];
  rows: { label: string; values: number[] }[];
  /** Said under the table: what was left out and why. */
  note?: string;
  /** A table of people is not drawn as a chart. */
  chart: boolean;
}

interface Counts {
  filed: number;
  escalated: number;
  overdue: number;
}

export interface InsightFigures {
  byState: { key: string; value: number }[];
  byDepartment: ({ key: string; people: number } & Counts)[];
  byCategory: ({ key: string } & Counts)[];
  byPlatform: ({ key: string } & Counts)[];
  byOutcome: { key: CaseOutcome; value: number }[];
  trend: {
    month: string;
    filed: number;
    peerResolved: number;
    escalated: number;
    lapsed: number;
  }[];
  repeatColleagues: { name: string; department: string; concerns: number; reporters: number }[];
}

const COUNT_SERIES = ["Raised", "Escalated", "Overdue now"];
const counts = (r: Counts) => [r.filed, r.escalated, r.overdue];

/**
 * Departments of fewer than SMALLEST_GROUP people are counted together; if even together
 * they are fewer, their figures are not shown at all.
 */
export function mergeSmallDepartments(rows: InsightFigures["byDepartment"]): {
  rows: { label: string; values: number[] }[];
  note?: string;
} {
  const large = rows.filter((r) => r.people >= SMALLEST_GROUP);
  const small = rows.filter((r) => r.people < SMALLEST_GROUP);
  const shown = large.map((r) => ({ label: r.key, values: counts(r) }));
  if (small.length === 0) return { rows: shown };
  const people = small.reduce((sum, r) => sum + r.people, 0);
  const together = small.reduce<Counts>(
    (sum, r) => ({
      filed: sum.filed + r.filed,
      escalated: sum.escalated + r.escalated,
      overdue: sum.overdue + r.overdue,
    }),
    { filed: 0, escalated: 0, overdue: 0 },
  );
  const plural = small.length === 1 ? "department" : "departments";
  if (people < SMALLEST_GROUP) {
    return {
      rows: shown,
      note: `${small.length} ${plural} with fewer than ${SMALLEST_GROUP} people in all not shown, so that nobody can be recognised.`,
    };
  }
  return {
    rows: [
      ...shown,
      { label: `${small.length} smaller ${plural} together`, values: counts(together) },
    ],
    note: `Departments with fewer than ${SMALLEST_GROUP} people are counted together, so that nobody can be recognised.`,
  };
}

/** "2026-03" as "March 2026". */
export function monthInWords(month: string): string {
  return new Date(`${month}-01T00:00:00.000Z`).toLocaleString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** Every table of the insights page, the same for the page and for each CSV download. */
export function insightTables(figures: InsightFigures): InsightTable[] {
  const stateCounts = new Map(figures.byState.map((s) => [s.key, s.value]));
  const departments = mergeSmallDepartments(figures.byDepartment);
  return [
    {
      id: "by-state",
      title: "Concerns by current state",
      labelHeader: "State",
      series: ["Concerns"],
      rows: ALL_STATES.filter((s) => stateCounts.has(s)).map((state: ConcernState) => ({
        label: stateLabel(state, "officer"),
        values: [stateCounts.get(state) ?? 0],
      })),
      chart: true,
    },
    {
      id: "trend",
      title: "Month by month: raised, ended between colleagues, escalated, lapsed",
      labelHeader: "Month",
      series: ["Raised", "Ended between colleagues", "Escalated", "Lapsed"],
      rows: figures.trend.map((m) => ({
        label: monthInWords(m.month),
        values: [m.filed, m.peerResolved, m.escalated, m.lapsed],
      })),
      chart: true,
    },
    {
      id: "by-outcome",
      title: "Decisions by outcome",
      labelHeader: "Outcome",
      series: ["Cases"],
      rows: figures.byOutcome.map((r) => ({ label: OUTCOME_LABELS[r.key], values: [r.value] })),
      chart: true,
    },
    {
      id: "by-department",
      title: "By department of the colleague concerned",
      labelHeader: "Department",
      series: COUNT_SERIES,
      rows: departments.rows,
      note: departments.note,
      chart: true,
    },
    {
      id: "by-category",
      title: "By policy consideration (a concern can touch several)",
      labelHeader: "Consideration",
      series: COUNT_SERIES,
      rows: figures.byCategory.map((r) => ({
        label: CONCERN_CATEGORY_OPTIONS[r.key as ConcernCategory]?.label ?? r.key,
        values: counts(r),
      })),
      chart: true,
    },
    {
      id: "by-platform",
      title: "By platform",
      labelHeader: "Platform",
      series: COUNT_SERIES,
      rows: figures.byPlatform.map((r) => ({
        label: PLATFORM_LABELS[r.key as Platform] ?? r.key,
        values: counts(r),
      })),
      chart: true,
    },
    {
      id: "repeat-colleagues",
      title: "Colleagues raised more than once",
      labelHeader: "Colleague",
      series: ["Concerns", "Different colleagues raising them"],
      rows: figures.repeatColleagues.map((r) => ({
        label: `${r.name} (${r.department})`,
        values: [r.concerns, r.reporters],
      })),
      note: "For the compliance team only: this table names people.",
      chart: false,
    },
  ];
}
