import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  type PDFRawStream,
  type PDFRef,
  PDFStream,
} from "pdf-lib";

/** What a reader's PDF tool would extract: each page's text pieces, and the fonts used. */
export interface PdfText {
  pages: string[][];
  fonts: string[];
}

/**
 * A small text extractor for the PDFs pdfkit writes: each font's ToUnicode map turns the
 * glyph codes of every `Tj`/`TJ` back into characters, as a PDF reader's copy does. Arabic
 * comes out in the order it is drawn (right to left reversed), as in any PDF.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await PDFDocument.load(bytes);
  const fonts = new Set<string>();
  const pages = pdf.getPages().map((page) => {
    const resources = page.node.Resources();
    const fontDict = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
    const maps = new Map<string, Map<number, string>>();
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = pdf.context.lookup(ref, PDFDict);
      const base = font.lookupMaybe(PDFName.of("BaseFont"), PDFName);
      if (base)
        fonts.add(
          base
            .asString()
            .replace(/^\/[A-Z]{6}\+/, "")
            .replace(/^\//, ""),
        );
      const toUnicode = font.lookupMaybe(PDFName.of("ToUnicode"), PDFStream) as
        | PDFRawStream
        | undefined;
      maps.set(
        name.asString().replace(/^\//, ""),
        toUnicode ? parseCMap(decode(toUnicode)) : new Map(),
      );
    }
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray
        ? contents
            .asArray()
            .map((ref) => pdf.context.lookup(ref as PDFRef, PDFStream) as PDFRawStream)
        : [contents as PDFObject as PDFRawStream];
    return streams.flatMap((stream) => textOf(decode(stream), maps));
  });
  return { pages, fonts: [...fonts] };
}

function decode(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
}

function utf16(hex: string): string {
  const bytes = Buffer.from(hex.replace(/\s/g, ""), "hex");
  return String.fromCharCode(
    ...Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readUInt16BE(i * 2)),
  );
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? "").matchAll(
      /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f ]+>)/gi,
    )) {
      const [, from = "", , target = ""] = m;
      const start = Number.parseInt(from, 16);
      const targets = [...target.matchAll(/<([0-9a-f ]*)>/gi)].map((t) => utf16(t[1] ?? ""));
      if (!target.startsWith("[")) {
        map.set(start, targets[0] ?? "");
        continue;
      }
      for (const [i, text] of targets.entries()) map.set(start + i, text);
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? "").matchAll(/<([0-9a-f]+)>\s*<([0-9a-f ]*)>/gi)) {
      map.set(Number.parseInt(m[1] ?? "", 16), utf16(m[2] ?? ""));
    }
  }
  return map;
}

function textOf(content: string, maps: Map<string, Map<number, string>>): string[] {
  const pieces: string[] = [];
  let map = new Map<number, string>();
  for (const op of content.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|(\[[^\]]*\]|<[0-9a-f]*>)\s*T[Jj]/gi)) {
    if (op[1]) {
      map = maps.get(op[1]) ?? new Map();
      continue;
    }
    let text = "";
    for (const hex of (op[2] ?? "").matchAll(/<([0-9a-f]*)>/gi)) {
      const codes = hex[1] ?? "";
      for (let i = 0; i + 4 <= codes.length; i += 4) {
        text += map.get(Number.parseInt(codes.slice(i, i + 4), 16)) ?? "\ufffd";
      }
    }
    pieces.push(text);
  }
  return pieces;
}
