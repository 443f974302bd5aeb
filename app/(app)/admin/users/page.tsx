import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
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
        <form className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="block font-medium">Name or email</span>
            <input
              name="q"
              defaultValue={filter.q}
              className="mt-1 rounded-md border border-slate-300 px-3 py-2"
            />
          </label>
          <label className="text-sm">
            <span className="block font-medium">Role</span>
            <select
              name="role"
              defaultValue={filter.role ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-3 py-2"
            >
              <option value="">Any role</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium">Status</span>
            <select
              name="status"
              defaultValue={filter.status ?? ""}
              className="mt-1 rounded-md border border-slate-300 px-3 py-2"
            >
              <option value="">Any status</option>
              <option value="active">Active</option>
              <option value="deactivated">Deactivated</option>
            </select>
          </label>
          <button
            type="submit"
            className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold"
          >
            Filter
          </button>
        </form>
      </search>
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Accounts</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                Email
              </th>
              <th scope="col" className="px-3 py-2">
                Department
              </th>
              <th scope="col" className="px-3 py-2">
                Roles
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <Link href={`/admin/users/${user.id}`} className="text-brand-700 underline">
                    {user.name}
                  </Link>
                </td>
                <td className="px-3 py-2">{user.email}</td>
                <td className="px-3 py-2">{user.departmentName ?? "—"}</td>
                <td className="px-3 py-2">
                  {user.roles.map((role) => ROLE_LABELS[role]).join(", ")}
                </td>
                <td className="px-3 py-2">{user.active ? "Active" : "Deactivated"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {users.length === 0 ? (
          <p className="p-4 text-slate-600">No accounts match these filters.</p>
        ) : null}
      </div>
    </section>
  );
}
