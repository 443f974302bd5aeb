import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { DEFAULT_QUEUE_FILTERS } from "@/lib/queries/queue-filters";
import { loadQueuePage, QueueView } from "../../compliance/queue-view";

// Benchmark builds only (*.bench.tsx): the queue's first page drawn on every request from
// data read on the first, for the one officer the benchmark signs in as. Beside the real
// page it tells what drawing the page costs from what reading it does; the session check
// and the frame stay per request, as on floor B and on every page.
const readAt = new Date();
let read: ReturnType<typeof loadQueuePage> | undefined;

export default async function QueueDrawnFromDataReadOncePage() {
  const actor = await requirePermission("compliance:work");
  read ??= loadQueuePage(getDb(), actor, DEFAULT_QUEUE_FILTERS, readAt).catch((error) => {
    read = undefined; // A failed read is tried again by the next request, not kept.
    throw error;
  });
  return (
    <QueueView
      actor={actor}
      filters={DEFAULT_QUEUE_FILTERS}
      problems={{}}
      done={undefined}
      now={readAt}
      data={await read}
    />
  );
}
