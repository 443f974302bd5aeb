import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { HEALTHY, UNHEALTHY } from "@/lib/http/health";

export const dynamic = "force-dynamic";

/** For load balancers and the launcher: 200 when the database answers, 503 when not. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return Response.json(HEALTHY);
  } catch {
    return Response.json(UNHEALTHY, { status: 503 });
  }
}
