"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { requestAddress } from "@/lib/auth/request-address";
import {
  createDepartment,
  createDepartmentSchema,
} from "@/lib/services/departments/create-department";
import {
  renameDepartment,
  renameDepartmentSchema,
} from "@/lib/services/departments/rename-department";
import { createUser } from "@/lib/services/users/create-user";
import { resendInvitation } from "@/lib/services/users/resend-invitation";
import { setUserActive } from "@/lib/services/users/set-user-active";
import { updateUser } from "@/lib/services/users/update-user";
import {
  createUserSchema,
  resendInvitationSchema,
  setUserActiveSchema,
  updateUserSchema,
} from "@/lib/services/users/user-schemas";

export const createUserAction = formAction({
  allow: "users:manage",
  input: createUserSchema,
  run: async (actor, input) =>
    createUser(getDb(), actor, input, { address: await requestAddress() }),
  done: ({ userId, requested }) => ({
    revalidate: "/admin/users",
    redirect: `/admin/users/${userId}?saved=${requested.length ? "created_requested" : "created"}`,
  }),
});

export const updateUserAction = formAction({
  allow: "users:manage",
  input: updateUserSchema,
  run: async (actor, input) =>
    updateUser(getDb(), actor, input, { address: await requestAddress() }),
  // A page of its own, so "Account created." from before never stands beside it.
  done: ({ requested }, { userId }) => ({
    revalidate: "/admin/users",
    redirect: `/admin/users/${userId}?saved=${requested.length ? "changes_requested" : "changes"}`,
  }),
});

export const setUserActiveAction = formAction({
  allow: "users:manage",
  input: setUserActiveSchema,
  run: (actor, input) => setUserActive(getDb(), actor, input),
  done: (_result, { active }) => ({
    revalidate: "/admin/users",
    message: active ? "Account reactivated." : "Account deactivated. Their sessions have ended.",
  }),
});

export const resendInvitationAction = formAction({
  allow: "users:manage",
  input: resendInvitationSchema,
  run: async (actor, input) =>
    resendInvitation(getDb(), actor, input, { address: await requestAddress() }),
  done: ({ email }) => ({
    message: `A new invitation was sent to ${email}. The earlier link no longer works.`,
  }),
});

export const renameDepartmentAction = formAction({
  allow: "users:manage",
  input: renameDepartmentSchema,
  run: (actor, input) => renameDepartment(getDb(), actor, input),
  done: (_result, { name }) => ({
    revalidate: "/admin/departments",
    message: `Renamed to ${name}.`,
  }),
});

export const createDepartmentAction = formAction({
  allow: "users:manage",
  input: createDepartmentSchema,
  run: (actor, input) => createDepartment(getDb(), actor, input),
  done: () => ({ revalidate: "/admin/departments", message: "Department added." }),
});
