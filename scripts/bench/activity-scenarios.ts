/**
 * The scenarios of the pages that came after filing and the queue: the conversation thread
 * as each party reads it, evidence downloads, insights and a pattern review, on the
 * records scripts/bench/seed-activity.ts made for them.
 */
import type pg from "pg";
import type { LoadPlan } from "./load";
import { PERSONAS } from "./seed";
import { THREAD_CONCERN_URL, THREAD_MESSAGES } from "./seed-activity";
import { sessionCookieFor } from "./sessions";

/** Files the download scenario takes in turn: one person downloading one file is not a load. */
const EVIDENCE_FILES = 20;

export interface ActivityScenario {
  name: string;
  floor: "B";
  /** It writes an access record on the case, as the case file does (a lower target). */
  recordsAccess?: true;
  plan: LoadPlan;
}

export async function activityScenarios(
  client: pg.Client,
  secret: string,
  cookies: { reporter: string; officer: string },
  get: (pathname: string, cookies: string[]) => LoadPlan,
): Promise<{ scenarios: ActivityScenario[]; firstLoadPages: Array<[string, string]> }> {
  const { rows: thread } = await client.query<{ id: string; subject_email: string }>(
    `select c.id, s.email as subject_email from concerns c join users s on s.id = c.subject_id
     where c.post_url = $1`,
    [THREAD_CONCERN_URL],
  );
  const { rows: evidence } = await client.query<{ id: string }>(
    `select f.id from evidence_files f join concerns c on c.id = f.concern_id
     join users r on r.id = c.reporter_id
     where r.email = $1 order by c.number limit $2`,
    [PERSONAS.reporter, EVIDENCE_FILES],
  );
  // The officer persona's department's undecided review listing the most concerns.
  const { rows: review } = await client.query<{ id: string; listed: number }>(
    `select r.id, (select count(*)::int from pattern_review_concerns p where p.review_id = r.id) as listed
     from pattern_reviews r join users o on o.email = $1
     where r.state <> 'decided' and r.subject_department_id = o.department_id
     order by listed desc limit 1`,
    [PERSONAS.officer],
  );
  const threadCase = thread[0]!;
  const subject = await sessionCookieFor(client, secret, threadCase.subject_email);
  const evidencePaths = evidence.map((row) => `/evidence/${row.id}`);
  const scenarios: ActivityScenario[] = [
    {
      name: `conversation thread, reporter (${THREAD_MESSAGES} messages)`,
      floor: "B",
      plan: get(`/concerns/${threadCase.id}`, [cookies.reporter]),
    },
    {
      name: `conversation thread, colleague (${THREAD_MESSAGES} messages)`,
      floor: "B",
      plan: get(`/notices/${threadCase.id}`, [subject]),
    },
    {
      name: `evidence download (${evidencePaths.length} files in turn)`,
      floor: "B",
      recordsAccess: true,
      plan: {
        ...get(evidencePaths[0] ?? "/evidence/none", [cookies.reporter]),
        paths: evidencePaths,
      },
    },
    {
      name: "insights (last 90 days)",
      floor: "B",
      plan: get("/compliance/insights", [cookies.officer]),
    },
  ];
  if (review[0]) {
    scenarios.push({
      name: `pattern review (${review[0].listed} concerns)`,
      floor: "B",
      plan: get(`/compliance/pattern-reviews/${review[0].id}`, [cookies.officer]),
    });
  }
  const firstLoadPages: Array<[string, string]> = [
    [`/concerns/${threadCase.id}`, cookies.reporter],
    [`/notices/${threadCase.id}`, subject],
    ["/compliance/insights", cookies.officer],
    ...(review[0]
      ? [[`/compliance/pattern-reviews/${review[0].id}`, cookies.officer] as [string, string]]
      : []),
  ];
  return { scenarios, firstLoadPages };
}
