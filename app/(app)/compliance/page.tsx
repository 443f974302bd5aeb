import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/concerns/next-deadline";
import { StatusBadge } from "@/components/concerns/status-badge";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { SEVERITY_LABELS } from "@/lib/domain/policy-text";
import { listEscalatedCases } from "@/lib/queries/concerns";

export const metadata: Metadata = { title: "Compliance queue · Peer Concerns" };

export default async function ComplianceQueuePage() {
  const actor = await requirePermission("compliance:work");
  const cases = await listEscalatedCases(getDb(), actor);
  return (
    <section>
      <h1 className="text-2xl font-bold">Compliance queue</h1>
      <p className="mt-1 text-slate-700">
        Significant concerns that were not resolved between colleagues. Open cases first, oldest
        escalation first.
      </p>
      {cases.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          No escalated cases.
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Escalated cases</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Case
                </th>
                <th scope="col" className="px-3 py-2">
                  Colleague concerned
                </th>
                <th scope="col" className="px-3 py-2">
                  Department
                </th>
                <th scope="col" className="px-3 py-2">
                  Severity
                </th>
                <th scope="col" className="px-3 py-2">
                  Escalated
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((item) => (
                <tr key={item.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">
                    <Link
                      href={`/compliance/cases/${item.id}`}
                      className="text-brand-700 underline"
                    >
                      {item.reference}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{item.subjectName}</td>
                  <td className="px-3 py-2">{item.departmentName ?? "—"}</td>
                  <td className="px-3 py-2">{SEVERITY_LABELS[item.severity]}</td>
                  <td className="px-3 py-2">
                    {item.escalatedAt ? formatDateTime(item.escalatedAt) : "—"}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge state={item.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
