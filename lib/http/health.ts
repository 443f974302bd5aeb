/**
 * What `/api/health` answers, for load balancers: from the route while the app runs, and
 * from the launcher itself while the database is away (scripts/launcher/database-outage.ts).
 */
export const HEALTHY = { status: "ok", database: "reachable" } as const;
export const UNHEALTHY = { status: "unavailable", database: "unreachable" } as const;

export const HEALTH_PATH = "/api/health";
