import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, can, homePathFor, type Permission } from "@/lib/authz/permissions";
import type { Role } from "@/lib/authz/roles";

const EXPECTED: Record<Permission, Role[]> = {
  "users:manage": ["admin"],
  "directory:search": ["physician", "compliance_officer", "admin"],
  "concerns:file": ["physician"],
  "concerns:record": ["compliance_officer"],
  "concerns:follow": ["physician", "compliance_officer"],
  "notices:respond": ["physician"],
  "compliance:work": ["compliance_officer"],
  "cases:reopen": ["compliance_officer", "admin"],
  "roles:approve": ["compliance_officer", "admin"],
};

describe("who may do what", () => {
  it.each(ALL_PERMISSIONS)("grants %s to exactly the roles that need it", (permission) => {
    for (const role of ["physician", "compliance_officer", "admin"] as const) {
      expect(can({ roles: [role] }, permission), `${role} → ${permission}`).toBe(
        EXPECTED[permission].includes(role),
      );
    }
  });

  it("lists every permission in this test, so a new one cannot go unreviewed", () => {
    expect([...ALL_PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("grants nothing to the signed out or to a person without roles", () => {
    for (const permission of ALL_PERMISSIONS) {
      expect(can(null, permission)).toBe(false);
      expect(can({ roles: [] }, permission)).toBe(false);
    }
  });

  it("combines the rights of several roles", () => {
    const both = { roles: ["physician", "compliance_officer"] as Role[] };
    expect(can(both, "concerns:file")).toBe(true);
    expect(can(both, "compliance:work")).toBe(true);
    expect(can(both, "users:manage")).toBe(false);
  });

  it("keeps administrators out of case work: they manage accounts, not cases", () => {
    const admin = { roles: ["admin"] as Role[] };
    expect(can(admin, "compliance:work")).toBe(false);
    expect(can(admin, "concerns:file")).toBe(false);
    expect(can(admin, "notices:respond")).toBe(false);
  });
});

describe("where each person lands after signing in", () => {
  it.each([
    [["physician"], "/concerns"],
    [["compliance_officer"], "/compliance"],
    [["admin"], "/admin/users"],
    [["physician", "compliance_officer"], "/compliance"],
    [["admin", "physician"], "/concerns"],
    [[], "/no-access"],
  ] as [Role[], string][])("%j lands on %s", (roles, path) => {
    expect(homePathFor({ roles })).toBe(path);
  });
});
