import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/authz/current-actor";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change your password · Peer Concerns" };

export default async function ChangePasswordPage() {
  const actor = await requireActor();
  return (
    <section className="space-y-4">
      <Link href="/preferences/email" className="text-sm text-brand-700 underline">
        ← Preferences
      </Link>
      <h1 className="text-2xl font-bold">Change your password</h1>
      <p className="max-w-xl text-slate-700">
        You stay signed in on this device. Everywhere else you are signed in, you will be signed
        out.
      </p>
      <ChangePasswordForm email={actor.email} />
    </section>
  );
}
