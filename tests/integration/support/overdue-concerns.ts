import type { Pool } from "pg";
import type { Database } from "@/db/client";
import { ADVANCE_DUE_CONCERN } from "@/lib/jobs/schedule-due-check";
import { SEVEN_DAYS_MS } from "./concern-factories";
import { insertPerson } from "./factories";

/**
 * Inserts `count` concerns set-based (filing thousands through the service would take
 * minutes), cycling through the four waiting kinds, all overdue at `dueAt`: g % 4 = 0
 * significant and unanswered, 1 not significant and unanswered, 2 remediation reported,
 * 3 disputed. Each transition therefore has a known outcome.
 */
export async function insertOverdueConcerns(
  handle: { db: Database; pool: Pool },
  count: number,
  dueAt: Date,
  tag: string,
) {
  const reporters = await Promise.all(
    Array.from({ length: 10 }, () => insertPerson(handle.db, { roles: ["physician"] })),
  );
  const subjects = await Promise.all(
    Array.from({ length: 10 }, () => insertPerson(handle.db, { roles: ["physician"] })),
  );
  const created = new Date(dueAt.getTime() - SEVEN_DAYS_MS);
  const result = await handle.pool.query<{ id: string; kind: number }>(
    `insert into concerns (
       reporter_id, subject_id, post_url, post_url_normalised, platform, seen_on, description,
       categories, severity, state, response_due_at, confirmation_due_at, responded_at,
       remediation_action, response_note, created_at, updated_at)
     select
       ($1::uuid[])[1 + g % 10],
       ($2::uuid[])[1 + g % 10],
       'https://x.com/' || $3 || '/status/' || g,
       'https://x.com/' || $3 || '/status/' || g,
       'x',
       ($5::timestamptz)::date,
       'A post that appears unprofessional, number ' || g,
       array['other']::concern_category[],
       (case when g % 4 = 1 then 'appears_unprofessional'
             else 'significantly_violates_norms' end)::concern_severity,
       (case g % 4 when 2 then 'remediation_reported'
                   when 3 then 'disputed'
                   else 'awaiting_response' end)::concern_state,
       $4::timestamptz,
       case when g % 4 in (2, 3) then $4::timestamptz end,
       case when g % 4 in (2, 3) then $5::timestamptz end,
       case when g % 4 = 2 then 'removed'::remediation_action end,
       case when g % 4 in (2, 3) then 'An answer from the colleague.' end,
       $5::timestamptz,
       $5::timestamptz
     from generate_series(1, $6::int) as g
     returning id, (substring(post_url from '[0-9]+$'))::int % 4 as kind`,
    [
      reporters.map((r) => r.userId),
      subjects.map((s) => s.userId),
      tag,
      dueAt.toISOString(),
      created.toISOString(),
      count,
    ],
  );
  return result.rows;
}

/**
 * Gives each concern the durable deadline job that filing would have scheduled (the
 * same task, payload and key as lib/jobs/schedule-due-check.ts), already due.
 */
export async function scheduleDueJobs(pool: Pool, concernIds: string[], dueAt: Date) {
  await pool.query(
    `select graphile_worker.add_job(
       $1, json_build_object('concernId', id::text),
       run_at := $3::timestamptz, job_key := 'concern-due:' || id,
       job_key_mode := 'replace', max_attempts := 10)
     from unnest($2::uuid[]) as id`,
    [ADVANCE_DUE_CONCERN, concernIds, dueAt.toISOString()],
  );
}
