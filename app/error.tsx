"use client";

// Shown for any unexpected server error. The error's message and stack stay on the
// server: production builds pass only an opaque digest, which is shown for support.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">
        We could not complete that. Nothing you did was lost. Please try again in a moment.
      </p>
      {error.digest ? (
        <p className="mt-2 text-sm text-slate-500">Reference: {error.digest}</p>
      ) : null}
      <button
        type="button"
        onClick={reset}
        className="mt-6 min-h-11 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white"
      >
        Try again
      </button>
    </main>
  );
}
