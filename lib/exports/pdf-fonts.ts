import { readFileSync } from "node:fs";
import path from "node:path";
import { create, type Font } from "fontkit";

/**
 * The fonts a case file is printed in, tried in this order for each character: Noto Sans
 * (Latin, Greek, Cyrillic), Noto Sans Arabic, Noto Sans SC (Chinese) and Noto Emoji
 * (monochrome). All are under the SIL Open Font License 1.1, which allows embedding.
 * pdfkit embeds only the glyphs a file uses, so a PDF stays small however large the font.
 */
export type FontName = "sans" | "arabic" | "chinese" | "emoji";
export type Weight = "regular" | "bold";

const FILES: Record<FontName, Record<Weight, string>> = {
  sans: {
    regular: "noto-sans/400Regular/NotoSans_400Regular.ttf",
    bold: "noto-sans/700Bold/NotoSans_700Bold.ttf",
  },
  arabic: {
    regular: "noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
    bold: "noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
  },
  // One weight for the 10 MB Chinese font and the emoji: a second would double the memory
  // for a difference a reader of a heading does not need.
  chinese: {
    regular: "noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
    bold: "noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
  },
  emoji: {
    regular: "noto-emoji/400Regular/NotoEmoji_400Regular.ttf",
    bold: "noto-emoji/700Bold/NotoEmoji_700Bold.ttf",
  },
};

export const FALLBACK_ORDER: readonly FontName[] = ["sans", "arabic", "chinese", "emoji"];

const FONT_ROOT = path.join(process.cwd(), "node_modules", "@expo-google-fonts");

interface LoadedFont {
  bytes: Buffer;
  coverage: Font;
}

// Read once per process: every export after the first reuses the bytes and the parsed
// character maps (fontkit reads tables lazily, so only what a check needs is parsed).
const loaded = new Map<string, LoadedFont>();

function load(file: string): LoadedFont {
  let font = loaded.get(file);
  if (!font) {
    const bytes = readFileSync(path.join(FONT_ROOT, file));
    font = { bytes, coverage: create(bytes) };
    loaded.set(file, font);
  }
  return font;
}

/** The registered name of a font at a weight, as `doc.font(…)` takes it. */
export function fontKey(name: FontName, weight: Weight): string {
  return `${name}-${weight}`;
}

/** The bytes to register with pdfkit (it parses its own copy per document). */
export function fontBytes(name: FontName, weight: Weight): Buffer {
  return load(FILES[name][weight]).bytes;
}

export function fontCovers(name: FontName, codePoint: number): boolean {
  return load(FILES[name].regular).coverage.hasGlyphForCodePoint(codePoint);
}
