/**
 * The audit actions about accounts and the organisation rather than a case: people,
 * passwords and two-factor sign-in, departments, settings, email deliveries and the audit
 * trail itself. Part of the one catalogue in audit-actions.ts; none is on a case's timeline.
 */
import type { Role } from "@/lib/authz/roles";
import type { AuditActionDeclaration } from "./audit-declaration";
import type { AuditProblem } from "./audit-problems";

export interface AccountAuditCatalogue {
  user_created: {
    entity: "user";
    details: {
      email: string;
      roles: Role[];
      departmentId?: string | null;
      passwordSet?: boolean; // Older events: new accounts are invited now.
      source?: "demo_seed";
    };
  };
  user_updated: {
    entity: "user";
    details: {
      changed: ("name" | "email" | "departmentId")[];
      rolesBefore: Role[];
      rolesAfter: Role[];
      passwordReset?: boolean; // Older events: administrators no longer set passwords.
    };
  };
  // A role that needs a second person: asked for, then approved (added) or declined.
  role_grant_requested: { entity: "user"; details: { requestId: string; role: Role } };
  role_grant_approved: {
    entity: "user";
    details: { requestId: string; role: Role; requestedById: string };
  };
  role_grant_declined: {
    entity: "user";
    details: { requestId: string; role: Role; requestedById: string };
  };
  user_deactivated: { entity: "user"; details: Record<string, never> };
  user_reactivated: { entity: "user"; details: Record<string, never> };
  // The security log holds these too, with their address.
  password_changed: { entity: "user"; details: Record<string, never> };
  password_reset_link_sent: { entity: "user"; details: Record<string, never> };
  password_reset: { entity: "user"; details: Record<string, never> };
  invitation_sent: { entity: "user"; details: Record<string, never> };
  invitation_accepted: { entity: "user"; details: Record<string, never> };
  email_preferences_updated: { entity: "user"; details: { remindersByEmail: boolean } };
  /** null: the organisation's zone. */
  time_zone_updated: { entity: "user"; details: { before: string | null; after: string | null } };
  two_factor_enrolled: { entity: "user"; details: Record<string, never> };
  two_factor_disabled: { entity: "user"; details: Record<string, never> };
  recovery_codes_regenerated: { entity: "user"; details: Record<string, never> };
  recovery_code_used: { entity: "user"; details: { remaining: number } };
  department_created: { entity: "department"; details: { name: string } };
  department_renamed: { entity: "department"; details: { from: string; to: string } };
  settings_updated: {
    entity: "settings";
    details: {
      before: Record<string, number | string | boolean | null>;
      after: Record<string, number | string | boolean | null>;
    };
  };
  email_delivery_retried: { entity: "email_delivery"; details: { attemptsBefore: number } };
  // Chain and event ids only: a break is reported without any case content.
  audit_break_detected: { entity: "audit_trail"; details: { problems: AuditProblem[] } };
}

type AccountEntity = AccountAuditCatalogue[keyof AccountAuditCatalogue]["entity"];

/** No account action is on a case's timeline. */
const offTimeline = <E extends AccountEntity>(entityType: E, label: string) =>
  ({ entityType, label, timeline: "nobody" }) as const;

export const ACCOUNT_AUDIT_ACTIONS: {
  readonly [A in keyof AccountAuditCatalogue]: AuditActionDeclaration<A>;
} = {
  user_created: { entityType: "user", label: "Account created", timeline: "nobody" },
  user_updated: { entityType: "user", label: "Account changed", timeline: "nobody" },
  role_grant_requested: offTimeline("user", "Role asked for"),
  role_grant_approved: offTimeline("user", "Role approved"),
  role_grant_declined: offTimeline("user", "Role request declined"),
  user_deactivated: { entityType: "user", label: "Account deactivated", timeline: "nobody" },
  user_reactivated: { entityType: "user", label: "Account reactivated", timeline: "nobody" },
  password_changed: { entityType: "user", label: "Password changed", timeline: "nobody" },
  password_reset_link_sent: { entityType: "user", label: "Reset link sent", timeline: "nobody" },
  password_reset: { entityType: "user", label: "Password reset", timeline: "nobody" },
  invitation_sent: { entityType: "user", label: "Invitation sent", timeline: "nobody" },
  invitation_accepted: { entityType: "user", label: "Invitation accepted", timeline: "nobody" },
  email_preferences_updated: offTimeline("user", "Email preferences changed"),
  time_zone_updated: { entityType: "user", label: "Time zone changed", timeline: "nobody" },
  two_factor_enrolled: offTimeline("user", "Two-factor sign-in set up"),
  two_factor_disabled: offTimeline("user", "Two-factor sign-in turned off"),
  recovery_codes_regenerated: offTimeline("user", "New recovery codes made"),
  recovery_code_used: offTimeline("user", "Recovery code used"),
  department_created: offTimeline("department", "Department created"),
  department_renamed: offTimeline("department", "Department renamed"),
  settings_updated: { entityType: "settings", label: "Settings changed", timeline: "nobody" },
  email_delivery_retried: offTimeline("email_delivery", "Email sent again"),
  audit_break_detected: offTimeline("audit_trail", "A break in the audit trail was found"),
};
