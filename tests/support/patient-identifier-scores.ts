/**
 * How the patient-identifier detector does on a labelled corpus, shared by the unit test
 * (which holds it to its targets) and `npm run bench` (which prints it).
 *
 * An identifier counts as found when spans of its kind cover every letter and digit of its
 * label: a span that stops short would leave part of it on the page after redaction.
 */
import type { LabelledText } from "../fixtures/patient-identifiers-corpus";

export const TARGET_RECALL = 0.95;
export const TARGET_CLEAN_FLAGGED = 0.05;

type Detect = (text: string) => Array<{ kind: string; start: number; end: number }>;

export interface KindScore {
  kind: string;
  expected: number;
  found: number;
  recall: number;
}

export interface Excerpt {
  kind: string;
  value: string;
  text: string;
}

export interface CorpusScores {
  texts: number;
  kinds: KindScore[];
  expected: number;
  found: number;
  recall: number;
  /** Found by a span of any kind: what redaction would remove even when the kind is wrong. */
  covered: number;
  cleanTexts: number;
  cleanFlagged: number;
  cleanFlaggedShare: number;
  /** Spans in identifying texts that touch no labelled identifier. */
  extraSpans: number;
  misses: Excerpt[];
  falseAlarms: Excerpt[];
}

function isCovered(
  text: string,
  label: { start: number; end: number },
  spans: ReadonlyArray<{ start: number; end: number }>,
): boolean {
  for (let at = label.start; at < label.end; at++) {
    if (!/[\p{L}\p{N}]/u.test(text[at]!)) continue;
    if (!spans.some((span) => span.start <= at && at < span.end)) return false;
  }
  return true;
}

export function scoreDetector(detect: Detect, corpus: readonly LabelledText[]): CorpusScores {
  const byKind = new Map<string, { expected: number; found: number }>();
  const misses: Excerpt[] = [];
  const falseAlarms: Excerpt[] = [];
  let covered = 0;
  let cleanTexts = 0;
  let cleanFlagged = 0;
  let extraSpans = 0;
  for (const { text, spans: labels } of corpus) {
    const spans = detect(text);
    if (labels.length === 0) {
      cleanTexts++;
      if (spans.length > 0) cleanFlagged++;
      for (const span of spans) {
        falseAlarms.push({ kind: span.kind, value: text.slice(span.start, span.end), text });
      }
      continue;
    }
    for (const label of labels) {
      const score = byKind.get(label.kind) ?? { expected: 0, found: 0 };
      byKind.set(label.kind, score);
      score.expected++;
      const sameKind = spans.filter((span) => span.kind === label.kind);
      if (isCovered(text, label, sameKind)) score.found++;
      else misses.push({ kind: label.kind, value: text.slice(label.start, label.end), text });
      if (isCovered(text, label, spans)) covered++;
    }
    for (const span of spans) {
      if (!labels.some((label) => span.start < label.end && label.start < span.end)) {
        extraSpans++;
        falseAlarms.push({ kind: span.kind, value: text.slice(span.start, span.end), text });
      }
    }
  }
  const kinds = [...byKind.entries()]
    .map(([kind, { expected, found }]) => ({ kind, expected, found, recall: found / expected }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
  const expected = kinds.reduce((sum, kind) => sum + kind.expected, 0);
  const found = kinds.reduce((sum, kind) => sum + kind.found, 0);
  return {
    texts: corpus.length,
    kinds,
    expected,
    found,
    recall: found / expected,
    covered,
    cleanTexts,
    cleanFlagged,
    cleanFlaggedShare: cleanFlagged / cleanTexts,
    extraSpans,
    misses,
    falseAlarms,
  };
}
