import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OUTCOME_LABELS, REMEDIATION_LABELS } from "@/components/concerns/case-labels";
import { DoneBanner } from "@/components/concerns/done-banner";
import { PostDetails } from "@/components/concerns/post-details";
import { StatusBadge } from "@/components/concerns/status-badge";
import { Timeline } from "@/components/concerns/timeline";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { findConcernFor, listTimeline } from "@/lib/queries/concerns";
import { recordCaseAccess } from "@/lib/services/concerns/record-case-access";
import { markNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";
import { CloseCaseForm } from "./close-case-form";

export const metadata: Metadata = { title: "Case file · Peer Concerns" };

export default async function CaseFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await requirePermission("compliance:work");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = getDb();
  const concern = await findConcernFor(db, actor, "officer", id.data);
  if (!concern) notFound();
  await recordCaseAccess(db, actor, concern.id);
  const [timeline] = await Promise.all([
    listTimeline(db, concern, "officer", actor.userId),
    markNotificationsRead(db, actor, concern.id),
  ]);
  return (
    <article className="space-y-8">
      <header>
        <Link href="/compliance" className="text-sm text-brand-700 underline">
          ← Compliance queue
        </Link>
        <h1 className="mt-2 text-2xl font-bold">
          {concern.reference}: {concern.subjectName}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-3">
          <StatusBadge state={concern.state} />
          <span className="text-sm">{concern.departmentName ?? "No department"}</span>
        </p>
        <DoneBanner done={(await searchParams).done} />
      </header>

      <section
        aria-labelledby="parties"
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="parties" className="text-lg font-semibold">
          Parties
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Raised by</dt>
          <dd>
            {concern.reporterName} ({concern.reporterEmail}) ·{" "}
            {concern.disclosure === "named"
              ? "named to the colleague"
              : "confidential to the colleague"}
          </dd>
          <dt className="font-medium">Colleague concerned</dt>
          <dd>{concern.subjectName}</dd>
        </dl>
      </section>

      <section aria-labelledby="post">
        <h2 id="post" className="mb-3 text-lg font-semibold">
          The post
        </h2>
        <PostDetails concern={concern} />
      </section>

      {concern.respondedAt ? (
        <section
          aria-labelledby="response"
          className="rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="response" className="text-lg font-semibold">
            The colleague&apos;s latest response
          </h2>
          <p className="font-medium">
            {concern.remediationAction
              ? REMEDIATION_LABELS[concern.remediationAction]
              : "Disputed the concern"}
          </p>
          {concern.responseNote ? (
            <p className="whitespace-pre-wrap break-words">{concern.responseNote}</p>
          ) : null}
        </section>
      ) : null}

      {concern.state === "escalated" ? (
        <section aria-labelledby="decide">
          <h2 id="decide" className="mb-3 text-lg font-semibold">
            Decide and close
          </h2>
          <CloseCaseForm concernId={concern.id} />
        </section>
      ) : concern.outcome ? (
        <section
          aria-labelledby="decision"
          className="rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="decision" className="text-lg font-semibold">
            Decision
          </h2>
          <p className="font-medium">
            {OUTCOME_LABELS[concern.outcome]}
            {concern.externalAuthority ? `: ${concern.externalAuthority}` : ""}
          </p>
          <p className="whitespace-pre-wrap break-words">{concern.outcomeRationale}</p>
        </section>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history" className="mb-3 text-lg font-semibold">
          Timeline
        </h2>
        <Timeline entries={timeline} />
      </section>
    </article>
  );
}
