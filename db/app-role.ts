import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { withAdminClient } from "./admin";

/**
 * The privileges of the running application (web servers and workers), held by the
 * NOLOGIN role that db/migrations/*_audit_append_only.sql creates. The app's login
 * role is a member of it; migrations run as the owner. Re-applied after every migration
 * run (db/migrate.ts) from the table below, which every table must appear in.
 */
export const APP_ROLE = "peer_concerns_app";

type Privilege = "SELECT" | "INSERT" | "UPDATE" | "DELETE";

/**
 * What the application does to each table, and nothing more: a stolen app login cannot
 * empty a table it never deletes from. History (audit trail, anchors, case notes) is
 * added to, never rewritten (case notes' retraction is an UPDATE their trigger narrows to
 * adding one retraction). Sign-in failures are cleared on success and expire; a person's
 * roles are replaced by deleting the old ones. A table missing here fails the migration
 * run (grantAppRole), so a new table gets a decision instead of a blanket grant.
 */
export const APP_TABLE_PRIVILEGES: Readonly<Record<string, readonly Privilege[]>> = {
  // Password links are marked used or replaced, never deleted.
  account_tokens: ["SELECT", "INSERT", "UPDATE"],
  audit_events: ["SELECT", "INSERT"],
  audit_anchors: ["SELECT", "INSERT"],
  audit_anchor_heads: ["SELECT", "INSERT"],
  auth_sessions: ["SELECT", "INSERT", "UPDATE"],
  captured_emails: ["SELECT", "INSERT"],
  // Appeals move from filed to taken to decided; never deleted.
  case_appeals: ["SELECT", "INSERT", "UPDATE"],
  // The parties' thread and reports of its messages: added to and read, never changed.
  case_message_reports: ["SELECT", "INSERT"],
  case_messages: ["SELECT", "INSERT"],
  case_notes: ["SELECT", "INSERT", "UPDATE"],
  // A recusal stands for good.
  case_recusals: ["SELECT", "INSERT"],
  // Further reporters of a case and their answers: added, never changed.
  concern_reporters: ["SELECT", "INSERT"],
  concerns: ["SELECT", "INSERT", "UPDATE"],
  // Renamed by administrators (audited); never deleted.
  departments: ["SELECT", "INSERT", "UPDATE"],
  email_deliveries: ["SELECT", "INSERT", "UPDATE"],
  email_preferences: ["SELECT", "INSERT", "UPDATE"],
  // Evidence is kept as filed: never changed, never deleted.
  evidence_blobs: ["SELECT", "INSERT"],
  evidence_files: ["SELECT", "INSERT"],
  information_requests: ["SELECT", "INSERT", "UPDATE"],
  notifications: ["SELECT", "INSERT", "UPDATE"],
  reporter_verdicts: ["SELECT", "INSERT"],
  organisation_settings: ["SELECT", "INSERT", "UPDATE"],
  // Requests are decided once (approved or declined), never deleted.
  role_grant_requests: ["SELECT", "INSERT", "UPDATE"],
  // A review's concerns are fixed when it opens; the review itself moves to a decision.
  pattern_review_concerns: ["SELECT", "INSERT"],
  pattern_reviews: ["SELECT", "INSERT", "UPDATE"],
  // Append-only; only purge_expired_security_events() (the owner's) removes, after six years.
  security_events: ["SELECT", "INSERT"],
  sign_in_failures: ["SELECT", "INSERT", "DELETE"],
  // Removed when a person turns two-factor off; codes replaced when regenerated.
  two_factor_secrets: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  recovery_codes: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  user_roles: ["SELECT", "INSERT", "DELETE"],
  users: ["SELECT", "INSERT", "UPDATE"],
};

const TABLE_GRANTS = Object.entries(APP_TABLE_PRIVILEGES)
  .map(([table, privileges]) => `GRANT ${privileges.join(", ")} ON ${table} TO ${APP_ROLE};`)
  .join("\n  ");

const GRANTS = `
  GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
  -- Start from nothing on every run, so a privilege removed here is removed from the database.
  REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE};
  ${TABLE_GRANTS}
  -- Drawing ids (the audit chain's trigger draws its own); no setval.
  REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE};
  GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
  GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${APP_ROLE};
  -- The durable job queue: state changes enqueue into it, workers take jobs from it and
  -- remove them when done, so here the app needs every privilege.
  GRANT USAGE ON SCHEMA graphile_worker TO ${APP_ROLE};
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${APP_ROLE};
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${APP_ROLE};
  GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${APP_ROLE};
  -- graphile-worker turns on row-level security for its private tables so that only their
  -- owner reaches them; let the application's role through, as the queue's only user.
  DO $$
  DECLARE private record;
  BEGIN
    FOR private IN
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity
         AND NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'graphile_worker'
                           AND p.tablename = c.relname AND p.policyname = '${APP_ROLE}')
    LOOP
      EXECUTE format('CREATE POLICY ${APP_ROLE} ON graphile_worker.%I TO ${APP_ROLE} USING (true) WITH CHECK (true)', private.relname);
    END LOOP;
  END
  $$;
`;

/** Run as the owner, after the migrations (drizzle's and graphile-worker's). */
export async function grantAppRole(ownerUrl: string): Promise<void> {
  await withAdminClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ table: string }>(
      "select tablename as table from pg_tables where schemaname = 'public' order by tablename",
    );
    const undecided = rows.map((row) => row.table).filter((table) => !APP_TABLE_PRIVILEGES[table]);
    if (undecided.length > 0) {
      throw new Error(
        `No application privileges are declared for ${undecided.join(", ")}: add them to APP_TABLE_PRIVILEGES in db/app-role.ts.`,
      );
    }
    await client.query(GRANTS);
  });
}

export const EMBEDDED_APP_LOGIN = "peer_concerns_web";

/**
 * For the embedded server: a login role for the app, member of APP_ROLE, with its own
 * generated password kept next to the superuser's (0600). Returns the app's URL.
 */
export async function ensureEmbeddedAppLogin(
  ownerUrl: string,
  dataDir: string,
  login = EMBEDDED_APP_LOGIN,
): Promise<string> {
  const file = path.join(dataDir, "app-password");
  let password: string;
  if (existsSync(file)) {
    password = (await readFile(file, "utf8")).trim();
  } else {
    password = randomBytes(18).toString("base64url");
    await writeFile(file, password, { mode: 0o600 });
  }
  await withAdminClient(ownerUrl, async (client) => {
    const found = await client.query("select 1 from pg_roles where rolname = $1", [login]);
    const verb = found.rowCount === 0 ? "CREATE" : "ALTER";
    // Passwords cannot be bound parameters in DDL; this one is base64url, so it is safe
    // inside a literal, and escapeLiteral makes sure of it.
    await client.query(
      `${verb} ROLE ${client.escapeIdentifier(login)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(password)}`,
    );
    await client.query(`GRANT ${APP_ROLE} TO ${client.escapeIdentifier(login)}`);
  });
  const url = new URL(ownerUrl);
  url.username = login;
  url.password = password;
  return url.toString();
}
