import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { listNotifications, newestNotificationId } from "@/lib/queries/notifications";
import { answerResponse } from "@/lib/services/concerns/answer-response";
import { reportRemediation } from "@/lib/services/concerns/report-remediation";
import { markAllNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";
import { fileAbout, insertParties, later, SEVEN_DAYS_MS } from "./support/concern-factories";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();
const T0 = new Date("2026-03-10T14:00:00Z");
const HOUR = 3600 * 1000;

async function unreadOf(userId: string) {
  return database.db
    .select({ id: notifications.id, kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt)))
    .orderBy(notifications.id);
}

/**
 * Two notices to one colleague, and on the first a reported action that the reporter
 * found not enough: the colleague has news on two cases, the first the newest.
 */
async function twoCasesWithNews() {
  const { reporter, subject } = await insertParties(database.db);
  // Not significant: a rejected action goes back to the colleague rather than to compliance.
  const notSignificant = { severity: "appears_unprofessional" } as const;
  const first = await fileAbout(database.db, reporter, subject, T0, notSignificant);
  const second = await fileAbout(database.db, reporter, subject, later(T0, HOUR), notSignificant);
  await reportRemediation(
    database.db,
    subject,
    first,
    { action: "removed", note: "" },
    later(T0, 2 * HOUR),
  );
  await answerResponse(
    database.db,
    reporter,
    first,
    "reject_remediation",
    { reason: "It is still visible in a cached copy." },
    later(T0, 3 * HOUR),
  );
  return { reporter, subject, first, second };
}

describe("the notifications a person reads", () => {
  it("are grouped by case, the case with the latest news first, each case's newest first", async () => {
    const { subject, first, second } = await twoCasesWithNews();
    const groups = (await listNotifications(database.db, subject)).groups;
    expect(
      groups.map((group) => [
        group.concernId,
        group.relation,
        group.notifications.map((n) => n.kind),
      ]),
    ).toEqual([
      [first, "subject", ["remediation_rejected", "concern_filed"]],
      [second, "subject", ["concern_filed"]],
    ]);
    expect(groups[0]!.reference).toMatch(/^PC-\d{6}$/);
    // What the case needs of the reader now: a response again, with a fresh window.
    expect(groups[0]!.concern).toMatchObject({
      state: "awaiting_response",
      responseDueAt: later(T0, 3 * HOUR + SEVEN_DAYS_MS),
    });
  });

  it("carry nothing of the case's content or people", async () => {
    const { subject } = await twoCasesWithNews();
    const text = JSON.stringify((await listNotifications(database.db, subject)).groups);
    expect(text).not.toMatch(/cached copy|patient|x\.com|Person /);
  });
});

describe("mark all read", () => {
  it("marks every unread notification the reader was shown, in one go, and says how many", async () => {
    const { subject, reporter } = await twoCasesWithNews();
    const shown = (await listNotifications(database.db, subject)).groups;
    const newest = Math.max(...shown.flatMap((g) => g.notifications.map((n) => n.id)));
    const reporterUnread = await unreadOf(reporter.userId);
    expect(reporterUnread).not.toEqual([]);

    expect(await markAllNotificationsRead(database.db, subject, { upTo: newest })).toBe(3);
    expect(await unreadOf(subject.userId)).toEqual([]);
    // Only the reader's own: the reporter's are untouched.
    expect(await unreadOf(reporter.userId)).toEqual(reporterUnread);
    // A second time there is nothing left to mark.
    expect(await markAllNotificationsRead(database.db, subject, { upTo: newest })).toBe(0);
  });

  it("leaves unread what arrived after the page the reader saw", async () => {
    const { subject, reporter } = await twoCasesWithNews();
    const shown = (await listNotifications(database.db, subject)).groups;
    const newest = Math.max(...shown.flatMap((g) => g.notifications.map((n) => n.id)));
    const third = await fileAbout(database.db, reporter, subject, later(T0, 4 * HOUR));

    expect(await markAllNotificationsRead(database.db, subject, { upTo: String(newest) })).toBe(3);
    const left = await unreadOf(subject.userId);
    expect(left).toHaveLength(1);
    expect((await listNotifications(database.db, subject)).groups[0]).toMatchObject({
      concernId: third,
      notifications: [{ kind: "concern_filed", readAt: null }],
    });
  });

  it("marks everything the page showed when the notifications' times and ids run in different orders", async () => {
    // A notification's time is its event's, and its id is taken as it is written: one
    // written a moment later (a timed step of the worker, another transaction) can bear
    // the earlier time.
    const { reporter, subject } = await insertParties(database.db);
    await fileAbout(database.db, reporter, subject, later(T0, 2 * HOUR));
    await fileAbout(database.db, reporter, subject, T0);
    const upTo = await newestNotificationId(database.db, subject);

    expect(await markAllNotificationsRead(database.db, subject, { upTo: upTo! })).toBe(2);
    expect(await unreadOf(subject.userId)).toEqual([]);
  });

  it("refuses what is not a notification id, marking nothing", async () => {
    const { subject } = await twoCasesWithNews();
    for (const upTo of ["", "all", "-1", "1.5"]) {
      await expect(markAllNotificationsRead(database.db, subject, { upTo })).rejects.toMatchObject({
        name: "ZodError",
      });
    }
    expect(await unreadOf(subject.userId)).toHaveLength(3);
  });
});
