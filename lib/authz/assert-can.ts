import { Refusal } from "@/lib/errors/refusal";
import { type Actor, can, type Permission } from "./permissions";

/** Services call this themselves, so no caller can forget the check. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new Refusal("forbidden", "You do not have permission to do that.");
  }
}
