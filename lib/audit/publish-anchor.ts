import { mkdir, open, readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { AnchorSinks } from "@/lib/config";
import { type MailSettings, messageIdFor } from "@/lib/notifications/mail-config";
import type { Mailer } from "@/lib/notifications/mailer";

/**
 * Each anchor's hash, copied outside the database: a line appended to a file and, when an
 * address is configured, an email (AUDIT_ANCHOR_FILE, AUDIT_ANCHOR_EMAIL). Whoever rewrites
 * the trail and recomputes every hash and anchor inside the database cannot reach these
 * copies, and `npm run audit:verify -- --against FILE` compares the database with one.
 *
 * The anchor's transaction queues one job per sink, so a copy is made even if the worker
 * dies the moment the anchor commits; each job is safe to run twice (the file gets a line
 * once; the email keeps its Message-ID) and is retried with graphile-worker's backoff.
 */
export const PUBLISH_AUDIT_ANCHOR = "publish-audit-anchor";

export type AnchorSinkKind = "file" | "email";

export interface PublishedAnchor {
  id: number;
  hash: string;
}

/** The one line format, in the file, in the email and in the worker's log. */
export function formatAnchorLine(anchor: { id: number; createdAt: Date; hash: string }): string {
  return `${anchor.createdAt.toISOString()} anchor ${anchor.id} sha256 ${anchor.hash}`;
}

const ANCHOR_LINE = /\banchor (\d+) sha256 ([0-9a-f]{64})\b/;

/**
 * The anchors in a copy: every line that carries "anchor N sha256 HASH", so the file, the
 * emails pasted one after another, or the worker's log lines all read the same.
 */
export function parsePublishedAnchors(text: string): PublishedAnchor[] {
  const anchors: PublishedAnchor[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = ANCHOR_LINE.exec(line);
    if (match) anchors.push({ id: Number(match[1]), hash: match[2]! });
  }
  return anchors;
}

export function configuredSinkKinds(sinks: AnchorSinks): AnchorSinkKind[] {
  const kinds: AnchorSinkKind[] = [];
  if (sinks.file) kinds.push("file");
  if (sinks.email) kinds.push("email");
  return kinds;
}

/** In the anchor's own transaction: one durable job per configured sink. */
export async function enqueueAnchorPublication(
  tx: Db,
  anchorId: number,
  sinks: AnchorSinks,
): Promise<void> {
  const kinds = configuredSinkKinds(sinks);
  if (kinds.length === 0) return;
  await tx.execute(sql`select graphile_worker.add_job(
    ${PUBLISH_AUDIT_ANCHOR},
    json_build_object('anchorId', ${anchorId}::bigint, 'sink', sink),
    job_key := 'audit-anchor:' || ${anchorId}::bigint || ':' || sink,
    max_attempts := 25
  ) from jsonb_array_elements_text(${JSON.stringify(kinds)}::jsonb) as sink`);
}

export type PublicationOutcome = "published" | "already_published" | "sink_not_configured";

export async function publishAnchor(
  db: Db,
  job: { anchorId: number; sink: AnchorSinkKind },
  deps: { sinks: AnchorSinks; mailer: Mailer; mail: MailSettings },
): Promise<PublicationOutcome> {
  const result = await db.execute<{ id: string; created_at: Date; hash: string }>(
    sql`select id::text, created_at, hash from audit_anchors where id = ${job.anchorId}`,
  );
  const [row] = result.rows;
  // An anchor the job names is never deleted (a trigger refuses it); if it is gone, the
  // trail was tampered with and audit:verify says so. Failing keeps the job visible.
  if (!row) throw new Error(`Audit anchor ${job.anchorId} is missing from the database.`);
  const anchor = { id: Number(row.id), createdAt: new Date(row.created_at), hash: row.hash };
  const line = formatAnchorLine(anchor);

  if (job.sink === "file") {
    if (!deps.sinks.file) return "sink_not_configured";
    return (await appendLineOnce(deps.sinks.file, anchor.id, line))
      ? "published"
      : "already_published";
  }
  if (!deps.sinks.email) return "sink_not_configured";
  await deps.mailer.send({
    to: deps.sinks.email,
    from: deps.mail.from,
    messageId: messageIdFor(`audit-anchor:${anchor.id}`, deps.mail.from),
    ...anchorEmail(line, anchor.id),
  });
  return "published";
}

async function appendLineOnce(
  configured: string,
  anchorId: number,
  line: string,
): Promise<boolean> {
  const file = path.resolve(configured);
  await mkdir(path.dirname(file), { recursive: true });
  const existing = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw error;
  });
  if (parsePublishedAnchors(existing).some((published) => published.id === anchorId)) {
    return false;
  }
  // Appended, never rewritten: the file can be made append-only (chattr +a) or live on
  // write-once storage without the app noticing.
  const handle = await open(file, "a", 0o640);
  try {
    await handle.appendFile(`${line}\n`, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Hashes and ids only: nothing of any case. */
function anchorEmail(line: string, anchorId: number) {
  const subject = `Peer Concerns audit anchor ${anchorId}`;
  const lead = `Peer Concerns recorded audit anchor ${anchorId}. Its hash vouches for the whole audit trail up to this moment:`;
  const keep =
    "Keep this message where the database's administrators cannot change it. `npm run audit:verify -- --against FILE` checks the database against a file of such lines; an anchor that no longer matches means the audit trail was rewritten.";
  const text = [lead, "", line, "", keep, "", "Peer Concerns"].join("\n");
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1e293b; margin: 0; padding: 24px;">
<p>${lead}</p>
<pre style="font-size: 14px; white-space: pre-wrap; word-break: break-all;">${line}</pre>
<p style="font-size: 14px; color: #475569;">${keep.replaceAll("`", "")}</p>
<p>Peer Concerns</p>
</body>
</html>`;
  return { subject, text, html };
}
