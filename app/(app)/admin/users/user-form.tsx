"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { type ActionState, IDLE } from "@/lib/actions/action-state";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/authz/roles";
import { PASSWORD_MIN_LENGTH } from "@/lib/domain/password-policy";

interface UserFormProps {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  departments: ReadonlyArray<{ id: string; name: string }>;
  user?: { id: string; name: string; email: string; departmentId: string | null; roles: Role[] };
}

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  physician: "Raises concerns and answers notices about their own posts.",
  compliance_officer: "Works the compliance queue of escalated cases.",
  admin: "Manages accounts, departments and settings; never sees case content.",
};

export function UserForm({ action, departments, user }: UserFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      {user ? <input type="hidden" name="userId" value={user.id} /> : null}
      <TextField
        name="name"
        label="Full name"
        defaultValue={user?.name}
        required
        errors={errors.name}
      />
      <TextField
        name="email"
        label="Email"
        type="email"
        defaultValue={user?.email}
        required
        errors={errors.email}
      />
      <SelectField
        name="departmentId"
        label="Department"
        defaultValue={user?.departmentId ?? ""}
        errors={errors.departmentId}
        options={[
          { value: "", label: "No department" },
          ...departments.map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <CheckboxGroup
        name="roles"
        legend="Roles"
        defaultValues={user?.roles ?? ["physician"]}
        errors={errors.roles}
        options={ROLES.map((role) => ({
          value: role,
          label: ROLE_LABELS[role],
          description: ROLE_DESCRIPTIONS[role],
        }))}
      />
      <TextField
        name={user ? "newPassword" : "password"}
        label={user ? "New password (optional)" : "Initial password (optional)"}
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Leave empty for ${user ? "no change" : "single sign-on only"}.`}
        errors={user ? errors.newPassword : errors.password}
      />
      <SubmitButton pendingLabel="Saving…">{user ? "Save changes" : "Create account"}</SubmitButton>
    </form>
  );
}
