import { sql } from "drizzle-orm";
import {
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../../lib/authz/roles";
import { departments } from "./organisation";

export const roleEnum = pgEnum("role", ROLES);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Stored lower-case (enforced below) so uniqueness and sign-in ignore case.
    email: text().notNull(),
    name: text().notNull(),
    // Null for accounts that only sign in through the organisation's SSO.
    passwordHash: text(),
    departmentId: uuid().references(() => departments.id, { onDelete: "restrict" }),
    deactivatedAt: timestamp({ withTimezone: true }),
    // The IANA zone this person reads dates in; null: the organisation's.
    timeZone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_name_idx").on(t.name),
    // Substring search over names (the queue's subject search): pg_trgm, enabled by the
    // enable-trigram-search migration.
    index("users_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("users_department_idx").on(t.departmentId),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    // Everyone holding a role, the officers above all: who may take a department's case or
    // review is asked per row of the queue, and 80 officers are a handful of 10,000 people.
    index("user_roles_role_idx").on(t.role, t.userId),
  ],
);
