import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { listThread, threadPageAskedFor } from "@/lib/queries/case-thread";
import {
  findConcernFor,
  listConcernsRaisedBy,
  listNoticesAbout,
  listTimeline,
} from "@/lib/queries/concerns";
import {
  encodePosition,
  FIRST_PAGE,
  type KeysetIdType,
  type PageRequest,
  readPageRequest,
} from "@/lib/queries/keyset-page";
import { listNotifications, NOTIFICATIONS_PER_CASE } from "@/lib/queries/notifications";
import { fileAbout, insertParties } from "./support/concern-factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const T0 = new Date("2026-03-10T14:00:00Z");

/**
 * Concerns written straight into the table (test setup): `count` by `reporter` about
 * `subject`, in runs of five that share one creation time to the microsecond, so only the
 * id tells them apart.
 */
async function insertConcerns(reporter: Actor, subject: Actor, count: number, tag: string) {
  const { rows } = await database.pool.query<{ id: string }>(
    `insert into concerns (reporter_id, subject_id, post_url, post_url_normalised, platform,
       seen_on, description, categories, severity, response_due_at, created_at)
     select $1, $2, 'https://x.com/p/' || $4 || g, 'https://x.com/p/' || $4 || g, 'x',
       '2026-03-01', 'A post.', array['privacy']::concern_category[], 'appears_unprofessional',
       $5::timestamptz + interval '7 days',
       $5::timestamptz - (g / 5) * interval '1 hour' + interval '123456 microseconds'
     from generate_series(1, $3::int) g
     returning id`,
    [reporter.userId, subject.userId, count, tag, T0.toISOString()],
  );
  return rows.map((row) => row.id);
}

/** The ids in the order the list promises: newest first, then by id. */
async function expectedOrder(ids: string[]) {
  const { rows } = await database.pool.query<{ id: string }>(
    "select id from concerns where id = any($1::uuid[]) order by created_at desc, id desc",
    [ids],
  );
  return rows.map((row) => row.id);
}

/** Follows one kind of link from a first page to the end, returning every page read. */
async function walk<Page extends { older: string | null; newer: string | null }>(
  read: (request: PageRequest) => Promise<Page>,
  start: PageRequest,
  link: "older" | "newer",
  idType: KeysetIdType,
): Promise<Page[]> {
  const pages = [await read(start)];
  for (let guard = 0; guard < 100; guard++) {
    const position = pages.at(-1)![link];
    if (!position) return pages;
    pages.push(await read(readPageRequest({ [link]: position }, idType).request));
  }
  throw new Error("the pages did not end");
}

