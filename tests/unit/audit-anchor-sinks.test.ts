import { describe, expect, it } from "vitest";
import { formatAnchorLine, parsePublishedAnchors } from "@/lib/audit/publish-anchor";
import { anchorSinks } from "@/lib/config";

const HASH = "ab".repeat(32);

describe("where anchors are published", () => {
  it("defaults to a file beside the embedded database, and to no email", () => {
    expect(anchorSinks({})).toEqual({ file: ".data/audit-anchors.log", email: null });
    expect(anchorSinks({ EMBEDDED_PG_DATA: ".data/e2e/postgres/" }).file).toBe(
      ".data/e2e/audit-anchors.log",
    );
    expect(anchorSinks({ EMBEDDED_PG_DATA: "/srv/pg" }).file).toBe("/srv/audit-anchors.log");
    expect(anchorSinks({ EMBEDDED_PG_DATA: "/pg" }).file).toBe("/audit-anchors.log");
    expect(anchorSinks({ EMBEDDED_PG_DATA: "pgdata" }).file).toBe("./audit-anchors.log");
  });

  it("takes a file, off, and an address from the configuration, and refuses an address that is not one", () => {
    expect(
      anchorSinks({
        AUDIT_ANCHOR_FILE: "/var/log/worm/anchors.log",
        AUDIT_ANCHOR_EMAIL: "compliance@hospital.example",
      }),
    ).toEqual({ file: "/var/log/worm/anchors.log", email: "compliance@hospital.example" });
    expect(anchorSinks({ AUDIT_ANCHOR_FILE: "off", AUDIT_ANCHOR_EMAIL: "" })).toEqual({
      file: null,
      email: null,
    });
    expect(() => anchorSinks({ AUDIT_ANCHOR_EMAIL: "compliance office" })).toThrow(
      /AUDIT_ANCHOR_EMAIL/,
    );
  });
});

describe("a copy of the anchors", () => {
  it("reads back the lines the sinks write, and the worker's log lines, ignoring everything else", () => {
    const line = formatAnchorLine({
      id: 12,
      createdAt: new Date("2026-03-10T09:15:00.000Z"),
      hash: HASH,
    });
    expect(line).toBe(`2026-03-10T09:15:00.000Z anchor 12 sha256 ${HASH}`);
    const copy = [
      "Peer Concerns recorded audit anchor 12. Its hash vouches for the whole audit trail:",
      "",
      line,
      `[audit] 2026-03-10T09:30:00.000Z anchor 13 sha256 ${"cd".repeat(32)}`,
      "anchor 14 sha256 too-short",
    ].join("\r\n");
    expect(parsePublishedAnchors(copy)).toEqual([
      { id: 12, hash: HASH },
      { id: 13, hash: "cd".repeat(32) },
    ]);
  });
});
