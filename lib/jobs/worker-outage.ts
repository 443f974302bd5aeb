import { Logger } from "graphile-worker";
import { isDatabaseUnreachable } from "@/db/reachability";

/**
 * The worker's account of database outages: one line when one begins, however many
 * connections, polls and timers fail during it, and silence until the worker reaches the
 * database again, which ends it. A failure only starts an outage once a fresh connection
 * confirms the database is away: an error from a connection that died in an outage
 * already over (a late rollback, a runner's last words) is not a new one.
 */
export interface OutageLog {
  /** A failure to reach the database: an outage, if a fresh connection fails too. */
  noteUnreachable(error: unknown): void;
  /** The worker reached the database: the outage, if any, is over. */
  noteReachable(): void;
  /** An outage is under way or being confirmed: the worker's own problems are its echo. */
  readonly down: boolean;
}

export function createOutageLog(
  log: (line: string) => void,
  isReachable: () => Promise<boolean>,
): OutageLog {
  let state: "up" | "checking" | "down" = "up";
  return {
    noteUnreachable(error) {
      if (state !== "up") return;
      state = "checking";
      void isReachable().then((reachable) => {
        if (state !== "checking") return;
        if (reachable) {
          state = "up";
          return;
        }
        state = "down";
        log(
          `[worker] The database cannot be reached (${summariseError(error)}); the worker waits for it and carries on by itself when it is back.`,
        );
      });
    },
    noteReachable() {
      if (state === "down") state = "up";
    },
    get down() {
      return state !== "up";
    },
  };
}

/** The first error code along the cause chain (drizzle wraps the driver's), or a message. */
function summariseError(error: unknown): string {
  let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    if (typeof current.code === "string") return current.code;
    current = current.cause as typeof current;
  }
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message.split("\n")[0]! : "no answer";
}

/**
 * graphile-worker's log, keeping only its problems (it narrates every routine step at
 * info level), and leaving out those that are only the database being away, which the
 * outage log accounts for once: its errors, and anything while the database is away or
 * the runner is stopping because of it.
 */
export function workerLogger(outage: OutageLog, stoppingForOutage: () => boolean): Logger {
  return new Logger(() => (level, message, meta) => {
    if (level !== "error" && level !== "warning") return;
    const { error, fatalError } = (meta ?? {}) as { error?: unknown; fatalError?: unknown };
    const cause = error ?? fatalError;
    if (cause !== undefined && isDatabaseUnreachable(cause)) {
      outage.noteUnreachable(cause);
      return;
    }
    if (outage.down || stoppingForOutage()) return;
    console.error(`[jobs] ${message}`);
  });
}

let tracesQuietened = false;

/**
 * graphile-worker 0.17 prints a stack trace (console.trace) when a worker's last poll
 * fails while its pool stops; in an outage that is only the database being away, which
 * the outage line already says. Any other trace is printed as before.
 */
export function quietenWorkerTraces(): void {
  if (tracesQuietened) return;
  tracesQuietened = true;
  const trace = console.trace.bind(console);
  console.trace = (...args: unknown[]) => {
    if (args.length === 1 && isDatabaseUnreachable(args[0])) return;
    trace(...args);
  };
}
