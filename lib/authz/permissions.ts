import type { Role } from "./roles";

/** The signed-in person as every page, action and service sees them. */
export interface Actor {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  departmentId: string | null;
  roles: readonly Role[];
}

/**
 * The signed-in person of a request as pages see them: with the time zone they read dates
 * in (their own, else the organisation's), loaded with them once per request.
 */
export interface Reader extends Actor {
  timeZone: string;
}

/**
 * What each role may do, in one table. Record-level rules (is this my concern? was this
 * case escalated?) live beside the record's queries as query scopes; this table answers
 * only "may this kind of person do this kind of thing at all".
 */
const PERMISSIONS = {
  "users:manage": ["admin"],
  // Officers look up the colleague and the reporter of a concern they record.
  "directory:search": ["physician", "compliance_officer", "admin"],
  "concerns:file": ["physician"],
  // A concern that arrived by phone, letter, a department chair or an external body.
  "concerns:record": ["compliance_officer"],
  // The reporter's side of a case: one a physician filed, or one an officer recorded and
  // follows as its reporter of record (concernScope narrows it to those).
  "concerns:follow": ["physician", "compliance_officer"],
  "notices:respond": ["physician"],
  "compliance:work": ["compliance_officer"],
  // Reopening needs no reading of the case, so administrators may do it by reference.
  "cases:reopen": ["compliance_officer", "admin"],
  // A pending role is approved by a second administrator or an existing officer.
  "roles:approve": ["admin", "compliance_officer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function hasRole(actor: Pick<Actor, "roles">, role: Role): boolean {
  return actor.roles.includes(role);
}

export function can(actor: Pick<Actor, "roles"> | null, permission: Permission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((role) => allowed.includes(role));
}

/**
 * Where a person lands after signing in. Someone with several roles starts at the work
 * that is most time-critical for the organisation; the navigation offers the others.
 */
export function homePathFor(actor: Pick<Actor, "roles">): string {
  if (hasRole(actor, "compliance_officer")) return "/compliance";
  if (hasRole(actor, "physician")) return "/concerns";
  if (hasRole(actor, "admin")) return "/admin/users";
  return "/no-access";
}
