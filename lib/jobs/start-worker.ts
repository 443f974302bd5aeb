import { type Runner, run } from "graphile-worker";
import { connectDatabase } from "@/db/client";
import { problemsOnlyLogger } from "@/db/migrate";
import { ANCHOR_AUDIT_CHAINS } from "@/lib/audit/anchor-audit-chains";
import { type MailMode, mailSettings } from "@/lib/notifications/mail-config";
import { mailerFor } from "@/lib/notifications/mailer";
import { createTaskList, SWEEP_DUE_CONCERNS } from "./task-list";

/**
 * The durable work runs from the job queue: a job per concern at its deadline and its
 * reminder (scheduled in the transaction that set them), an email job per delivery
 * (written with the notification), plus a sweep every minute for anything due that no
 * job covers. All are safe to run on several workers at once.
 */
export async function startWorker(databaseUrl: string, mailMode: MailMode): Promise<Runner> {
  const { db, pool } = connectDatabase(databaseUrl, { max: 4 });
  const runner = await run({
    connectionString: databaseUrl,
    concurrency: 2,
    pollInterval: 1000,
    noHandleSignals: true,
    logger: problemsOnlyLogger,
    taskList: createTaskList(db, mailerFor(mailMode, db), mailSettings()),
    // graphile-worker runs each cron slot once across all workers.
    crontab: [`* * * * * ${SWEEP_DUE_CONCERNS}`, `*/15 * * * * ${ANCHOR_AUDIT_CHAINS}`].join("\n"),
  });
  runner.promise.finally(() => pool.end()).catch(() => {});
  return runner;
}
