import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { e2eServer } from "./e2e-server";

/**
 * Test setup that talks to the e2e server's own embedded database (never the dev one):
 * only to change organisation settings, which an administrator could do in the UI, to
 * values the UI does not offer (a deadline seconds away instead of hours).
 */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const server = e2eServer();
  const password = readFileSync(`${server.dataDir}/postgres/postgres-password`, "utf8").trim();
  const client = new pg.Client({
    host: "127.0.0.1",
    port: server.pgPort,
    user: "postgres",
    password,
    database: "peer_concerns",
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function setWorkflowSettings(settings: {
  remediationWindowSeconds?: number;
  dailyFilingLimit?: number;
}) {
  await withE2eDatabase((client) =>
    client.query(
      `insert into organisation_settings (singleton, remediation_window_seconds, daily_filing_limit)
       values (true, $1, $2)
       on conflict (singleton) do update set remediation_window_seconds = $1, daily_filing_limit = $2`,
      [settings.remediationWindowSeconds ?? 7 * 24 * 3600, settings.dailyFilingLimit ?? 100],
    ),
  );
}

/**
 * Test setup: gives an account made through the admin form a password, as its person
 * would from the invitation email (tests/e2e/accounts.spec.ts walks that path itself).
 */
export async function givePassword(email: string, password: string) {
  const passwordHash = await hashPassword(password);
  await withE2eDatabase((client) =>
    client.query("update users set password_hash = $1 where email = $2", [passwordHash, email]),
  );
}

/**
 * Test setup: the roles waiting for a second person's approval for `email`, approved by the
 * demo officer, for journeys that need a new officer but are not about approving one
 * (separation-of-duties.spec.ts approves through the page). As the demo seed does, directly.
 */
export async function approvePendingRoles(email: string) {
  await withE2eDatabase((client) =>
    client.query(
      `with decided as (
         update role_grant_requests r
            set decision = 'approved', decided_at = now(),
                decided_by_id = (select id from users where email = $2)
           from users u
          where u.id = r.user_id and u.email = $1 and r.decided_at is null
          returning r.user_id, r.role)
       insert into user_roles (user_id, role) select user_id, role from decided
       on conflict do nothing`,
      [email, "farah.haddad@hospital.example"],
    ),
  );
}

/**
 * Test setup: a working emailed link (reset or invitation) for `email`, as the app would
 * issue it but without the email, for pages that need one; returns the token for its path.
 */
export async function mintAccountLink(
  email: string,
  purpose: "password_reset" | "invitation",
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await withE2eDatabase((client) =>
    client.query(
      `insert into account_tokens (id, user_id, purpose, token_hash, expires_at)
       select gen_random_uuid(), id, $2, $3, now() + interval '30 minutes' from users where email = $1`,
      [email, purpose, createHash("sha256").update(token).digest("hex")],
    ),
  );
  return token;
}

/**
 * Test setup: a pattern review opened longer ago than its colleague's answer window (the
 * organisation's remediation window), as if they had let that time pass without answering,
 * so an officer may decide it without a test waiting a week. Nothing is answered for them.
 */
export async function letAnswerWindowPass(reviewId: string) {
  await withE2eDatabase((client) =>
    client.query(
      `update pattern_reviews
          set opened_at = now() - interval '1 minute' - make_interval(secs =>
                coalesce((select remediation_window_seconds from organisation_settings), $2))
        where id = $1`,
      [reviewId, 7 * 24 * 3600],
    ),
  );
}
