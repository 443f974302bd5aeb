import { z } from "zod";

const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const serverConfigSchema = z.object({
  SESSION_IDLE_MINUTES: minutes(30),
  SESSION_MAX_HOURS: minutes(12),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Hospital single sign-on"),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;

let cached: ServerConfig | undefined;

/** Environment settings, checked once so a typo fails loudly at the first request. */
export function serverConfig(): ServerConfig {
  cached ??= serverConfigSchema.parse(process.env);
  return cached;
}

export function oidcEnabled(config = serverConfig()): boolean {
  return Boolean(config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);
}

/** An unset variable and an empty one mean the same: the default. */
const optionalText = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.string().optional(),
);

const auditAnchorSinksSchema = z.object({
  AUDIT_ANCHOR_FILE: optionalText,
  AUDIT_ANCHOR_EMAIL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.email("AUDIT_ANCHOR_EMAIL must be an email address").optional(),
  ),
  EMBEDDED_PG_DATA: optionalText,
});

/** Where each audit anchor's hash is published, outside the database (lib/audit/publish-anchor.ts). */
export interface AnchorSinks {
  /** An append-only file; null when AUDIT_ANCHOR_FILE=off. */
  file: string | null;
  /** An address, such as the compliance office's, that receives each anchor by email. */
  email: string | null;
}

/**
 * The file defaults to `audit-anchors.log` beside the embedded database's data directory
 * (`.data/audit-anchors.log`), so a database and its copy of the anchors are created and
 * removed together; a deployment points it at storage the database's administrators
 * cannot rewrite. A relative path is taken from the worker's working directory when the
 * worker writes (no file-system call here: this module is part of the web app too).
 */
export function anchorSinks(env: Record<string, string | undefined> = process.env): AnchorSinks {
  const config = auditAnchorSinksSchema.parse(env);
  const file = config.AUDIT_ANCHOR_FILE;
  return {
    file:
      file === "off"
        ? null
        : (file ??
          `${parentDirectory(config.EMBEDDED_PG_DATA ?? ".data/postgres")}/audit-anchors.log`),
    email: config.AUDIT_ANCHOR_EMAIL ?? null,
  };
}

function parentDirectory(directory: string): string {
  const trimmed = directory.replace(/\/+$/, "");
  const slash = trimmed.lastIndexOf("/");
  return slash === -1 ? "." : slash === 0 ? "" : trimmed.slice(0, slash);
}
