import { z } from "zod";
import { ROLES } from "@/lib/authz/roles";
import { flag, recordId, shortText } from "../field-schemas";

// Shared by the admin forms (for their limits and labels) and the services (to enforce them).

const name = shortText(
  2,
  120,
  "Enter the person's full name.",
  "Keep the name under 120 characters.",
);
const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));
const roles = z
  .array(z.enum(ROLES, "Choose a listed role."))
  .min(1, "Choose at least one role.")
  .transform((list) => [...new Set(list)]);
// Empty means none; null (a parsed value parsed again) too.
const departmentId = z
  .union([z.literal(""), z.null(), recordId("Choose a department from the list.")])
  .transform((value) => value || null);

const accountFields = {
  name: name.describe("Full name"),
  email: email.describe("Email"),
  roles: roles.describe("Roles"),
  departmentId: departmentId.describe("Department"),
};

// No password field: the person sets their own from the invitation email.
export const createUserSchema = z.object(accountFields);
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: recordId("Unknown user."),
  ...accountFields,
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({
  userId: recordId("Unknown user."),
  active: flag(),
});

export const resendInvitationSchema = z.object({ userId: recordId("Unknown user.") });
