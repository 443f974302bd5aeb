import Link from "next/link";

// The words of the "not found" and "no access" pages. Inside the signed-in frame they sit
// in its <main>; on their own (signed out) the root pages give them one.

export function NotFoundMessage() {
  return (
    <div className="max-w-xl py-10">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-700">
        There is nothing here, or it is not something you can see.
      </p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Go to your home page
      </Link>
    </div>
  );
}

export function ForbiddenMessage() {
  return (
    <div className="max-w-xl py-10">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p className="mt-2 text-slate-700">
        Your role does not include this part of Peer Concerns. If you think it should, ask your
        administrator.
      </p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Go to your home page
      </Link>
    </div>
  );
}
