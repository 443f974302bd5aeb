import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import {
  EVIDENCE_ACCEPT,
  foreignContent,
  judgeEvidenceFile,
  MB,
  neutralFileName,
} from "@/lib/domain/evidence";

const LIMITS = { files: 3, bytesPerFile: 5 * MB };
let png: Uint8Array;
let jpeg: Uint8Array;
let webp: Uint8Array;
const pdf = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

beforeAll(async () => {
  const image = () =>
    sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 9, g: 90, b: 200 } } });
  png = new Uint8Array(await image().png().toBuffer());
  jpeg = new Uint8Array(await image().jpeg().toBuffer());
  webp = new Uint8Array(await image().webp().toBuffer());
});

async function judge(name: string, bytes: Uint8Array, limits = LIMITS) {
  const sniffed = await fileTypeFromBuffer(bytes);
  return judgeEvidenceFile(
    { name, size: bytes.byteLength, sniffedType: sniffed?.mime, bytes },
    limits,
  );
}

function joined(...parts: (Uint8Array | string)[]): Uint8Array {
  return Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part)));
}

describe("which evidence files are accepted", () => {
  it("accepts PNG, JPEG, WebP and PDF files named as what they are", async () => {
    expect(await judge("shot.png", png)).toEqual({ accepted: true, mediaType: "image/png" });
    expect(await judge("shot.JPG", jpeg)).toEqual({ accepted: true, mediaType: "image/jpeg" });
    expect(await judge("shot.jpeg", jpeg)).toEqual({ accepted: true, mediaType: "image/jpeg" });
    expect(await judge("shot.webp", webp)).toEqual({ accepted: true, mediaType: "image/webp" });
    expect(await judge("post.pdf", pdf)).toEqual({ accepted: true, mediaType: "application/pdf" });
  });

  it("goes by the bytes: a JPEG named .png is refused, and so is a text file named .png", async () => {
    expect(await judge("shot.png", jpeg)).toEqual({
      accepted: false,
      reason:
        "“shot.png” is a JPEG image, but its name ends in .png. Rename it to .jpg and attach it again.",
    });
    expect(await judge("notes.png", new TextEncoder().encode("hello, just text"))).toEqual({
      accepted: false,
      reason: "“notes.png” is not a PNG, JPEG or WebP image or a PDF.",
    });
    expect((await judge("shot", png)).accepted).toBe(false);
  });

  it("refuses other formats a browser would show, whatever their name", async () => {
    const gif = new Uint8Array(
      await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } })
        .gif()
        .toBuffer(),
    );
    expect((await judge("shot.png", gif)).accepted).toBe(false);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect((await judge("shot.png", svg)).accepted).toBe(false);
  });

  it("refuses a file over the size limit before anything else", async () => {
    expect(await judge("shot.png", png, { files: 3, bytesPerFile: 10 })).toEqual({
      accepted: false,
      reason: "“shot.png” is larger than 1 KB.",
    });
    expect(
      judgeEvidenceFile(
        { name: "big.png", size: 5 * MB + 1, sniffedType: undefined, bytes: new Uint8Array() },
        LIMITS,
      ),
    ).toEqual({ accepted: false, reason: "“big.png” is larger than 5 MB." });
  });

  it("refuses polyglots: an image that is also a web page, an archive or a PDF", async () => {
    const html = joined(png, "<html><script>alert(1)</script></html>");
    expect(await judge("shot.png", html)).toEqual({
      accepted: false,
      reason: "“shot.png” also contains web page code, so it was not accepted.",
    });
    const zip = joined(jpeg, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    expect(foreignContent(zip, "image/jpeg")).toBe("data after the end of the image");
    expect(foreignContent(joined(png, "%PDF-1.4 ..."), "image/png")).toBe("a PDF");
    expect(foreignContent(joined(webp, "trailing"), "image/webp")).toBe(
      "data after the end of the image",
    );
  });

  it("refuses a PDF that runs script, embeds files or carries more after its end", async () => {
    const withScript = joined(
      "%PDF-1.4\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF",
    );
    expect(foreignContent(withScript, "application/pdf")).toBe("scripts or embedded files");
    expect(foreignContent(joined(pdf, "<html>"), "application/pdf")).toBe("web page code");
    expect(foreignContent(joined(pdf, "PK\x03\x04 more"), "application/pdf")).toBe(
      "data after the end of the PDF",
    );
    expect(foreignContent(pdf, "application/pdf")).toBeNull();
  });

  it("names files neutrally, after the case, never after what was uploaded", () => {
    expect(neutralFileName("PC-000042", 2, "image/jpeg")).toBe("PC-000042-evidence-2.jpg");
    expect(EVIDENCE_ACCEPT).toBe(
      "image/png,.png,image/jpeg,.jpg,.jpeg,image/webp,.webp,application/pdf,.pdf",
    );
  });
});
