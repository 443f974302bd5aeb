import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { SelectField, TextField } from "@/components/ui/field";
import { GetForm } from "@/components/ui/get-form";
import { Table } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { ROLE_LABELS, ROLES } from "@/lib/authz/roles";
import { searchTextSchema } from "@/lib/queries/search-text";
import { listUsers } from "@/lib/queries/users";

export const metadata: Metadata = { title: "Users · Peer Concerns" };

// Unknown filter values are ignored rather than reaching the query.
const filterSchema = z.object({
  q: searchTextSchema.optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["active", "deactivated"]).optional().catch(undefined),
});

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requirePermission("users:manage");
  const filter = filterSchema.parse(await searchParams);
  const users = await listUsers(getDb(), {
    search: filter.q,
    role: filter.role,
    status: filter.status,
  });
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Users</h1>
        <Link
          href="/admin/users/new"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white"
        >
          Add user
        </Link>
      </div>
      <search className="mt-4 block">
        <GetForm
          action="/admin/users"
          current={new URLSearchParams(
            Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1]),
          ).toString()}
          label="Filter the accounts"
          className="grid gap-3 sm:grid-cols-4 sm:items-end"
        >
          <TextField name="q" label="Name or email" type="search" defaultValue={filter.q ?? ""} />
          <SelectField
            name="role"
            label="Role"
            defaultValue={filter.role ?? ""}
            options={[
              { value: "", label: "Any role" },
              ...ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
            ]}
          />
          <SelectField
            name="status"
            label="Status"
            defaultValue={filter.status ?? ""}
            options={[
              { value: "", label: "Any status" },
              { value: "active", label: "Active" },
              { value: "deactivated", label: "Deactivated" },
            ]}
          />
          <div className="flex items-end gap-3">
            <button
              type="submit"
              className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold"
            >
              Filter
            </button>
            <Link href="/admin/users" className="py-2 text-sm text-brand-700 underline">
              Clear
            </Link>
          </div>
        </GetForm>
      </search>
      <div className="mt-4">
        {users.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-600">
            No accounts match these filters.
          </p>
        ) : (
          <Table
            caption="Accounts"
            rows={users}
            rowKey={(user) => user.id}
            columns={[
              {
                header: "Name",
                cell: (user) => (
                  <Link href={`/admin/users/${user.id}`} className="text-brand-700 underline">
                    {user.name}
                  </Link>
                ),
              },
              { header: "Email", cell: (user) => user.email },
              { header: "Department", cell: (user) => user.departmentName ?? "—" },
              {
                header: "Roles",
                cell: (user) => user.roles.map((role) => ROLE_LABELS[role]).join(", "),
              },
              { header: "Status", cell: (user) => (user.active ? "Active" : "Deactivated") },
            ]}
          />
        )}
      </div>
    </section>
  );
}
