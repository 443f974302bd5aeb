import { sql } from "drizzle-orm";
import type { TaskList } from "graphile-worker";
import type { Database } from "@/db/client";
import { ANCHOR_AUDIT_CHAINS, anchorAuditChains } from "@/lib/audit/anchor-audit-chains";
import {
  type AnchorSinkKind,
  formatAnchorLine,
  PUBLISH_AUDIT_ANCHOR,
  publishAnchor,
} from "@/lib/audit/publish-anchor";
import { type AnchorSinks, anchorSinks } from "@/lib/config";
import { COMPLIANCE_CLOCKS } from "@/lib/domain/waiting-on";
import type { MailSettings } from "@/lib/notifications/mail-config";
import type { Mailer } from "@/lib/notifications/mailer";
import { SEND_EMAIL } from "@/lib/notifications/notify";
import {
  advanceDueConcern,
  advanceDueConcerns,
} from "@/lib/services/concerns/advance-due-concerns";
import { remindOfficers, remindOverdueOfficers } from "@/lib/services/concerns/remind-officers";
import { deliverEmail } from "@/lib/services/notifications/deliver-email";
import { sendDueReminder } from "@/lib/services/notifications/send-due-reminder";
import { ADVANCE_DUE_CONCERN } from "./schedule-due-check";
import { REMIND_OFFICERS } from "./schedule-officer-reminders";
import { type ReminderPayload, SEND_REMINDER } from "./schedule-reminder";

export const SWEEP_DUE_CONCERNS = "sweep-due-concerns";
/** Daily: the security log keeps six years (SECURITY.md); the database function removes only older entries. */
export const PURGE_SECURITY_LOG = "purge-security-log";

/** Every durable task, given its dependencies, so tests run exactly what the worker runs. */
export function createTaskList(
  db: Database,
  mailer: Mailer,
  mail: MailSettings,
  sinks: AnchorSinks = anchorSinks(),
): TaskList {
  return {
    [ADVANCE_DUE_CONCERN]: async (payload) => {
      const { concernId } = payload as { concernId?: string };
      if (typeof concernId === "string") await advanceDueConcern(db, concernId);
    },
    [REMIND_OFFICERS]: async (payload) => {
      const { concernId, clock } = payload as { concernId?: string; clock?: string };
      const known = COMPLIANCE_CLOCKS.find((name) => name === clock);
      if (typeof concernId === "string" && known) await remindOfficers(db, concernId, known);
    },
    [SWEEP_DUE_CONCERNS]: async () => {
      await advanceDueConcerns(db);
      await remindOverdueOfficers(db);
    },
    [PURGE_SECURITY_LOG]: async () => {
      await db.execute(sql`select purge_expired_security_events()`);
    },
    [ANCHOR_AUDIT_CHAINS]: async () => {
      const { anchor } = await anchorAuditChains(db, { sinks });
      // In the log too: one more copy outside the database, in the format --against reads.
      if (anchor) console.log(`[audit] ${formatAnchorLine(anchor)}`);
    },
    [PUBLISH_AUDIT_ANCHOR]: async (payload) => {
      const { anchorId, sink } = payload as { anchorId?: number; sink?: string };
      if (typeof anchorId === "number" && (sink === "file" || sink === "email")) {
        await publishAnchor(
          db,
          { anchorId, sink: sink as AnchorSinkKind },
          { sinks, mailer, mail },
        );
      }
    },
    [SEND_EMAIL]: async (payload) => {
      const { deliveryId } = payload as { deliveryId?: number };
      if (typeof deliveryId === "number") await deliverEmail(db, deliveryId, mailer, mail);
    },
    [SEND_REMINDER]: async (payload) => {
      const reminder = payload as Partial<ReminderPayload>;
      if (
        typeof reminder.concernId === "string" &&
        typeof reminder.kind === "string" &&
        typeof reminder.dueAt === "string"
      ) {
        await sendDueReminder(db, reminder as ReminderPayload);
      }
    },
  };
}
