/**
 * The targets of issue 16, each figure of a run beside its target and whether it was met.
 * A missed target is reported, never a failure: the bench fails only on correctness.
 */

export const TARGETS = {
  /** Every read page, as a ratio of floor B's req/s, and its p95 against floor B's p95. */
  readPage: { ratio: 0.5, p95Ratio: 2 },
  /** A page or download that writes its access record on the case (the case file). */
  recordsAccess: { ratio: 0.3 },
  /** Filing through the form, as a ratio of floor A's req/s. */
  filing: { ratio: 0.25 },
  /** The deadline worker against a plain set-based UPDATE of the same rows. */
  worker: { ratio: 0.2 },
  queueP95Ms: 5,
  firstLoadOverMinimumKb: 30,
  /** Resident memory once the load stops, against its size idle after warm-up. */
  memoryAfterLoad: 1.5,
} as const;

export interface TargetCheck {
  figure: string;
  measured: string;
  target: string;
  met: boolean;
}

export interface RatedScenario {
  name: string;
  requests: number;
  floor: "A" | "B" | null;
  recordsAccess?: boolean;
  /** Measured to explain another row (a page drawn without its reads), with no target. */
  diagnostic?: boolean;
  ratio: number | null;
  p95Ratio: number | null;
}

/** The ratio a scenario must reach, as its column shows it ("≥ 0.5"), or "" for a floor. */
export function ratioTarget(row: RatedScenario): string {
  if (row.diagnostic) return "";
  if (row.floor === "A") return `≥ ${TARGETS.filing.ratio}`;
  if (row.floor === "B") {
    return `≥ ${row.recordsAccess ? TARGETS.recordsAccess.ratio : TARGETS.readPage.ratio}`;
  }
  return "";
}

export function scenarioTargets(rows: readonly RatedScenario[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const row of rows) {
    if (row.floor === null || row.ratio === null || row.diagnostic) continue;
    if (row.requests === 0) {
      checks.push({
        figure: `${row.name}: req/s ÷ floor ${row.floor}`,
        measured: "no response in the window",
        target: ratioTarget(row),
        met: false,
      });
      continue;
    }
    const minimum =
      row.floor === "A"
        ? TARGETS.filing.ratio
        : row.recordsAccess
          ? TARGETS.recordsAccess.ratio
          : TARGETS.readPage.ratio;
    checks.push({
      figure: `${row.name}: req/s ÷ floor ${row.floor}`,
      measured: row.ratio.toFixed(2),
      target: `≥ ${minimum}`,
      met: row.ratio >= minimum,
    });
    if (row.floor === "B" && !row.recordsAccess && row.p95Ratio !== null) {
      checks.push({
        figure: `${row.name}: p95 ÷ floor B p95`,
        measured: row.p95Ratio.toFixed(2),
        target: `≤ ${TARGETS.readPage.p95Ratio}`,
        met: row.p95Ratio <= TARGETS.readPage.p95Ratio,
      });
    }
  }
  return checks;
}

/** The server's resident size idle, then 10 s and a minute after the load stopped. */
export interface MemoryFigures {
  idleMiB: number;
  afterLoadMiB: number;
  settledMiB: number;
}

export function otherTargets(figures: {
  workerRatio: number | null;
  queueP95s: ReadonlyArray<{ name: string; p95: number }>;
  firstLoadOverKb: ReadonlyArray<{ page: string; overMinimumKb: number }>;
  memory: MemoryFigures | null;
}): TargetCheck[] {
  const checks: TargetCheck[] = [];
  if (figures.workerRatio !== null) {
    checks.push({
      figure: "worker ÷ plain UPDATE",
      measured: figures.workerRatio.toFixed(3),
      target: `≥ ${TARGETS.worker.ratio}`,
      met: figures.workerRatio >= TARGETS.worker.ratio,
    });
  }
  for (const query of figures.queueP95s) {
    checks.push({
      figure: `queue query p95, ${query.name}`,
      measured: `${query.p95.toFixed(2)} ms`,
      target: `< ${TARGETS.queueP95Ms} ms`,
      met: query.p95 < TARGETS.queueP95Ms,
    });
  }
  const worst = [...figures.firstLoadOverKb].sort((a, b) => b.overMinimumKb - a.overMinimumKb)[0];
  if (worst) {
    checks.push({
      figure: `first-load JS over the minimum (largest: ${worst.page})`,
      measured: `${worst.overMinimumKb.toFixed(1)} kB`,
      target: `≤ ${TARGETS.firstLoadOverMinimumKb} kB`,
      met: worst.overMinimumKb <= TARGETS.firstLoadOverMinimumKb,
    });
  }
  if (figures.memory) {
    const { idleMiB, afterLoadMiB, settledMiB } = figures.memory;
    // Judged once the server has been idle a minute: V8 gives back the heap it grew for
    // the load only after some seconds without work, so the 10 s reading is shown beside.
    const ratio = settledMiB / idleMiB;
    checks.push({
      figure: "server memory a minute after the load ÷ idle after warm-up",
      measured: `${ratio.toFixed(2)} (${settledMiB.toFixed(0)} ÷ ${idleMiB.toFixed(0)} MiB; after 10 s ${(afterLoadMiB / idleMiB).toFixed(2)})`,
      target: `≤ ${TARGETS.memoryAfterLoad}`,
      met: ratio <= TARGETS.memoryAfterLoad,
    });
  }
  return checks;
}

export function reportTargets(checks: readonly TargetCheck[], log: (line: string) => void): void {
  const met = checks.filter((check) => check.met).length;
  log(`\nTargets (issue 16): ${met} of ${checks.length} met`);
  console.table(
    checks.map((check) => ({
      figure: check.figure,
      measured: check.measured,
      target: check.target,
      "": check.met ? "met" : "MISSED",
    })),
  );
}
