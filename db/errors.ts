/** Postgres error codes we turn into user-facing refusals rather than faults. */
const UNIQUE_VIOLATION = "23505";

function pgErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  // drizzle wraps the driver's error; the Postgres fields live on its cause.
  let current: unknown = error;
  for (let depth = 0; current && depth < 3; depth++) {
    if (typeof current === "object" && "code" in current) {
      return current as { code?: string; constraint?: string };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === UNIQUE_VIOLATION && pg.constraint === constraint;
}
