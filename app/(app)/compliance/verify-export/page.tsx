import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { FileField } from "@/components/ui/field";
import { requirePermission } from "@/lib/authz/current-actor";
import { checkReceivedExportSchema } from "@/lib/services/concerns/recorded-exports";
import { checkReceivedExportAction } from "./actions";

export const metadata: Metadata = { title: "Check a received export · Peer Concerns" };

export default async function VerifyExportPage() {
  await requirePermission("compliance:work");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Check a received export</h1>
      <p className="max-w-2xl text-slate-700">
        When an external authority sends back a case file, or asks whether the one they hold is
        genuine, choose it here. You will see whether its SHA-256 matches an export recorded in the
        audit trail: which case, when and by whom. A file changed in any way matches nothing. The
        file is only read to compute its SHA-256; it is not stored.
      </p>
      <ActionForm
        action={checkReceivedExportAction}
        schema={checkReceivedExportSchema}
        className="max-w-md space-y-4"
      >
        <FileField
          name="file"
          hint="A PDF or CSV exported from a case file, or its manifest. Up to 1 MB."
        />
        <SubmitButton pendingLabel="Checking…">Check the file</SubmitButton>
      </ActionForm>
    </section>
  );
}
