import PDFDocument from "pdfkit";
import { formatDateTime } from "@/lib/domain/date-words";
import type { CaseFileExport } from "./case-file";

// The built-in PDF fonts encode Windows-1252 only; anything else would print as garbage,
// so it is shown as "?" rather than silently mangled.
function printable(text: string): string {
  return text.replace(
    /[^\t\n\r\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u20ac]/g,
    "?",
  );
}

/** The case file as a plain, paginated PDF with the reference in its title and header. */
export function caseFileToPdf(file: CaseFileExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: {
      Title: `Case file ${file.reference}`,
      Subject: "Peer Concerns case file for an external authority",
      Author: printable(file.exportedBy),
      Creator: "Peer Concerns",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const stamp = (date: Date) => formatDateTime(date, file.timeZone);
  const heading = (text: string) => {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).text(text).moveDown(0.3);
    doc.font("Helvetica").fontSize(10);
  };

  doc.font("Helvetica-Bold").fontSize(18).text(`Case file ${file.reference}`);
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor("#444444")
    .text(
      printable(
        `Exported ${stamp(file.exportedAt)} by ${file.exportedBy}. ${file.includesNotes ? "Includes officers' internal notes." : "Officers' internal notes are not included."} Confidential.`,
      ),
    )
    .fillColor("#000000");

  heading("The case");
  for (const [label, value] of file.facts) {
    doc.font("Helvetica-Bold").text(`${printable(label)}: `, { continued: true });
    doc.font("Helvetica").text(printable(value));
  }

  heading("Timeline");
  for (const entry of file.timeline) {
    doc.font("Helvetica-Bold").text(printable(`${stamp(entry.at)} · ${entry.what}`));
    doc.font("Helvetica").text(printable(entry.who));
    if (entry.text) doc.text(printable(entry.text));
    doc.moveDown(0.4);
  }

  heading("Conversation between the colleagues");
  if (file.conversation.length === 0) doc.text("No messages.");
  for (const item of file.conversation) {
    doc.font("Helvetica-Bold").text(printable(`${stamp(item.at)} · ${item.who} · ${item.what}`));
    doc.font("Helvetica").text(printable(item.text));
    doc.moveDown(0.4);
  }

  if (file.questions.length > 0) {
    heading("Requests for information");
    for (const q of file.questions) {
      doc.font("Helvetica-Bold").text(printable(`${stamp(q.at)} · asked of ${q.to.toLowerCase()}`));
      doc.font("Helvetica").text(printable(q.question));
      doc.text(
        printable(q.answeredAt ? `Answer (${stamp(q.answeredAt)}): ${q.answer}` : "Not answered."),
      );
      doc.moveDown(0.4);
    }
  }

  if (file.includesNotes) {
    heading("Internal notes");
    if (file.notes.length === 0) doc.text("None.");
    for (const note of file.notes) {
      doc.font("Helvetica-Bold").text(printable(`${stamp(note.at)} · ${note.who}`));
      doc.font("Helvetica").text(printable(note.text));
      if (note.retraction) doc.text(printable(note.retraction));
      doc.moveDown(0.4);
    }
  }

  doc.end();
  return done;
}
