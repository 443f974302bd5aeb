/**
 * Seeds the benchmark database at scale with set-based SQL (generate_series), never row by
 * row: departments, people with roles, concerns in every state with their audit events,
 * plus the few records the scenarios need by name (a physician with 200 concerns, a case
 * with 50 events, the cases due for the worker benchmark), then what happened on the cases
 * after their filing (scripts/bench/seed-activity.ts).
 */
import type pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { PLATFORMS } from "@/lib/domain/concern-fields";
import { CONCERN_CATEGORIES } from "@/lib/domain/policy-text";
import { seedCaseActivity } from "./seed-activity";

export interface SeedSize {
  users: number;
  concerns: number;
  /** Concerns left awaiting a response past their deadline, for the worker benchmark. */
  dueForWorker: number;
}

export const BENCH_PASSWORD = "bench-password-1";

/** Named people the scenarios act as. */
export const PERSONAS = {
  reporter: "bench.reporter@bench.example",
  filer: "bench.filer@bench.example",
  subject: "bench.subject@bench.example",
  officer: "bench.officer@bench.example",
  admin: "bench.admin@bench.example",
} as const;

export const REPORTER_CONCERNS = 200;
export const CASE_FILE_EVENTS = 50;
const DEPARTMENTS = 25;
const OFFICERS = 80;
const ADMINS = 20;
const AUDIT_SLICE = 5_000;

const FIRST_NAMES = [
  "Amara",
  "Ben",
  "Chloe",
  "David",
  "Elena",
  "Farah",
  "George",
  "Hana",
  "Ivan",
  "Julia",
  "Kofi",
  "Lena",
  "Mateo",
  "Nadia",
  "Omar",
  "Priya",
  "Quentin",
  "Rosa",
  "Sami",
  "Tara",
];
const LAST_NAMES = [
  "Okafor",
  "Carter",
  "Nguyen",
  "Levi",
  "Rossi",
  "Haddad",
  "Lindqvist",
  "Sato",
  "Petrov",
  "Schmidt",
  "Mensah",
  "Berg",
  "Garcia",
  "Karimi",
  "Farouk",
  "Patel",
  "Dubois",
  "Alves",
  "Virtanen",
  "Kowalski",
  "Moreau",
  "Novak",
  "Costa",
  "Ibrahim",
  "Tanaka",
];

/**
 * How the generated concerns spread over the states, in hundredths; each band also sets the
 * timestamps a concern in that state would have.
 */
const STATE_BANDS = `case
  when g % 100 < 30 then 'awaiting_response'
  when g % 100 < 40 then 'remediation_reported'
  when g % 100 < 45 then 'disputed'
  when g % 100 < 50 then 'escalated'
  when g % 100 < 55 then 'in_review'
  when g % 100 < 75 then 'resolved'
  when g % 100 < 80 then 'dispute_accepted'
  when g % 100 < 85 then 'withdrawn'
  when g % 100 < 93 then 'lapsed'
  else 'closed' end`;

