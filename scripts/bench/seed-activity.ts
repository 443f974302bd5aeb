/**
 * What happens on cases after their filing, seeded set-based at the same scale as the
 * concerns (scripts/bench/seed.ts): the parties' threads, evidence files, colleagues who
 * joined a case, and pattern reviews, each with the audit events the app would have
 * written with it, plus the few records the scenarios load by name (a thread of 300
 * messages, files on the reporter persona's concerns, a pattern review for the officer
 * persona). Runs after the concerns' own audit events, so every chain starts with its
 * filing, and in the seeding's session: it reads the numbered `people` table.
 */
import type pg from "pg";
import { DEFAULT_PATTERN_SETTINGS } from "@/lib/domain/pattern-review";

/** The reporter persona's concern that carries the long thread (its 20th, 20 days old). */
export const THREAD_CONCERN_URL = "https://bench.example/reporter/20";
export const THREAD_MESSAGES = 300;
/** Bytes of each evidence file on the reporter persona's concerns: a typical screenshot. */
export const PERSONA_EVIDENCE_BYTES = 100 * 1024;
const EVIDENCE_BYTES = 2 * 1024;
/** One concern in this many has a short thread, one a file, one a second reporter. */
const EVERY = { messages: 50, evidence: 100, joined: 100 } as const;
const MESSAGES_PER_THREAD = 3;
/** The share of physicians, in thousandths, with a pattern review about them. */
const REVIEWED_SUBJECTS_PER_THOUSAND = 200;
// Concerns per audit statement: each statement locks the chain of every case it writes.
const CONCERN_SLICE = 250_000;

const OPEN_STATES = `('awaiting_response', 'remediation_reported', 'disputed', 'escalated', 'in_review')`;

