import type { Metadata } from "next";
import { requirePermission } from "@/lib/authz/current-actor";
import { ReopenByReferenceForm } from "./reopen-form";

export const metadata: Metadata = { title: "Reopen a case · Peer Concerns" };

export default async function ReopenCasePage() {
  await requirePermission("users:manage");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Reopen a closed case</h1>
      <p className="max-w-2xl text-slate-700">
        When a closed case must be looked at again (an appeal, a request from an external
        authority), enter its reference and the reason. You will not see the case itself: it goes
        back to the compliance queue, unassigned, and the reopening is recorded with your name and
        reason.
      </p>
      <ReopenByReferenceForm />
    </section>
  );
}
