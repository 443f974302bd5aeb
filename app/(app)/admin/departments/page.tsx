import type { Metadata } from "next";
import { Table } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { listDepartmentsWithCounts } from "@/lib/queries/users";
import { DepartmentForm, RenameDepartmentForm } from "./department-form";

export const metadata: Metadata = { title: "Departments · Peer Concerns" };

export default async function DepartmentsPage() {
  await requirePermission("users:manage");
  const departments = await listDepartmentsWithCounts(getDb());
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">Departments</h1>
      {departments.length === 0 ? (
        <p className="text-slate-700">No departments yet.</p>
      ) : (
        <Table
          caption="Departments"
          rows={departments}
          rowKey={(department) => department.id}
          columns={[
            { header: "Department", cell: (department) => department.name },
            {
              header: "Active people",
              numeric: true,
              cell: (department) => department.people,
            },
            {
              header: "Rename",
              cell: (department) => (
                <RenameDepartmentForm departmentId={department.id} name={department.name} />
              ),
            },
          ]}
        />
      )}
      <DepartmentForm />
    </section>
  );
}
