import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { listDepartments } from "@/lib/queries/users";
import { DepartmentForm } from "./department-form";

export const metadata: Metadata = { title: "Departments · Peer Concerns" };

export default async function DepartmentsPage() {
  await requirePermission("users:manage");
  const departments = await listDepartments(getDb());
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">Departments</h1>
      <ul className="max-w-md divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {departments.map((department) => (
          <li key={department.id} className="px-3 py-2">
            {department.name}
          </li>
        ))}
      </ul>
      <DepartmentForm />
    </section>
  );
}
