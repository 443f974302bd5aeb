import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { listPendingRoleGrants } from "@/lib/queries/role-grants";
import { findUserSummary, listDepartments } from "@/lib/queries/users";
import { recordId } from "@/lib/services/field-schemas";
import { UserForm } from "../user-form";
import { AccountStatusForm } from "./account-status-form";
import { InvitationForm } from "./invitation-form";

export const metadata: Metadata = { title: "Edit user · Peer Concerns" };

const AWAITS_APPROVAL =
  "The compliance officer and administrator roles take effect only when another administrator or a compliance officer approves them at Role requests.";

const SAVED_MESSAGES: Record<string, string> = {
  created: "Account created.",
  created_requested: `Account created. ${AWAITS_APPROVAL}`,
  changes: "Changes saved.",
  changes_requested: `Changes saved. ${AWAITS_APPROVAL}`,
};

export default async function EditUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requirePermission("users:manage");
  const id = recordId("Unknown user.").safeParse((await params).id);
  if (!id.success) notFound();
  const [user, departments, pending] = await Promise.all([
    findUserSummary(getDb(), id.data),
    listDepartments(getDb()),
    listPendingRoleGrants(getDb(), { userId: id.data }),
  ]);
  if (!user) notFound();
  const saved = SAVED_MESSAGES[(await searchParams).saved ?? ""];
  return (
    <section className="space-y-8">
      <div>
        <Link href="/admin/users" className="text-sm text-brand-700 underline">
          ← All users
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{user.name}</h1>
        <p className="text-slate-700">{user.active ? "Active account" : "Deactivated account"}</p>
        {saved ? (
          <p
            role="status"
            className="mt-2 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm"
          >
            {saved}
          </p>
        ) : null}
      </div>
      {pending.length > 0 ? (
        <p className="max-w-xl rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm">
          Waiting for approval: {pending.map((request) => ROLE_LABELS[request.role]).join(", ")}{" "}
          (asked for by {[...new Set(pending.map((request) => request.requestedByName))].join(", ")}
          ).{" "}
          <Link href="/role-requests" className="text-brand-700 underline">
            Role requests
          </Link>
        </p>
      ) : null}
      <UserForm departments={departments} user={user} viewerId={actor.userId} />
      <div className="max-w-xl border-t border-slate-200 pt-6">
        <h2 className="text-lg font-semibold">Password</h2>
        {user.hasPassword ? (
          <p className="text-sm text-slate-700">
            {user.name} has set their own password. Nobody else knows it. If they forget it, they
            can reset it by email from the sign-in page.
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">
              {user.name} has not set a password yet. The invitation link works once, for 7 days; a
              new one replaces it.
            </p>
            {user.active ? <InvitationForm userId={user.id} /> : null}
          </>
        )}
        <Link
          href={`/admin/security-log?${new URLSearchParams({ email: user.email })}`}
          className="mt-3 inline-block text-sm text-brand-700 underline"
        >
          See {user.name}'s sign-ins in the security log
        </Link>
      </div>
      <div className="max-w-xl border-t border-slate-200 pt-6">
        <h2 className="text-lg font-semibold">Account status</h2>
        <p className="mb-3 text-sm text-slate-700">
          A deactivated person is signed out at once and cannot sign in. Their concerns and history
          are kept.
        </p>
        <AccountStatusForm userId={user.id} name={user.name} active={user.active} />
      </div>
    </section>
  );
}