describe("My concerns, a page at a time", () => {
  it("shows every concern once, newest first, in stable order across equal times, and back again", async () => {
    const { reporter, subject, stranger } = await insertParties(database.db);
    const filed = await insertConcerns(reporter, subject, 57, "mine");
    // Cases this reporter joined are theirs too; a stranger's concerns are not.
    const joinedCases = await insertConcerns(stranger, subject, 3, "joined");
    await database.pool.query(
      `insert into concern_reporters (concern_id, reporter_id, post_url, platform, seen_on,
         description, categories, severity, disclosure)
       select id, $1, post_url, platform, seen_on, 'Mine too.', categories, severity, 'named'
       from concerns where id = any($2::uuid[])`,
      [reporter.userId, joinedCases],
    );
    await insertConcerns(stranger, subject, 4, "theirs");
    const expected = await expectedOrder([...filed, ...joinedCases]);

    const read = (request: PageRequest) => listConcernsRaisedBy(database.db, reporter, request, 25);
    const down = await walk(read, FIRST_PAGE, "older", "uuid");
    expect(down.map((page) => page.rows.length)).toEqual([25, 25, 10]);
    expect(down.flatMap((page) => page.rows.map((row) => row.id))).toEqual(expected);
    expect(down.map((page) => [page.firstShown, page.total])).toEqual([
      [1, 60],
      [26, 60],
      [51, 60],
    ]);
    expect(down[0]!.newer).toBeNull();

    // Back up from the last page: the same pages, and the first one says it is the first.
    const up = await walk(
      read,
      readPageRequest({ older: down[1]!.older! }, "uuid").request,
      "newer",
      "uuid",
    );
    expect(up.map((page) => page.rows.map((row) => row.id))).toEqual(
      down.map((page) => page.rows.map((row) => row.id)).reverse(),
    );
    expect(up.map((page) => page.firstShown)).toEqual([51, 26, 1]);
    expect(up.at(-1)!.newer).toBeNull();
  });

  it("keeps to the reader's own concerns whatever position a link carries", async () => {
    const { reporter, subject, stranger } = await insertParties(database.db);
    await insertConcerns(reporter, subject, 30, "scope");
    const theirs = await listConcernsRaisedBy(database.db, reporter, FIRST_PAGE, 10);
    // The stranger follows the reporter's link: nothing of the reporter's, and the first page.
    const followed = await listConcernsRaisedBy(
      database.db,
      stranger,
      readPageRequest({ older: theirs.older! }, "uuid").request,
      10,
    );
    expect(followed.rows).toEqual([]);
    expect(followed.total).toBe(0);
    expect(followed.restarted).toBe(true);
  });

  it("reads a malformed, doubled or out-of-range position as the first page", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const ids = await expectedOrder(await insertConcerns(reporter, subject, 12, "bad"));
    for (const older of [
      "not-a-cursor",
      encodePosition({ micros: "12", id: "'; drop table concerns; --" } as never),
      Buffer.from(JSON.stringify(["1e99", "x"])).toString("base64url"),
      ["a", "b"],
    ]) {
      const { request, malformed } = readPageRequest({ older }, "uuid");
      expect(malformed).toBe(true);
      expect(request).toEqual(FIRST_PAGE);
    }
    expect(readPageRequest({ older: "a", newer: "b" }, "uuid").malformed).toBe(true);
    // Well formed but past the oldest concern: the first page, saying so.
    const past = readPageRequest({ older: encodePosition({ micros: "0", id: ids[0]! }) }, "uuid");
    const page = await listConcernsRaisedBy(database.db, reporter, past.request, 5);
    expect(page.restarted).toBe(true);
    expect(page.rows.map((row) => row.id)).toEqual(ids.slice(0, 5));
    expect(page.firstShown).toBe(1);
  });

  it("reads a position from another kind of list as the first page, not as an error", async () => {
    const { reporter, subject } = await insertParties(database.db);
    await insertConcerns(reporter, subject, 3, "other-list");
    await database.pool.query(
      `insert into notifications (recipient_id, concern_id, recipient_relation, kind)
       select $1, id, 'subject', 'concern_filed' from concerns where subject_id = $1`,
      [subject.userId],
    );
    const notificationLink = (await listNotifications(database.db, subject, FIRST_PAGE, 1)).older;
    const concernLink = (await listConcernsRaisedBy(database.db, reporter, FIRST_PAGE, 1)).older;
    expect(notificationLink).not.toBeNull();
    expect(concernLink).not.toBeNull();

    // A notification's link pasted onto "my concerns", and a concern's onto notifications.
    const onConcerns = readPageRequest({ older: notificationLink! }, "uuid");
    expect(onConcerns).toEqual({ request: FIRST_PAGE, malformed: true });
    const page = await listConcernsRaisedBy(database.db, reporter, onConcerns.request, 2);
    expect(page.rows).toHaveLength(2);
    const onNotifications = readPageRequest({ older: concernLink! }, "bigint");
    expect(onNotifications).toEqual({ request: FIRST_PAGE, malformed: true });
    await expect(
      listNotifications(database.db, subject, onNotifications.request, 2),
    ).resolves.toMatchObject({ groups: expect.any(Array) });
  });
});

describe("notices about one's posts, a page at a time", () => {
  it("shows each notice once, newest first, only the reader's own", async () => {
    const { reporter, subject, stranger } = await insertParties(database.db);
    const about = await insertConcerns(reporter, subject, 33, "notice");
    await insertConcerns(reporter, stranger, 5, "other-subject");
    const read = (request: PageRequest) => listNoticesAbout(database.db, subject, request, 10);
    const pages = await walk(read, FIRST_PAGE, "older", "uuid");
    expect(pages.flatMap((page) => page.rows.map((row) => row.id))).toEqual(
      await expectedOrder(about),
    );
    expect(pages.map((page) => page.firstShown)).toEqual([1, 11, 21, 31]);
    expect(pages[0]!.total).toBe(33);
  });
});

