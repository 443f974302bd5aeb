import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/ui/date-time";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/authz/current-actor";
import { isMailCaptureOn } from "@/lib/notifications/mail-config";
import { listCapturedEmails } from "@/lib/queries/email";

export const metadata: Metadata = { title: "Development mailbox · Peer Concerns" };
// Read at request time: whether mail is captured is a fact of the running deployment.
export const dynamic = "force-dynamic";

/**
 * Development only: the mail that would have been sent, when no SMTP server is set. It
 * does not exist (404) unless the launcher turned mail capture on, which it never does in
 * production or with SMTP_URL set. Each person reads the mail sent to them, as in their
 * own inbox; administrators also read the account emails (invitations, password links).
 */
export default async function DevelopmentMailboxPage() {
  if (!isMailCaptureOn()) notFound();
  const actor = await requireActor();
  const emails = await listCapturedEmails(getDb(), actor);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Development mailbox</h1>
      <p className="text-slate-700">
        No mail server is configured (<code>SMTP_URL</code> is not set), so every email the app
        sends is kept here instead: you see the mail sent to you (administrators also see
        invitations and password links, which people need before they can sign in). This page does
        not exist in production or when a mail server is configured.
      </p>
      {emails.length === 0 ? (
        <p className="text-slate-700">No email yet.</p>
      ) : (
        <ul className="space-y-4" aria-label="Emails">
          {emails.map((email) => (
            <li
              key={email.id}
              className="rounded-lg border border-slate-200 bg-white p-4"
              data-testid="captured-email"
            >
              <h2 className="font-semibold">{email.subject}</h2>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
                <dt>To</dt>
                <dd data-testid="captured-email-to">{email.toAddress}</dd>
                <dt>Sent</dt>
                <dd>
                  <DateTime date={email.capturedAt} timeZone={actor.timeZone} />
                </dd>
                <dt>Message-ID</dt>
                <dd className="break-all">{email.messageId}</dd>
              </dl>
              <pre className="mt-3 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm">
                {email.textBody}
              </pre>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-brand-700">HTML version</summary>
                {/* Sandboxed: the HTML is shown as a mail client would, with nothing able to run. */}
                <iframe
                  title={`HTML version of: ${email.subject}`}
                  sandbox=""
                  srcDoc={email.htmlBody}
                  className="mt-2 h-80 w-full rounded border border-slate-200 bg-white"
                />
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
