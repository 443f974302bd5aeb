import PDFDocument from "pdfkit";
import { formatDateTime } from "@/lib/domain/date-words";
import type { CaseFileExport } from "./case-file";
import { numberPages, registerFonts, writeText } from "./pdf-text";

/**
 * The case file as a paginated PDF: every script printed in an embedded Unicode font,
 * "Page N of M" on every page, dates in words in the exporting officer's zone.
 */
export function caseFileToPdf(file: CaseFileExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    bufferPages: true,
    info: {
      Title: `Case file ${file.reference}`,
      Subject: "Peer Concerns case file for an external authority",
      Author: file.exportedBy,
      Creator: "Peer Concerns",
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const stamp = (date: Date) => formatDateTime(date, file.timeZone);
  const heading = (text: string) => {
    doc.moveDown(0.8);
    writeText(doc, { text, bold: true }, 13);
    doc.moveDown(0.3);
  };
  const entry = (title: string, ...lines: string[]) => {
    writeText(doc, { text: title, bold: true });
    for (const line of lines) if (line) writeText(doc, { text: line });
    doc.moveDown(0.4);
  };

  writeText(doc, { text: `Case file ${file.reference}`, bold: true }, 18);
  doc.fillColor("#444444");
  writeText(
    doc,
    {
      text: `Exported ${stamp(file.exportedAt)} by ${file.exportedBy}. ${file.includesNotes ? "Includes officers' internal notes." : "Officers' internal notes are not included."} Confidential.`,
    },
    9,
  );
  doc.fillColor("#000000");

  heading("The case");
  for (const [label, value] of file.facts) {
    writeText(doc, [{ text: `${label}: `, bold: true }, { text: value }]);
  }

  heading("Timeline");
  for (const item of file.timeline) entry(`${stamp(item.at)} · ${item.what}`, item.who, item.text);

  heading("Conversation between the colleagues");
  if (file.conversation.length === 0) writeText(doc, { text: "No messages." });
  for (const item of file.conversation) {
    entry(`${stamp(item.at)} · ${item.who} · ${item.what}`, item.text);
  }

  if (file.questions.length > 0) {
    heading("Requests for information");
    for (const q of file.questions) {
      entry(
        `${stamp(q.at)} · asked of ${q.to.toLowerCase()}`,
        q.question,
        q.answeredAt ? `Answer (${stamp(q.answeredAt)}): ${q.answer}` : "Not answered.",
      );
    }
  }

  if (file.includesNotes) {
    heading("Internal notes");
    if (file.notes.length === 0) writeText(doc, { text: "None." });
    for (const note of file.notes)
      entry(`${stamp(note.at)} · ${note.who}`, note.text, note.retraction);
  }

  numberPages(doc, `Case file ${file.reference}`);
  doc.end();
  return done;
}
