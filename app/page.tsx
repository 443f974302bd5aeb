import { redirect } from "next/navigation";
import { requireActor } from "@/lib/authz/current-actor";
import { homePathFor } from "@/lib/authz/permissions";

export default async function Home() {
  redirect(homePathFor(await requireActor()));
}
