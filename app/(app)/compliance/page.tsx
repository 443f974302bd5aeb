import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { parseQueueFilters } from "@/lib/queries/queue-filters";
import { loadQueuePage, QueueView } from "./queue-view";

export const metadata: Metadata = { title: "Compliance queue · Peer Concerns" };

export default async function ComplianceQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("compliance:work");
  const params = await searchParams;
  const { filters, problems } = parseQueueFilters(params);
  const now = new Date();
  return (
    <QueueView
      actor={actor}
      filters={filters}
      problems={problems}
      done={typeof params.done === "string" ? params.done : undefined}
      now={now}
      data={await loadQueuePage(getDb(), actor, filters, now)}
    />
  );
}
