import type PDFDocument from "pdfkit";
import {
  FALLBACK_ORDER,
  type FontName,
  fontBytes,
  fontCovers,
  fontKey,
  type Weight,
} from "./pdf-fonts";
import { layoutParagraph, readsRightToLeft } from "./text-runs";

type Doc = InstanceType<typeof PDFDocument>;

/** A piece of a paragraph: its words and their weight. */
export interface Segment {
  text: string;
  bold?: boolean;
}

/** Registers every font at both weights; pdfkit embeds only those a document uses. */
export function registerFonts(doc: Doc): void {
  for (const font of FALLBACK_ORDER) {
    for (const weight of ["regular", "bold"] as const) {
      doc.registerFont(fontKey(font, weight), fontBytes(font, weight));
    }
  }
}

/**
 * Writes text in any script: each paragraph is split into runs by the font that has its
 * characters, written one after another on the same lines (pdfkit's continued text), so
 * Arabic, Chinese and emoji print as themselves instead of as "?".
 */
export function writeText(doc: Doc, segments: Segment | Segment[], size = 10): void {
  for (const paragraph of paragraphsOf(Array.isArray(segments) ? segments : [segments])) {
    const rightToLeft = readsRightToLeft(paragraph.map((s) => s.text).join(""));
    const runs: { font: FontName; weight: Weight; text: string }[] = [];
    for (const segment of paragraph) {
      const layout = layoutParagraph(segment.text, FALLBACK_ORDER, fontCovers, rightToLeft);
      for (const run of layout.runs) {
        runs.push({ ...run, weight: segment.bold ? "bold" : "regular" });
      }
    }
    if (runs.length === 0) runs.push({ font: "sans", weight: "regular", text: " " });
    runs.forEach((run, index) => {
      doc.font(fontKey(run.font, run.weight)).fontSize(size);
      doc.text(run.text, {
        continued: index < runs.length - 1,
        align: rightToLeft ? "right" : "left",
      });
    });
  }
}

function paragraphsOf(segments: Segment[]): Segment[][] {
  const paragraphs: Segment[][] = [[]];
  for (const segment of segments) {
    segment.text.split(/\r?\n/).forEach((line, index) => {
      if (index > 0) paragraphs.push([]);
      if (line) paragraphs.at(-1)?.push({ ...segment, text: line });
    });
  }
  return paragraphs;
}

/** "Case file PC-000123 · Page 2 of 5" at the foot of every page, once all are laid out. */
export function numberPages(doc: Doc, label: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const { margins, width, height } = doc.page;
    const bottom = margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font(fontKey("sans", "regular"))
      .fontSize(8)
      .fillColor("#444444")
      .text(`${label} · Page ${index + 1} of ${count}`, margins.left, height - bottom / 2 - 4, {
        width: width - margins.left - margins.right,
        align: "center",
        lineBreak: false,
      })
      .fillColor("#000000");
    doc.page.margins.bottom = bottom;
  }
}
