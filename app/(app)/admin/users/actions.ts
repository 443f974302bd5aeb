"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import type { Role } from "@/lib/authz/roles";
import { type ActionState, toActionState } from "@/lib/errors/to-action-state";
import { createDepartment } from "@/lib/services/departments/create-department";
import { createUser } from "@/lib/services/users/create-user";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { updateUser } from "@/lib/services/users/update-user";

function text(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

function accountFields(form: FormData) {
  return {
    name: text(form, "name"),
    email: text(form, "email"),
    departmentId: text(form, "departmentId"),
    // Unchecked here on purpose: the service validates every value against the role list.
    roles: form.getAll("roles").map(String) as Role[],
  };
}

export async function createUserAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("users:manage");
  let userId: string;
  try {
    ({ userId } = await createUser(getDb(), actor, {
      ...accountFields(form),
      password: text(form, "password"),
    }));
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/admin/users");
  redirect(`/admin/users/${userId}?saved=created`);
}

export async function updateUserAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("users:manage");
  try {
    await updateUser(getDb(), actor, {
      ...accountFields(form),
      userId: text(form, "userId"),
      newPassword: text(form, "newPassword"),
    });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/admin/users");
  return { status: "success", message: "Changes saved." };
}

export async function setUserActiveAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("users:manage");
  const active = text(form, "active") === "true";
  try {
    await setUserActive(getDb(), actor, { userId: text(form, "userId"), active });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/admin/users");
  return {
    status: "success",
    message: active ? "Account reactivated." : "Account deactivated. Their sessions have ended.",
  };
}

export async function createDepartmentAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await requirePermission("users:manage");
  try {
    await createDepartment(getDb(), actor, { name: text(form, "name") });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/admin/departments");
  return { status: "success", message: "Department added." };
}
