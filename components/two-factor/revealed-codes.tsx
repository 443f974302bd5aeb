"use client";

import Link from "next/link";
import { useContext } from "react";
import { FormContext } from "@/components/ui/form-context";

/**
 * Recovery codes an action has just made, inside its form: the only time they are shown,
 * since only their hashes are kept.
 */
export function RevealedCodes({ continueHref }: { continueHref?: string }) {
  const codes = useContext(FormContext)?.state.revealed;
  if (!codes?.length) return null;
  return (
    <div className="space-y-3 rounded-md border border-slate-300 bg-white p-4">
      <h3 className="font-semibold">Your recovery codes</h3>
      <p className="text-sm text-slate-700">
        Each works once, instead of a code from your app, if you lose your phone. Print them or keep
        them in a password manager.
      </p>
      <ol className="grid grid-cols-2 gap-2 font-mono text-base" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      {continueHref ? (
        <Link href={continueHref} className="inline-block font-semibold text-brand-700 underline">
          I have kept them: continue
        </Link>
      ) : null}
    </div>
  );
}
