import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/authz/roles";
import { createUserSchema, updateUserSchema } from "@/lib/services/users/user-schemas";
import { createUserAction, updateUserAction } from "./actions";

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  physician: "Raises concerns and answers notices about their own posts.",
  compliance_officer:
    "Works the compliance queue of escalated cases. Takes effect only when another administrator or an officer approves it.",
  admin: "Manages accounts, departments and settings; never sees case content.",
};

/** A new account, or an existing one to change (given `user`). */
export function UserForm({
  departments,
  user,
  viewerId,
}: {
  departments: ReadonlyArray<{ id: string; name: string }>;
  /** The administrator at the form, to say when the account is their own. */
  viewerId?: string;
  user?: { id: string; name: string; email: string; departmentId: string | null; roles: Role[] };
}) {
  const fields = (
    <>
      <TextField name="name" defaultValue={user?.name} autoComplete="off" />
      <TextField name="email" type="email" defaultValue={user?.email} autoComplete="off" />
      <SelectField
        name="departmentId"
        defaultValue={user?.departmentId ?? ""}
        options={[
          { value: "", label: "No department" },
          ...departments.map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <CheckboxGroup
        name="roles"
        defaultValues={user?.roles ?? ["physician"]}
        options={ROLES.map((role) => ({
          value: role,
          label: ROLE_LABELS[role],
          description: ROLE_DESCRIPTIONS[role],
        }))}
      />
    </>
  );
  return user ? (
    <ActionForm action={updateUserAction} schema={updateUserSchema} className="max-w-xl space-y-4">
      <input type="hidden" name="userId" value={user.id} />
      {fields}
      {user.id === viewerId ? (
        <p className="text-sm text-slate-700">
          This is your own account: you can give up a role, but another administrator must give you
          one.
        </p>
      ) : null}
      <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
    </ActionForm>
  ) : (
    <ActionForm action={createUserAction} schema={createUserSchema} className="max-w-xl space-y-4">
      {fields}
      <p className="text-sm text-slate-700">
        The person is emailed an invitation link to set their own password; it works once, for 7
        days. Nobody else ever knows their password.
      </p>
      <SubmitButton pendingLabel="Saving…">Create account</SubmitButton>
    </ActionForm>
  );
}
