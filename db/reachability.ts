/**
 * Whether the database can be reached at all, as opposed to a statement failing. The web
 * server answers 503 "try again" while it cannot (scripts/launcher/database-outage.ts) instead
 * of a generic error, and forms say the same.
 *
 * The state lives on globalThis under a registry symbol because this module is loaded
 * twice in one process: by the launcher, and inside the Next.js server bundle whose pool
 * observes the failures.
 */

// Node's socket errors, and Postgres's admin/crash shutdown and "starting up" refusals.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
]);
// Postgres's class 08 is "connection exception".
const CONNECTION_EXCEPTION_CLASS = "08";
// pg reports a dropped socket or a connect timeout by message only.
const UNREACHABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
];

export function isDatabaseUnreachable(error: unknown): boolean {
  // drizzle wraps the driver's error in `cause`; a refused dual-stack connect is an
  // AggregateError of one refusal per address.
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, message, errors } = current as {
      code?: unknown;
      message?: unknown;
      errors?: unknown;
    };
    if (typeof code === "string") {
      if (UNREACHABLE_CODES.has(code) || code.startsWith(CONNECTION_EXCEPTION_CLASS)) return true;
    }
    if (typeof message === "string" && UNREACHABLE_MESSAGES.some((m) => m.test(message))) {
      return true;
    }
    if (Array.isArray(errors) && errors.some(isDatabaseUnreachable)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const STATE = Symbol.for("peer-concerns.database-reachability");
const processWide = globalThis as typeof globalThis & {
  [STATE]?: { unreachable: boolean };
};

function state() {
  processWide[STATE] ??= { unreachable: false };
  return processWide[STATE];
}

/** Records the outcome of talking to the database; other errors are not about reachability. */
export function noteDatabaseError(error: unknown): void {
  if (isDatabaseUnreachable(error)) state().unreachable = true;
}

export function noteDatabaseReachable(): void {
  state().unreachable = false;
}

/** True from a failure to reach the database until a connection succeeds again. */
export function databaseSeemsUnreachable(): boolean {
  return state().unreachable;
}
