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
