import { requireActor } from "@/lib/authz/current-actor";

// Benchmark floor B, in bench builds only (*.bench.tsx): a server-rendered page that checks
// the session and runs no other query, the least any signed-in page can cost.
export default async function SignedInFloorPage() {
  const actor = await requireActor();
  return (
    <main className="p-4">
      <p>Signed in as {actor.name}.</p>
    </main>
  );
}
