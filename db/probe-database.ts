import pg from "pg";
import { noteDatabaseError, noteDatabaseReachable } from "./reachability";

/**
 * One connection and `select 1`, its outcome noted for the whole process. Apart from
 * reachability.ts, which client code imports to word its messages, so it must not load pg.
 */
export async function probeDatabase(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    noteDatabaseReachable();
    return true;
  } catch (error) {
    noteDatabaseError(error);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