export async function seedBenchDatabase(
  client: pg.Client,
  size: SeedSize,
  log: (line: string) => void,
): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const physicians = size.users - OFFICERS - ADMINS;
  const step = async (label: string, statement: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(statement, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${seconds(started)}`);
  };

  await client.query("select setseed(0.42)");
  await step(
    "departments",
    `insert into departments (name)
     select 'Department ' || lpad(d::text, 2, '0') from generate_series(1, $1) d`,
    [DEPARTMENTS],
  );
  // People 1..physicians are physicians, then officers, then administrators; the five
  // personas take the first numbers of their kind. Numbered first, so roles and concerns
  // can refer to a person by number.
  await client.query(
    `create temporary table people as
     with d as (select array_agg(id order by name) ids from departments)
     select g as n, gen_random_uuid() as id, d.ids[1 + g % ${DEPARTMENTS}] as department_id,
            case
              when g = 1 then $2 when g = 2 then $3 when g = 3 then $4
              when g = $1 + 1 then $5 when g = $1 + ${OFFICERS} + 1 then $6
              else 'bench.user' || g || '@bench.example' end as email,
            case when g > $1 and g <= $1 + ${OFFICERS} then 'Officer ' else 'Dr ' end
              || ($7::text[])[1 + g % ${FIRST_NAMES.length}] || ' '
              || ($8::text[])[1 + (g / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] || ' ' || g
              as name
     from generate_series(1, $9::int) g, d`,
    [
      physicians,
      PERSONAS.reporter,
      PERSONAS.filer,
      PERSONAS.subject,
      PERSONAS.officer,
      PERSONAS.admin,
      FIRST_NAMES,
      LAST_NAMES,
      size.users,
    ],
  );
  await client.query("create index on people (n)");
  await step(
    "people",
    `insert into users (id, email, name, password_hash, department_id, created_at)
     select id, email, name, $1, department_id, now() - interval '3 years' from people`,
    [passwordHash],
  );
  await step(
    "roles",
    `insert into user_roles (user_id, role)
     select id, (case when n <= $1 then 'physician' when n <= $1 + ${OFFICERS}
                 then 'compliance_officer' else 'admin' end)::role
     from people`,
    [physicians],
  );

  // Reporter and subject are physicians 4.. (the personas file and receive only their
  // own scenario's concerns), picked by two co-prime strides so every pair differs.
  const pool = physicians - 3;
  const generated = size.concerns - REPORTER_CONCERNS;
  await step(
    "concerns",
    `insert into concerns (reporter_id, subject_id, subject_department_id, post_url,
       post_url_normalised, platform, seen_on, description, categories, severity, disclosure,
       state, response_due_at, confirmation_due_at, notice_opened_at, escalated_at, closed_at,
       remediation_action, response_note, responded_at, outcome, outcome_rationale,
       assignee_id, triage_due_at, decision_due_at, created_at, updated_at)
     select r.id, s.id, s.department_id,
       'https://bench.example/post/' || g, 'https://bench.example/post/' || g,
       ($3::post_platform[])[1 + g % ${PLATFORMS.length}],
       (x.created_at)::date,
       'Benchmark concern ' || g || ': a post that appears unprofessional.',
       case when g % 5 = 0
            then array[($4::concern_category[])[1 + g % ${CONCERN_CATEGORIES.length}],
                       ($4::concern_category[])[1 + (g + 1) % ${CONCERN_CATEGORIES.length}]]
            else array[($4::concern_category[])[1 + g % ${CONCERN_CATEGORIES.length}]] end,
       (case when x.state in ('escalated', 'in_review', 'closed') or g % 3 = 0
             then 'significantly_violates_norms' else 'appears_unprofessional' end)::concern_severity,
       (case when g % 4 = 0 then 'named' else 'confidential' end)::identity_disclosure,
       x.state::concern_state,
       x.created_at + interval '7 days',
       case when x.state in ('remediation_reported', 'disputed')
            then x.created_at + interval '10 days' end,
       case when g % 2 = 0 then x.created_at + interval '1 day' end,
       case when x.state in ('escalated', 'in_review', 'closed') then x.created_at + interval '7 days' end,
       case when x.state in ('resolved', 'dispute_accepted', 'withdrawn', 'lapsed', 'closed')
            then x.created_at + interval '9 days' end,
       (case when x.state in ('remediation_reported', 'resolved') then 'removed' end)::remediation_action,
       case when x.state in ('remediation_reported', 'resolved', 'disputed', 'dispute_accepted')
            then 'Response to benchmark concern ' || g end,
       case when x.state in ('remediation_reported', 'resolved', 'disputed', 'dispute_accepted')
            then x.created_at + interval '3 days' end,
       (case when x.state = 'closed' then 'coaching' end)::case_outcome,
       case when x.state = 'closed' then 'Coaching conversation held.' end,
       case when x.state = 'in_review' then o.id end,
       case when x.state in ('escalated', 'in_review', 'closed') then x.created_at + interval '9 days' end,
       case when x.state in ('escalated', 'in_review', 'closed') then x.created_at + interval '37 days' end,
       x.created_at, x.created_at
     from generate_series(1::bigint, $1) g
     cross join lateral (select ${STATE_BANDS} as state,
       case when ${STATE_BANDS} in ('awaiting_response', 'remediation_reported', 'disputed')
            then now() - (g % 6) * interval '1 day' - (g % 86400) * interval '1 second'
            else now() - (10 + g % 720) * interval '1 day' - (g % 86400) * interval '1 second'
       end as created_at) x
     join people r on r.n = 4 + (g * 7919) % $2
     -- An offset of 1..pool-1 from the reporter: never the same person.
     join people s on s.n = 4 + ((g * 7919) % $2 + 1 + g % ($2 - 1)) % $2
     join people o on o.n = $5 + 1 + g % ${OFFICERS}`,
    [generated, pool, PLATFORMS, CONCERN_CATEGORIES, physicians],
  );
  await step(
    "concerns past their response deadline",
    `update concerns set response_due_at = now() - interval '1 hour'
     where id in (select id from concerns where state = 'awaiting_response'
                  and post_url like 'https://bench.example/post/%' order by number limit $1)`,
    [size.dueForWorker],
  );
  await step(
    "the reporter persona's concerns",
    `insert into concerns (reporter_id, subject_id, subject_department_id, post_url,
       post_url_normalised, platform, seen_on, description, categories, severity, disclosure,
       state, response_due_at, closed_at, created_at, updated_at)
     select r.id, s.id, s.department_id,
       'https://bench.example/reporter/' || g, 'https://bench.example/reporter/' || g,
       'x', (now() - g * interval '1 day')::date,
       'A concern of the reporter persona, number ' || g, array['other']::concern_category[],
       'appears_unprofessional', 'confidential',
       (case when g <= 20 then 'awaiting_response' else 'resolved' end)::concern_state,
       case when g <= 20 then now() + interval '5 days' else now() - g * interval '1 day' + interval '7 days' end,
       case when g > 20 then now() - g * interval '1 day' + interval '8 days' end,
       now() - g * interval '1 day', now() - g * interval '1 day'
     from generate_series(1, $1) g
     join people r on r.n = 1
     join people s on s.n = 4 + g`,
    [REPORTER_CONCERNS],
  );
  // The audit trail chains each event to its case's previous one under a per-case lock
  // (db/migrations/0003_audit_append_only.sql), so events go in by slices of cases: one
  // statement for all would hold a lock per case and exhaust the lock table. The database
  // dates each event itself (it refuses a writer's date), so the seeded events all carry
  // the seeding time.
  const auditStarted = performance.now();
  const { rows: range } = await client.query<{ low: string; high: string }>(
    "select min(number) as low, max(number) as high from concerns",
  );
  let auditRows = 0;
  for (let low = Number(range[0]!.low); low <= Number(range[0]!.high); low += AUDIT_SLICE) {
    const result = await client.query(
      `insert into audit_events (actor_id, action, entity_type, entity_id, details)
     select c.reporter_id, 'concern_filed', 'concern', c.id::text,
            jsonb_build_object('to', 'awaiting_response', 'severity', c.severity,
                               'subjectId', c.subject_id, 'disclosure', c.disclosure)
     from concerns c where c.number between $1 and $2
     union all
     select case when c.state in ('escalated', 'in_review', 'lapsed') then null
                 when c.state in ('remediation_reported', 'disputed') then c.subject_id
                 else c.reporter_id end,
            case c.state when 'remediation_reported' then 'remediation_reported'
                         when 'disputed' then 'disputed'
                         when 'escalated' then 'escalated_by_deadline'
                         when 'in_review' then 'escalated_by_deadline'
                         when 'resolved' then 'remediation_confirmed'
                         when 'dispute_accepted' then 'dispute_accepted'
                         when 'withdrawn' then 'withdrawn'
                         when 'lapsed' then 'lapsed'
                         else 'case_closed' end,
            'concern', c.id::text, jsonb_build_object('to', c.state)
     from concerns c where c.state <> 'awaiting_response' and c.number between $1 and $2`,
      [low, low + AUDIT_SLICE - 1],
    );
    auditRows += result.rowCount ?? 0;
  }
  log(`  audit events: ${auditRows} rows in ${seconds(auditStarted)}`);
  await step(
    "a case file with 50 events",
    `with target as (
       select id from concerns where state = 'escalated' order by created_at desc limit 1),
     officer as (select id from users where email = $2)
     insert into audit_events (actor_id, action, entity_type, entity_id, details)
     select officer.id, 'case_viewed', 'concern',
            target.id::text, '{}'::jsonb
     from generate_series(1, $1) e, target, officer`,
    [CASE_FILE_EVENTS - 2, PERSONAS.officer],
  );
  await seedCaseActivity(client, { physicians }, log);
  // Filing has a per-reporter daily limit; the benchmark files far past it on purpose.
  await client.query(`insert into organisation_settings (singleton, daily_filing_limit)
    values (true, 1000000)
    on conflict (singleton) do update set daily_filing_limit = excluded.daily_filing_limit`);
  const started = performance.now();
  await client.query("vacuum analyze");
  log(`  vacuum analyze: ${seconds(started)}`);
}

function seconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}
