/**
 * First-load JavaScript of a page, as a visitor's browser downloads it: every script the
 * served HTML references, gzipped, added up. Measured from the running build rather than
 * from build logs, which Next 16 no longer prints per route.
 */
import { gzipSync } from "node:zlib";

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"/g;

export async function firstLoadJsBytes(
  baseUrl: string,
  path: string,
  cookie: string,
  cache: Map<string, number>,
): Promise<{ status: number; gzipBytes: number; scripts: number }> {
  const response = await fetch(new URL(path, baseUrl), {
    headers: cookie ? { cookie } : {},
    redirect: "manual",
  });
  const html = await response.text();
  const sources = [...new Set([...html.matchAll(SCRIPT_SRC)].map((match) => match[1]!))];
  let gzipBytes = 0;
  for (const source of sources) {
    const url = new URL(source.replaceAll("&amp;", "&"), baseUrl).toString();
    let size = cache.get(url);
    if (size === undefined) {
      const script = await fetch(url);
      size = gzipSync(Buffer.from(await script.arrayBuffer())).length;
      cache.set(url, size);
    }
    gzipBytes += size;
  }
  return { status: response.status, gzipBytes, scripts: sources.length };
}
