import type { Metadata } from "next";
import { DateTime } from "@/components/ui/date-time";
import { Table } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { roleGrantDecisionRefusal } from "@/lib/domain/separation-of-duties";
import { listPendingRoleGrants } from "@/lib/queries/role-grants";
import { DecideRoleGrantForm } from "./decide-role-grant-form";

export const metadata: Metadata = { title: "Role requests · Peer Concerns" };

const DECIDED: Record<string, string> = {
  approved: "Approved. The role is added and the approval is recorded.",
  declined: "Declined. The role was not added and the decision is recorded.",
};

const WHY_NOT_YOU = {
  own_request: "You asked for this, so someone else decides.",
  own_role: "This is for you, so someone else decides.",
  already_decided: "Already decided.",
} as const;

/**
 * Roles that need a second person: the compliance officer's opens every escalated case, so
 * an administrator asks for it and another administrator, or an existing officer, decides.
 */
export default async function RoleRequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ decided?: string }>;
}) {
  const actor = await requirePermission("roles:approve");
  const pending = await listPendingRoleGrants(getDb());
  const decided = DECIDED[(await searchParams).decided ?? ""];
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Role requests</h1>
      <p className="max-w-2xl text-slate-700">
        A compliance officer can open every escalated case and see who raised it, so the role takes
        effect only when a second person approves it: another administrator or an existing
        compliance officer, never the person who asked for it nor the person it is for.
      </p>
      {decided ? (
        <p
          role="status"
          className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm"
        >
          {decided}
        </p>
      ) : null}
      {pending.length === 0 ? (
        <p className="text-slate-700">No role is waiting for approval.</p>
      ) : (
        <Table
          caption="Roles waiting for approval"
          rows={pending}
          rowKey={(request) => request.id}
          columns={[
            {
              header: "For",
              cell: (request) => (
                <>
                  {request.userName}
                  <br />
                  <span className="text-slate-600">{request.userEmail}</span>
                </>
              ),
            },
            { header: "Role", cell: (request) => ROLE_LABELS[request.role] },
            { header: "Asked for by", cell: (request) => request.requestedByName },
            {
              header: "Asked on",
              cell: (request) => <DateTime date={request.requestedAt} timeZone={actor.timeZone} />,
            },
            {
              header: "Decision",
              cell: (request) => {
                const refusal = roleGrantDecisionRefusal(
                  { ...request, decidedAt: null },
                  actor.userId,
                );
                if (refusal) return WHY_NOT_YOU[refusal];
                const props = {
                  requestId: request.id,
                  name: request.userName,
                  role: ROLE_LABELS[request.role],
                };
                return (
                  <div className="flex flex-wrap gap-3">
                    <DecideRoleGrantForm {...props} decision="approved" />
                    <DecideRoleGrantForm {...props} decision="declined" />
                  </div>
                );
              },
            },
          ]}
        />
      )}
    </section>
  );
}
