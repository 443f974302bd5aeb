import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concerns } from "@/db/schema";
import { mayRetaliate } from "@/lib/domain/retaliation";
import { listRetaliationLinks, mayRetaliateSql } from "@/lib/queries/retaliation";
import { DAY_MS, fileAbout, insertParties, later } from "./support/concern-factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const T0 = new Date("2026-04-01T09:00:00.000Z");

async function concernRow(id: string) {
  const [row] = await database.db
    .select({
      id: concerns.id,
      reporterId: concerns.reporterId,
      subjectId: concerns.subjectId,
      createdAt: concerns.createdAt,
      disclosure: concerns.disclosure,
    })
    .from(concerns)
    .where(sql`${concerns.id} = ${id}`);
  return row!;
}

describe("the retaliation watch", () => {
  it("links a concern filed within 90 days about the person who raised one about its reporter, both ways", async () => {
    const { reporter: anna, subject: boris, stranger: carla } = await insertParties(database.db);
    const first = await fileAbout(database.db, anna, boris, T0);
    const answer = await fileAbout(database.db, boris, anna, later(T0, 3 * DAY_MS));
    const unrelated = await fileAbout(database.db, carla, anna, later(T0, 4 * DAY_MS));

    const fromAnswer = await listRetaliationLinks(database.db, await concernRow(answer));
    expect(fromAnswer.map((l) => [l.link, l.id])).toEqual([["answers", first]]);
    const fromFirst = await listRetaliationLinks(database.db, await concernRow(first));
    expect(fromFirst.map((l) => [l.link, l.id])).toEqual([["answered_by", answer]]);
    expect(await listRetaliationLinks(database.db, await concernRow(unrelated))).toEqual([]);
  });

  it("counts in SQL exactly the concerns the rule marks", async () => {
    const { reporter: anna, subject: boris, stranger: carla } = await insertParties(database.db);
    // Confidential, then answered outside the window; named, then answered long after;
    // answered just inside the window; and the same people in the same direction twice.
    const ids = [
      await fileAbout(database.db, anna, boris, T0),
      await fileAbout(database.db, boris, anna, later(T0, 91 * DAY_MS)),
      await fileAbout(database.db, carla, boris, T0, { disclosure: "named" }),
      await fileAbout(database.db, boris, carla, later(T0, 300 * DAY_MS)),
      await fileAbout(database.db, anna, carla, later(T0, 10 * DAY_MS)),
      await fileAbout(database.db, carla, anna, later(T0, 99 * DAY_MS)),
      await fileAbout(database.db, anna, boris, later(T0, 120 * DAY_MS)),
    ];
    const rows = await Promise.all(ids.map(concernRow));
    const byRule = rows
      .filter((later) => rows.some((earlier) => mayRetaliate(later, earlier)))
      .map((row) => row.id)
      .sort();
    const bySql = (
      await database.db.select({ id: concerns.id }).from(concerns).where(mayRetaliateSql(concerns))
    )
      .map((row) => row.id)
      .filter((id) => ids.includes(id))
      .sort();
    expect(bySql).toEqual(byRule);
    // The answer long after a named concern, the one 89 days after a concern, and Anna's
    // second concern 29 days after Boris's: the sample exercises both branches and the
    // window's edge, rather than agreeing on nothing.
    expect(byRule).toEqual([ids[3]!, ids[5]!, ids[6]!].sort());
  });
});
