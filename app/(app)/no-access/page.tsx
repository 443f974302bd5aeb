import { requireActor } from "@/lib/authz/current-actor";

export default async function NoAccessPage() {
  await requireActor();
  return (
    <section>
      <h1 className="text-2xl font-bold">No role assigned yet</h1>
      <p className="mt-2 text-slate-700">
        Your account has no role in Peer Concerns. Ask your administrator to assign one.
      </p>
    </section>
  );
}