describe("notifications, a page of cases at a time", () => {
  it("shows each case once, by its newest news, its newest notifications first, and no one else's", async () => {
    const { reporter, subject, stranger } = await insertParties(database.db);
    const cases = await insertConcerns(reporter, subject, 23, "notified");
    // Each case gets 1 to 4 notifications (the first case 13); every third case's newest shares
    // its time with the case before it, so only the id orders them.
    await database.pool.query(
      `insert into notifications (recipient_id, concern_id, recipient_relation, kind, created_at)
       select $1, c.id, 'subject', 'concern_filed',
         $3::timestamptz + (c.n - c.n % 3) * interval '1 minute' + least(k, 2) * interval '1 second'
       from unnest($2::uuid[]) with ordinality as c(id, n),
         generate_series(1, case when c.n = 1 then 13 else 1 + c.n % 4 end) k`,
      [subject.userId, cases, T0.toISOString()],
    );
    await database.pool.query(
      `insert into notifications (recipient_id, concern_id, recipient_relation, kind)
       select $1, id, 'reporter', 'disputed' from unnest($2::uuid[]) id`,
      [stranger.userId, cases.slice(0, 3)],
    );
    const { rows: expected } = await database.pool.query<{ concern_id: string }>(
      `select concern_id from notifications where recipient_id = $1 group by concern_id
       order by max(created_at) desc, max(id) desc`,
      [subject.userId],
    );

    const read = (request: PageRequest) => listNotifications(database.db, subject, request, 6);
    const down = await walk(read, FIRST_PAGE, "older", "bigint");
    expect(down.map((page) => page.groups.length)).toEqual([6, 6, 6, 5]);
    const groups = down.flatMap((page) => page.groups);
    expect(groups.map((group) => group.concernId)).toEqual(expected.map((row) => row.concern_id));
    for (const group of groups) {
      const times = group.notifications.map((n) => n.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
    const busiest = groups.find((group) => group.concernId === cases[0])!;
    expect(busiest.notifications).toHaveLength(NOTIFICATIONS_PER_CASE);
    expect(busiest.earlier).toBe(13 - NOTIFICATIONS_PER_CASE);

    const up = await walk(
      read,
      readPageRequest({ older: down[2]!.older! }, "bigint").request,
      "newer",
      "bigint",
    );
    expect(up.map((page) => page.groups.map((group) => group.concernId))).toEqual(
      down.map((page) => page.groups.map((group) => group.concernId)).reverse(),
    );

    // The stranger following the subject's link sees only their own three cases.
    const followed = await listNotifications(
      database.db,
      stranger,
      readPageRequest({ older: down[0]!.older! }, "bigint").request,
      6,
    );
    expect(followed.restarted).toBe(true);
    expect(followed.groups.map((group) => group.concernId).sort()).toEqual(
      cases.slice(0, 3).sort(),
    );
  });
});

describe("the conversation, a page of messages at a time", () => {
  it("shows every message and response once, latest first page, earlier ones a link away", async () => {
    const { reporter, subject } = await insertParties(database.db);
    const id = await fileAbout(database.db, reporter, subject, T0);
    // 75 messages, in pairs sent in the same microsecond, all after the filing.
    await database.pool.query(
      `insert into case_messages (concern_id, sender_id, body, sent_at)
       select $1, case when g % 2 = 0 then $2::uuid else $3::uuid end, 'Message ' || g,
         now() + (g / 2) * interval '1 minute'
       from generate_series(1, 75) g`,
      [id, reporter.userId, subject.userId],
    );
    const concern = (await findConcernFor(database.db, subject, "subject", id))!;
    const timeline = await listTimeline(database.db, concern, "subject", subject.userId);
    const read = (request: PageRequest) =>
      listThread(database.db, concern, "subject", subject.userId, timeline, request);
    const pages = [await read(FIRST_PAGE)];
    while (pages.at(-1)!.earlier) {
      pages.push(await read(threadPageAskedFor({ thread_older: pages.at(-1)!.earlier! })));
    }
    expect(pages.map((page) => page.items.filter((item) => item.message).length)).toEqual([
      30, 30, 15,
    ]);
    const { rows: expected } = await database.pool.query<{ id: string }>(
      "select id from case_messages where concern_id = $1 order by sent_at, id",
      [id],
    );
    const shown = pages.reverse().flatMap((page) => page.items);
    expect(shown.filter((item) => item.message).map((item) => String(item.message!.id))).toEqual(
      expected.map((row) => row.id),
    );
    // The filing, a response, is shown once, before the first message.
    expect(shown.filter((item) => !item.message).map((item) => item.label)).toHaveLength(1);
    expect(shown[0]!.message).toBeNull();

    // Back from the earliest page: the same pages again.
    const middle = await read(threadPageAskedFor({ thread_newer: pages[0]!.later! }));
    expect(middle.items.map((item) => item.key)).toEqual(pages[1]!.items.map((item) => item.key));
    expect(threadPageAskedFor({ thread_older: "nonsense" })).toEqual(FIRST_PAGE);
  });
});
