import type { IdentityDisclosure } from "./concern-fields";
import { DAY_MS } from "./deadlines";

/**
 * How long after being raised against a physician's own concern about a colleague is
 * suspect: a concern filed within this window, about the person who raised one about its
 * reporter, is marked for officers as possible retaliation (issue 14: the "retaliation
 * watch"). A fixed span rather than a setting: it is what officers are told to watch, the
 * same across departments.
 */
export const RETALIATION_WINDOW_MS = 90 * DAY_MS;

export interface RaisedConcern {
  reporterId: string;
  subjectId: string;
  createdAt: Date;
  disclosure: IdentityDisclosure;
}

/**
 * Whether `later` may be retaliation for `earlier`: `later` is about the person who raised
 * `earlier` about its own reporter, within the window, or at any time after when `earlier`
 * named its reporter to them (they know exactly who raised it). Officers weigh the mark;
 * it decides nothing and parties never see it.
 */
export function mayRetaliate(later: RaisedConcern, earlier: RaisedConcern): boolean {
  if (later.subjectId !== earlier.reporterId || later.reporterId !== earlier.subjectId) {
    return false;
  }
  const gap = later.createdAt.getTime() - earlier.createdAt.getTime();
  if (gap <= 0) return false;
  return gap <= RETALIATION_WINDOW_MS || earlier.disclosure === "named";
}
