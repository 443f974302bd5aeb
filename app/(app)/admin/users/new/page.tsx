import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { listDepartments } from "@/lib/queries/users";
import { UserForm } from "../user-form";

export const metadata: Metadata = { title: "Add user · Peer Concerns" };

export default async function NewUserPage() {
  await requirePermission("users:manage");
  const departments = await listDepartments(getDb());
  return (
    <section>
      <h1 className="mb-4 text-2xl font-bold">Add user</h1>
      <UserForm departments={departments} />
    </section>
  );
}
