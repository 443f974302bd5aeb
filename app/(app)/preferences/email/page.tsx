import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/authz/current-actor";
import { loadEmailPreferences } from "@/lib/queries/email";
import { EmailPreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Email preferences · Peer Concerns" };

export default async function EmailPreferencesPage() {
  const actor = await requireActor();
  const preferences = await loadEmailPreferences(getDb(), actor);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Email preferences</h1>
      <p className="max-w-xl text-slate-700">
        Emails from Peer Concerns never contain details of a case: they tell you that something
        needs your attention and link to it. Emails about a step in a process you are part of (a
        notice about your post, a response, an escalation, a closure) are always sent. You can turn
        off reminders.
      </p>
      <EmailPreferencesForm remindersByEmail={preferences.remindersByEmail} />
    </section>
  );
}
