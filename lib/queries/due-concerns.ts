import { and, inArray, lte, or, type SQL } from "drizzle-orm";
import { concerns } from "@/db/schema";
import { statesByDeadline } from "@/lib/domain/waiting-on";

/**
 * The rule of lib/domain/waiting-on.ts as a query condition: a case in a state that waits
 * on a party, past that state's deadline. One arm per deadline column, so each is answered
 * from that column's partial index (db/schema/concerns.ts).
 */
export function waitIsOver(now: Date): SQL {
  return or(
    ...statesByDeadline().map(({ deadline, states }) =>
      and(inArray(concerns.state, states), lte(concerns[deadline], now)),
    ),
  )!;
}
