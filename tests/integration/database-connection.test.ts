import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withAdminClient } from "@/db/admin";
import { APP_ROLE } from "@/db/app-role";
import { connectDatabase } from "@/db/client";
import { databaseSeemsUnreachable, isDatabaseUnreachable } from "@/db/reachability";
import { freePort } from "../support/free-port";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();

describe("the app's pool when PostgreSQL goes away", () => {
  it("survives a connection ended in the middle of a transaction: the transaction fails as unreachable, the process lives and the next query is served", async () => {
    const app = connectDatabase(database.url, { role: APP_ROLE, max: 1 });
    try {
      const failure = await app.db
        .transaction(async (tx) => {
          const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
          // What a fast shutdown or a DBA does to every backend; between two statements,
          // the client is lent out and the pool is not listening to it.
          await withAdminClient(database.url, (admin) =>
            admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]),
          );
          await tx.execute(sql`select 1`);
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(isDatabaseUnreachable(failure)).toBe(true);
      expect(databaseSeemsUnreachable()).toBe(true);

      const { rows } = await app.db.execute<{ answer: number }>(sql`select 42 as answer`);
      expect(rows).toEqual([{ answer: 42 }]);
      expect(databaseSeemsUnreachable()).toBe(false);
    } finally {
      await app.pool.end();
    }
  });

  it("notes a refused connection as the database being unreachable, and the next connection that succeeds as its return", async () => {
    const nowhere = connectDatabase(`postgres://postgres@127.0.0.1:${await freePort()}/none`);
    const app = connectDatabase(database.url, { role: APP_ROLE });
    try {
      const refused = await nowhere.db.execute(sql`select 1`).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isDatabaseUnreachable(refused)).toBe(true);
      expect(databaseSeemsUnreachable()).toBe(true);
      await app.db.execute(sql`select 1`);
      expect(databaseSeemsUnreachable()).toBe(false);
    } finally {
      await Promise.all([nowhere.pool.end(), app.pool.end()]);
    }
  });

  it("does not take a failing statement for an outage", async () => {
    const failure = await database.db.execute(sql`select 1 / 0`).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(isDatabaseUnreachable(failure)).toBe(false);
  });
});
