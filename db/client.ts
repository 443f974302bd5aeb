import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { noteDatabaseError, noteDatabaseReachable } from "./reachability";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Queries and services take this first, so any of them can join a caller's transaction. */
export type Db = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
}

export function connectDatabase(
  url: string,
  options: {
    max?: number;
    role?: string;
    /** Told instead of the log when an idle connection is lost (the worker's one line per outage). */
    onConnectionLost?: (error: Error) => void;
  } = {},
): DatabaseHandle {
  // Tests connect as the server's superuser and act as the application's role, so they
  // run with exactly the app's privileges. The role is a startup setting of each
  // connection: no statement of ours runs before the pool hands the client out.
  const { role } = options;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(role ? { options: `-c role=${role}` } : {}),
  });
  // Without a listener, an idle client losing its connection (Postgres restarting)
  // emits an unhandled 'error' and kills the process. The pool drops that client and
  // opens a fresh one on the next query, so logging is all that is needed.
  const connectionLost =
    options.onConnectionLost ??
    ((error: Error) => console.error(`[db] idle connection lost: ${error.message}`));
  pool.on("error", (error) => {
    noteDatabaseError(error);
    connectionLost(error);
  });
  // The pool listens only while a client is idle; a client lent out (inside a
  // transaction, between its statements) whose server goes away emits 'error' too, and
  // unheard that kills the process. Its statements fail and the pool discards it on
  // release, so noting the outage is all that is left to do.
  pool.on("connect", (client) => {
    noteDatabaseReachable();
    client.on("error", noteDatabaseError);
  });
  observeConnectFailures(pool);
  return { db: drizzle(pool, { schema, casing: "snake_case" }), pool };
}

type ConnectCallback = (
  error: Error | undefined,
  client?: pg.PoolClient,
  done?: () => void,
) => void;

/**
 * A refused connection is the first sign of an outage when no idle client was left to
 * notice it, and emits no event: note it as every connection passes through. Both
 * pool.query and drizzle's transactions connect through here.
 */
function observeConnectFailures(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => unknown;
  pool.connect = ((callback?: ConnectCallback) => {
    if (callback) {
      return connect((error, client, done) => {
        if (error) noteDatabaseError(error);
        callback(error, client, done);
      });
    }
    return (connect() as Promise<pg.PoolClient>).catch((error: unknown) => {
      noteDatabaseError(error);
      throw error;
    });
  }) as typeof pool.connect;
}

// One pool per process; kept on globalThis so hot reload in development reuses it.
const processWide = globalThis as typeof globalThis & { __peerConcernsDb?: DatabaseHandle };

export function getDb(): Database {
  if (!processWide.__peerConcernsDb) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it.");
    }
    processWide.__peerConcernsDb = connectDatabase(url);
  }
  return processWide.__peerConcernsDb.db;
}
