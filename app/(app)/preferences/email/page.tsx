import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/authz/current-actor";
import { formatDateTime, timeZoneLabel } from "@/lib/domain/date-words";
import { loadEmailPreferences } from "@/lib/queries/email";
import { findOwnTimeZone } from "@/lib/queries/users";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { EmailPreferencesForm } from "./preferences-form";
import { TimeZoneForm } from "./time-zone-form";

export const metadata: Metadata = { title: "Preferences · Peer Concerns" };

export default async function PreferencesPage() {
  const actor = await requireActor();
  const db = getDb();
  const [preferences, ownTimeZone, settings] = await Promise.all([
    loadEmailPreferences(db, actor),
    findOwnTimeZone(db, actor.userId),
    loadWorkflowSettings(db),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Preferences</h1>
      <section aria-labelledby="time-zone" className="space-y-3">
        <h2 id="time-zone" className="text-lg font-semibold">
          Time zone
        </h2>
        <p className="max-w-xl text-slate-700">
          You see dates in {timeZoneLabel(actor.timeZone)}: it is now{" "}
          <time dateTime={new Date().toISOString()}>
            {formatDateTime(new Date(), actor.timeZone)}
          </time>
          .
        </p>
        <TimeZoneForm ownTimeZone={ownTimeZone} organisationTimeZone={settings.timeZone} />
      </section>
      <section aria-labelledby="two-factor" className="space-y-3">
        <h2 id="two-factor" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        <p className="max-w-xl text-slate-700">
          A code from an authenticator app on your phone, asked for after your password.{" "}
          <Link href="/preferences/two-factor" className="text-brand-700 underline">
            Manage two-factor sign-in
          </Link>
        </p>
      </section>
      <section aria-labelledby="email" className="space-y-3">
        <h2 id="email" className="text-lg font-semibold">
          Email
        </h2>
        <p className="max-w-xl text-slate-700">
          Emails from Peer Concerns never contain details of a case: they name its reference, what
          needs your attention and by when, and link to it. Emails about a step in a process you are
          part of (a notice about your post, a response, an escalation, a closure) are always sent.
          You can turn off reminders.
        </p>
        <EmailPreferencesForm remindersByEmail={preferences.remindersByEmail} />
      </section>
      <section aria-labelledby="password" className="space-y-3">
        <h2 id="password" className="text-lg font-semibold">
          Password
        </h2>
        <Link href="/preferences/password" className="text-brand-700 underline">
          Change your password
        </Link>
      </section>
    </div>
  );
}
