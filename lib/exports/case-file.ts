import type { TimelineEntry } from "@/lib/audit/timeline";
import type { ThreadItem } from "@/lib/domain/case-thread";
import { describeSourceForOfficers } from "@/lib/domain/concern-channels";
import { PLATFORM_LABELS } from "@/lib/domain/concern-fields";
import { describeConsiderations, OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import { formatCalendarDate, formatDateTime } from "@/lib/domain/date-words";
import { EVIDENCE_KINDS, formatBytes, isEvidenceMediaType } from "@/lib/domain/evidence";
import { SEVERITY_LABELS } from "@/lib/domain/policy-text";
import { stateLabel, type TimelineActor } from "@/lib/domain/reader-words";
import type { CaseNote, InformationRequestItem } from "@/lib/queries/case-file";
import type { CaseReporter } from "@/lib/queries/case-reporters";
import type { ConcernDetail } from "@/lib/queries/concerns";
import type { EvidenceFile } from "@/lib/queries/evidence";
import { toCsv } from "./csv";

/**
 * A case file as exported for an external authority: plain text, nothing left to look up.
 * Dates read in words in `timeZone`, each with its zone's name; the CSV's time column also
 * keeps the exact instant in ISO 8601, for sorting and checking.
 */
export interface CaseFileExport {
  reference: string;
  timeZone: string;
  exportedAt: Date;
  exportedBy: string;
  includesNotes: boolean;
  facts: [label: string, value: string][];
  timeline: { at: Date; who: string; what: string; text: string }[];
  /** The colleagues' thread: their messages and responses, with any report of a message. */
  conversation: { at: Date; who: string; what: string; text: string }[];
  questions: { at: Date; to: string; question: string; answer: string; answeredAt: Date | null }[];
  notes: { at: Date; who: string; text: string; retraction: string }[];
}

export function buildCaseFileExport(input: {
  concern: ConcernDetail;
  /** Colleagues who raised the same post later and joined the case. */
  furtherReporters: CaseReporter[];
  /** The files filed with it: named, with the SHA-256 anyone can check a copy against. */
  evidence: EvidenceFile[];
  timeline: TimelineEntry[];
  conversation: ThreadItem[];
  questions: InformationRequestItem[];
  notes: CaseNote[] | null;
  /** The exporting officer's name: the file names them with their role, never "You". */
  exportedBy: string;
  exportedAt: Date;
  timeZone: string;
}): CaseFileExport {
  const { concern, timeZone } = input;
  const inWords = (date: Date) => formatDateTime(date, timeZone);
  const source = describeSourceForOfficers(concern);
  const facts: [string, string][] = [
    ["Case reference", concern.reference],
    ["Status", stateLabel(concern.state, "officer")],
    ["Colleague concerned", concern.subjectName],
    ["Department", concern.departmentName ?? "None"],
    [
      "Raised by",
      `${source.raisedBy}, ${concern.disclosure === "named" ? "named to the colleague" : "confidential to the colleague"}`,
    ],
    ...(source.arrived ? [["How it arrived", source.arrived] as [string, string]] : []),
    ...input.furtherReporters.flatMap((reporter): [string, string][] => [
      [
        "Also raised by",
        `${reporter.name ?? ""} (${reporter.email ?? ""}), ${reporter.disclosure === "named" ? "named to the colleague" : "confidential to the colleague"}, joined ${reporter.joinedAt ? inWords(reporter.joinedAt) : ""}${reporter.severity ? `, judged it: ${SEVERITY_LABELS[reporter.severity]}` : ""}`,
      ],
      ["Their words", reporter.description],
    ]),
    ["Raised on", inWords(concern.createdAt)],
    ["Post", concern.postUrl],
    ["Platform", PLATFORM_LABELS[concern.platform]],
    ["Seen on", formatCalendarDate(concern.seenOn)],
    ["What the post shows", concern.description],
    ...evidenceFacts(input.evidence),
    ["Considerations", describeConsiderations(concern)],
    ["Reporter's judgement", SEVERITY_LABELS[concern.severity]],
    ["Escalated", concern.escalatedAt ? inWords(concern.escalatedAt) : "Not escalated"],
    ["Outcome", concern.outcome ? OUTCOME_LABELS[concern.outcome] : "Not decided"],
  ];
  if (concern.externalAuthority) facts.push(["Referred to", concern.externalAuthority]);
  if (concern.outcomeRationale) facts.push(["Rationale", concern.outcomeRationale]);
  if (concern.outcomeSummary) facts.push(["Told to the parties", concern.outcomeSummary]);

  return {
    reference: concern.reference,
    timeZone,
    exportedAt: input.exportedAt,
    exportedBy: withRole({ party: "officer", name: input.exportedBy, isReader: false }),
    includesNotes: input.notes !== null,
    facts,
    timeline: input.timeline.map((entry) => ({
      at: entry.at,
      who: entry.by ? withRole(entry.by) : entry.who,
      // The closing entry carries the outcome here and the parties' summary in its quotes.
      what: entry.summary ? `${entry.label}. ${entry.summary}` : entry.label,
      text: entry.quotes.map((quote) => `${quote.label}: ${quote.text}`).join("\n"),
    })),
    conversation: input.conversation.map((item) => ({
      at: item.at,
      who: item.by ? withRole(item.by) : item.who,
      what: item.label ?? "Message",
      text: [
        ...item.texts.map((t) => (t.label ? `${t.label}: ${t.text}` : t.text)),
        ...(item.message?.reports ?? []).map(
          (r) => `Reported as abusive by ${r.by}${r.reason ? `: ${r.reason}` : ""}`,
        ),
      ].join("\n"),
    })),
    questions: input.questions.map((q) => ({
      at: q.askedAt,
      to: q.recipient === "subject" ? "The colleague concerned" : "The colleague who raised it",
      question: q.question,
      answer: q.answer ?? "",
      answeredAt: q.answeredAt,
    })),
    notes: (input.notes ?? []).map((note) => ({
      at: note.createdAt,
      who: withRole({ party: "officer", name: note.authorName, isReader: false }),
      text: note.body,
      retraction: note.retractedAt
        ? `Retracted ${inWords(note.retractedAt)} by ${note.retractedByName ?? "an officer"}: ${note.retractionReason ?? ""}`
        : "",
    })),
  };
}

const ROLES: Record<Exclude<TimelineActor["party"], "system">, string> = {
  officer: "compliance officer",
  reporter: "colleague who raised the concern",
  subject: "colleague concerned",
};

/**
 * "Dr Ana Ruiz, compliance officer": an authority reading the file needs each person by name
 * and by their part in the case, whoever exported it (a page says "You"; a file cannot).
 */
export function withRole(actor: TimelineActor): string {
  if (actor.party === "system") return "Peer Concerns (automatic)";
  return `${actor.name ?? "Name not recorded"}, ${ROLES[actor.party]}`;
}

function evidenceFacts(files: EvidenceFile[]): [string, string][] {
  if (files.length === 0) return [["Evidence", "None attached"]];
  return files.map((file, index) => [
    `Evidence ${index + 1}`,
    `${file.fileName} (${isEvidenceMediaType(file.mediaType) ? EVIDENCE_KINDS[file.mediaType].label : "file"}, ${formatBytes(file.byteSize)}), SHA-256 ${file.sha256}`,
  ]);
}

/** One table: section, time, who, item, text; every cell neutralised against formulas. */
export function caseFileToCsv(file: CaseFileExport): string {
  const rows: (string | null)[][] = [["section", "at", "who", "item", "text"]];
  rows.push([
    "export",
    file.exportedAt.toISOString(),
    file.exportedBy,
    "Exported",
    file.includesNotes ? "Includes internal notes" : "Internal notes not included",
  ]);
  for (const [label, value] of file.facts) rows.push(["case", null, null, label, value]);
  for (const entry of file.timeline) {
    rows.push(["timeline", entry.at.toISOString(), entry.who, entry.what, entry.text]);
  }
  for (const item of file.conversation) {
    rows.push(["conversation", item.at.toISOString(), item.who, item.what, item.text]);
  }
  for (const q of file.questions) {
    rows.push(["question", q.at.toISOString(), "Compliance team", `Asked of: ${q.to}`, q.question]);
    if (q.answeredAt) rows.push(["answer", q.answeredAt.toISOString(), q.to, "Answer", q.answer]);
  }
  for (const note of file.notes) {
    rows.push([
      "internal note",
      note.at.toISOString(),
      note.who,
      note.retraction ? "Retracted note" : "Note",
      [note.text, note.retraction].filter(Boolean).join("\n"),
    ]);
  }
  return toCsv(rows);
}
