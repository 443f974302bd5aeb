import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { concerns } from "@/db/schema";
import type { Actor } from "@/lib/authz/permissions";
import { PLATFORMS } from "@/lib/domain/concern-fields";
import { CONCERN_CATEGORIES } from "@/lib/domain/policy-text";
import { listQueue } from "@/lib/queries/compliance-queue";
import { parseQueueFilters, type QueueFilters } from "@/lib/queries/queue-filters";
import { DAY_MS, insertOfficer, later } from "./support/concern-factories";
import { insertDepartment, insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const BASE = new Date("2026-01-05T08:00:00.000Z");
const HOUR_MS = 3600 * 1000;

interface Seeded {
  id: string;
  number: number;
  subjectName: string;
  departmentId: string;
  platform: (typeof PLATFORMS)[number];
  categories: (typeof CONCERN_CATEGORIES)[number][];
  state: "escalated" | "in_review" | "closed";
  assigneeId: string | null;
  escalatedAt: Date;
  nextDueAt: Date;
  reporterId: string;
}

/**
 * A few hundred cases inserted as rows (test setup, not use cases), varied in every
 * filtered column, with ties on the escalation time so the id tiebreak is exercised.
 */
async function seedQueue(me: Actor, other: Actor) {
  const departments = [await insertDepartment(database.db), await insertDepartment(database.db)];
  const subjects = await Promise.all(
    ["Levi Adams", "Olivia Levinson", "Mark Chen", "Nora Pike", "Sam Odoi"].map((name, i) =>
      insertPerson(database.db, {
        roles: ["physician"],
        name: `Dr ${name}`,
        departmentId: departments[i % 2]!.id,
      }),
    ),
  );
  const reporters = await Promise.all(
    Array.from({ length: 4 }, () => insertPerson(database.db, { roles: ["physician"] })),
  );
  const values: (typeof concerns.$inferInsert)[] = [];
  const meta: Omit<Seeded, "id" | "number">[] = [];
  for (let i = 0; i < 320; i++) {
    const subject = subjects[i % subjects.length]!;
    // Every 40th case was filed by the officer "me": it must never appear in their queue.
    const reporterId = i % 40 === 7 ? me.userId : reporters[i % reporters.length]!.userId;
    const state = i % 11 === 0 ? "closed" : i % 3 === 0 ? "in_review" : "escalated";
    const assigneeId = state === "in_review" ? (i % 2 ? me.userId : other.userId) : null;
    const escalatedAt = later(BASE, Math.floor(i / 2) * HOUR_MS);
    const triageDueAt = later(escalatedAt, 2 * DAY_MS + (i % 5) * HOUR_MS);
    const decisionDueAt = later(escalatedAt, 30 * DAY_MS - (i % 7) * DAY_MS);
    const categories = [CONCERN_CATEGORIES[i % 4]!, ...(i % 5 === 0 ? ["other" as const] : [])];
    const platform = PLATFORMS[i % PLATFORMS.length]!;
    values.push({
      reporterId,
      subjectId: subject.userId,
      subjectDepartmentId: subject.departmentId,
      postUrl: `https://x.com/p/${randomBytes(6).toString("hex")}`,
      postUrlNormalised: `https://x.com/p/${i}-${randomBytes(6).toString("hex")}`,
      platform,
      seenOn: "2026-01-01",
      description: "A post seen by a colleague.",
      categories: [...new Set(categories)],
      severity: "significantly_violates_norms",
      state,
      responseDueAt: escalatedAt,
      escalatedAt,
      closedAt: state === "closed" ? later(escalatedAt, DAY_MS) : null,
      assigneeId,
      triageDueAt,
      decisionDueAt,
      createdAt: later(escalatedAt, -7 * DAY_MS),
    });
    meta.push({
      subjectName: subject.name,
      departmentId: subject.departmentId!,
      platform,
      categories: [...new Set(categories)],
      state,
      assigneeId,
      escalatedAt,
      nextDueAt: assigneeId
        ? decisionDueAt
        : new Date(Math.min(triageDueAt.getTime(), decisionDueAt.getTime())),
      reporterId,
    });
  }
  const rows = await database.db
    .insert(concerns)
    .values(values)
    .returning({ id: concerns.id, number: concerns.number });
  return {
    departments,
    cases: rows.map((row, i): Seeded => ({ ...row, ...meta[i]! })),
  };
}

/** Every page of the queue, following the next-page cursor to the end. */
async function allPages(actor: Actor, params: Record<string, string>, now: Date, pageSize = 17) {
  const ids: string[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const { filters, problems } = parseQueueFilters({ ...params, ...(after ? { after } : {}) });
    expect(problems).toEqual({});
    const page = await listQueue(database.db, actor, filters, now, pageSize);
    expect(page.cases.length).toBeLessThanOrEqual(pageSize);
    ids.push(...page.cases.map((c) => c.id));
    pages++;
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return { ids, pages };
}

function expected(
  cases: Seeded[],
  me: Actor,
  keep: (c: Seeded) => boolean,
  sort: QueueFilters["sort"] = "oldest",
) {
  const key = (c: Seeded) => (sort === "due" ? c.nextDueAt : c.escalatedAt).getTime();
  const open = cases.filter((c) => c.state !== "closed" && c.reporterId !== me.userId && keep(c));
  open.sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sort === "newest") open.reverse();
  return open.map((c) => c.id);
}

describe("the compliance queue", () => {
  it("returns exactly the right cases in the right order, page after page, for every filter and sort", async () => {
    const me = await insertOfficer(database.db);
    const other = await insertOfficer(database.db);
    const { cases, departments } = await seedQueue(me, other);
    // Decisions fall due between 24 and 37 days after BASE: some are overdue, some not.
    const now = later(BASE, 28 * DAY_MS);

    const scenarios: [string, Record<string, string>, (c: Seeded) => boolean][] = [
      ["everything open", {}, () => true],
      ["waiting for an officer", { state: "escalated" }, (c) => c.state === "escalated"],
      ["in review", { state: "in_review" }, (c) => c.state === "in_review"],
      ["assigned to me", { assignee: "me" }, (c) => c.assigneeId === me.userId],
      ["unassigned", { assignee: "unassigned" }, (c) => c.assigneeId === null],
      [
        "one department",
        { department: departments[1]!.id },
        (c) => c.departmentId === departments[1]!.id,
      ],
      ["one category", { category: "other" }, (c) => c.categories.includes("other")],
      ["one platform", { platform: "x" }, (c) => c.platform === "x"],
      ["significant", { severity: "significantly_violates_norms" }, () => true],
      [
        "merely unprofessional (never escalated)",
        { severity: "appears_unprofessional" },
        () => false,
      ],
      ["overdue", { overdue: "1" }, (c) => c.nextDueAt <= now],
      ["name search", { q: "levi" }, (c) => /levi/i.test(c.subjectName)],
      ["a wildcard typed by a user is literal", { q: "%" }, () => false],
      [
        "combined",
        {
          assignee: "unassigned",
          platform: "instagram",
          overdue: "1",
          department: departments[0]!.id,
        },
        (c) =>
          c.assigneeId === null &&
          c.platform === "instagram" &&
          c.nextDueAt <= now &&
          c.departmentId === departments[0]!.id,
      ],
    ];
    expect(cases.filter((c) => c.state !== "closed" && c.nextDueAt <= now).length).toBeGreaterThan(
      0,
    );
    expect(cases.filter((c) => c.state !== "closed" && c.nextDueAt > now).length).toBeGreaterThan(
      0,
    );
    for (const [name, params, keep] of scenarios) {
      for (const sort of ["oldest", "newest", "due"] as const) {
        const want = expected(cases, me, keep, sort);
        const got = await allPages(me, { ...params, sort }, now);
        expect(got.ids, `${name}, ${sort}`).toEqual(want);
        expect(got.pages, `${name}, ${sort}`).toBe(Math.max(1, Math.ceil(want.length / 17)));
      }
    }
  });

  it("finds a case by its reference whatever its state, and never a case the officer filed", async () => {
    const me = await insertOfficer(database.db);
    const other = await insertOfficer(database.db);
    const { cases } = await seedQueue(me, other);
    const now = later(BASE, 40 * DAY_MS);
    const open = cases.find((c) => c.state === "escalated" && c.reporterId !== me.userId)!;
    const closed = cases.find((c) => c.state === "closed")!;
    const mine = cases.find((c) => c.reporterId === me.userId && c.state !== "closed")!;
    for (const q of [`PC-${String(open.number).padStart(6, "0")}`, `pc${open.number}`]) {
      expect((await allPages(me, { q }, now)).ids).toEqual([open.id]);
    }
    // Whatever the state filter says: a reference names one case.
    expect((await allPages(me, { q: String(closed.number) }, now)).ids).toEqual([closed.id]);
    expect((await allPages(me, { q: String(closed.number), state: "in_review" }, now)).ids).toEqual(
      [closed.id],
    );
    expect((await allPages(me, { q: String(mine.number) }, now)).ids).toEqual([]);
    // The other officer, who is no party to it, does see it.
    expect((await allPages(other, { q: String(mine.number) }, now)).ids).toEqual([mine.id]);
  });

  it("badges which clock ran out", async () => {
    const me = await insertOfficer(database.db);
    const other = await insertOfficer(database.db);
    await seedQueue(me, other);
    const now = later(BASE, 3 * DAY_MS);
    const page = await listQueue(database.db, me, parseQueueFilters({}).filters, now, 2000);
    for (const item of page.cases) {
      const expectedClock =
        item.decisionDueAt! <= now
          ? "decision"
          : item.assigneeId === null && item.triageDueAt! <= now
            ? "triage"
            : null;
      expect(item.overdue).toBe(expectedClock);
    }
    expect(page.cases.some((c) => c.overdue === "triage")).toBe(true);
    expect(page.cases.some((c) => c.overdue === null)).toBe(true);
  });
});
