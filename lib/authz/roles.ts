export const ROLES = ["physician", "compliance_officer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  physician: "Physician",
  compliance_officer: "Compliance officer",
  admin: "Administrator",
};