export async function seedCaseActivity(
  client: pg.Client,
  people: { physicians: number },
  log: (line: string) => void,
): Promise<void> {
  const step = async (label: string, statement: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(statement, params);
    log(`  ${label}: ${result.rowCount ?? 0} rows in ${seconds(started)}`);
  };
  const { rows: range } = await client.query<{ low: string; high: string }>(
    "select min(number) as low, max(number) as high from concerns",
  );
  const low = Number(range[0]!.low);
  const high = Number(range[0]!.high);
  /** One statement per slice of concern numbers, $1 and $2 its bounds. */
  const sliced = async (label: string, statement: string, params: unknown[] = []) => {
    const started = performance.now();
    let rows = 0;
    for (let from = low; from <= high; from += CONCERN_SLICE) {
      const result = await client.query(statement, [from, from + CONCERN_SLICE - 1, ...params]);
      rows += result.rowCount ?? 0;
    }
    log(`  ${label}: ${rows} rows in ${seconds(started)}`);
  };

  // Threads: a few messages on one case in EVERY.messages, the parties taking turns, a few
  // hours apart (never now or later); and the long thread the scenario reads, spread over
  // its 20 days so neither party passes the daily limit of 10.
  await step(
    "thread messages",
    `insert into case_messages (concern_id, sender_id, body, sent_at)
     select c.id, case when m % 2 = 1 then c.reporter_id else c.subject_id end,
            'Benchmark message ' || m || ' on concern ' || c.number || '.',
            least(c.created_at + m * interval '5 hours', now() - interval '1 minute')
     from concerns c, generate_series(1, $1) m
     where c.number % ${EVERY.messages} = 3
     union all
     select c.id, case when m % 2 = 1 then c.reporter_id else c.subject_id end,
            'Message ' || m || ' of the long benchmark thread.',
            c.created_at + m * ((now() - interval '1 hour' - c.created_at) / $2)
     from concerns c, generate_series(1, $2) m
     where c.post_url = $3
     order by 4`,
    [MESSAGES_PER_THREAD, THREAD_MESSAGES, THREAD_CONCERN_URL],
  );
  await sliced(
    "their audit events",
    `insert into audit_events (actor_id, action, entity_type, entity_id, details)
     select m.sender_id, 'message_posted', 'concern', c.id::text,
            jsonb_build_object('messageId', m.id,
              'from', case when m.sender_id = c.reporter_id then 'reporter' else 'subject' end)
     from case_messages m join concerns c on c.id = m.concern_id
     where c.number between $1 and $2
     order by m.id`,
  );

  // Evidence: incompressible bytes (as images are), so storage and download do real work.
  await client.query(
    `create temporary table bench_evidence as
     select c.id as concern_id, c.number, gen_random_uuid() as key,
            decode((select string_agg(lpad(to_hex((random() * 4294967295)::bigint), 8, '0'), '')
                    from generate_series(1, (case when c.post_url like 'https://bench.example/reporter/%'
                                                 then $1::int else $2::int end / 4) + 0 * c.number)), 'hex') as bytes
     from concerns c
     where c.number % ${EVERY.evidence} = 7 or c.post_url like 'https://bench.example/reporter/%'`,
    [PERSONA_EVIDENCE_BYTES, EVIDENCE_BYTES],
  );
  await step(
    "evidence bytes",
    "insert into evidence_blobs (key, bytes) select key, bytes from bench_evidence",
  );
  await step(
    "evidence files",
    `insert into evidence_files (concern_id, position, file_name, media_type, byte_size, sha256,
       storage_key, created_at)
     select e.concern_id, 1, 'PC-' || lpad(e.number::text, 6, '0') || '-evidence-1.png',
            'image/png', length(e.bytes), encode(sha256(e.bytes), 'hex'), e.key::text,
            c.created_at
     from bench_evidence e join concerns c on c.id = e.concern_id`,
  );
  await client.query("drop table bench_evidence");

  // A second colleague who raised the same post joined one open case in EVERY.joined.
  await step(
    "colleagues who joined a case",
    `insert into concern_reporters (concern_id, reporter_id, post_url, platform, seen_on,
       description, categories, severity, disclosure, joined_at)
     select c.id, p.id, c.post_url, c.platform, c.seen_on,
            'I saw this post too (benchmark concern ' || c.number || ').', c.categories,
            c.severity, (case when c.number % 2 = 0 then 'named' else 'confidential' end)::identity_disclosure,
            least(c.created_at + interval '1 day', now() - interval '1 minute')
     from concerns c
     join people p on p.n = 4 + (c.number * 104729) % ($1 - 3)
     where c.number % ${EVERY.joined} = 11 and c.state in ${OPEN_STATES}
       and p.id not in (c.reporter_id, c.subject_id)`,
    [people.physicians],
  );
  await sliced(
    "their audit events",
    `insert into audit_events (actor_id, action, entity_type, entity_id, details)
     select r.reporter_id, 'reporter_joined', 'concern', c.id::text,
            jsonb_build_object('severity', r.severity, 'caseSeverity', c.severity,
              'categories', to_jsonb(r.categories), 'disclosure', r.disclosure,
              'platform', r.platform)
     from concern_reporters r join concerns c on c.id = r.concern_id
     where c.number between $1 and $2`,
  );

  // Pattern reviews of a fifth of the physicians, spread over every department (people's
  // departments follow their number, so the pick scrambles it), with at least the rule's
  // concerns from its different reporters in the year before the review opened: a tenth
  // open, a tenth held by an officer of the colleague's department, the rest decided.
  const pattern = DEFAULT_PATTERN_SETTINGS;
  await client.query(
    `create temporary table bench_reviews as
     with picked as (
       select s.id, s.department_id, s.n % 10 as k,
              now() - case when s.n % 10 < 2 then s.n % 20
                           else 40 + s.n % 300 end * interval '1 day' as opened_at
       from people s
       where s.n >= 4 and s.n <= $1 and (s.n * 761) % 1000 < ${REVIEWED_SUBJECTS_PER_THOUSAND}
     )
     select gen_random_uuid() as id, p.id as subject_id, p.department_id, p.opened_at,
            (case when p.k = 0 then 'open' when p.k = 1 then 'in_review'
                  else 'decided' end)::pattern_review_state as state,
            (select o.id from users o join user_roles r on r.user_id = o.id
               and r.role = 'compliance_officer'
             where o.department_id = p.department_id order by o.email limit 1) as officer_id,
            listed.ids
     from picked p
     cross join lateral (
       select array_agg(c.id order by c.created_at, c.id) as ids,
              count(distinct c.reporter_id) as reporters
       from concerns c
       where c.subject_id = p.id and c.created_at <= p.opened_at
         and c.created_at >= p.opened_at - make_interval(months => $2)) listed
     where cardinality(listed.ids) >= $3 and listed.reporters >= $4`,
    [people.physicians, pattern.windowMonths, pattern.concernCount, pattern.reporterCount],
  );
  await step(
    "pattern reviews",
    `insert into pattern_reviews (id, subject_id, subject_department_id, state, assignee_id,
       colleague_answer, answered_at, outcome, outcome_rationale, outcome_summary,
       decided_by_id, decided_at, opened_at, updated_at)
     select id, subject_id, department_id, state,
            case when state <> 'open' then officer_id end,
            case when state = 'decided' then 'I have taken these posts down.' end,
            case when state = 'decided' then opened_at + interval '5 days' end,
            (case when state = 'decided' then 'coaching' end)::case_outcome,
            case when state = 'decided' then 'A coaching conversation about the pattern.' end,
            case when state = 'decided' then 'You will be offered a coaching conversation.' end,
            case when state = 'decided' then officer_id end,
            case when state = 'decided' then opened_at + interval '30 days' end,
            opened_at, opened_at
     from bench_reviews order by opened_at`,
  );
  await step(
    "the concerns they list",
    `insert into pattern_review_concerns (review_id, concern_id)
     select r.id, unnest(r.ids) from bench_reviews r`,
  );
  await step(
    "their audit events",
    `insert into audit_events (actor_id, action, entity_type, entity_id, details)
     select actor_id, action, 'pattern_review', id::text, details from (
       select r.id, 1 as step, null::uuid as actor_id, 'pattern_review_opened' as action,
              jsonb_build_object('subjectId', r.subject_id, 'concernIds', to_jsonb(r.ids),
                'settings', $1::jsonb) as details
       from bench_reviews r
       union all
       select r.id, 2, r.officer_id, 'pattern_review_claimed', '{}'::jsonb
       from bench_reviews r where r.state <> 'open'
       union all
       select r.id, 3, r.subject_id, 'pattern_review_answered',
              jsonb_build_object('answer', 'I have taken these posts down.')
       from bench_reviews r where r.state = 'decided'
       union all
       select r.id, 4, r.officer_id, 'pattern_review_decided',
              jsonb_build_object('outcome', 'coaching',
                'rationale', 'A coaching conversation about the pattern.')
       from bench_reviews r where r.state = 'decided') events
     order by id, step`,
    [JSON.stringify(pattern)],
  );
  await client.query("drop table bench_reviews");
}

function seconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}
