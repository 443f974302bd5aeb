import { NotFoundMessage } from "@/components/status-message";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-6">
      <NotFoundMessage />
    </main>
  );
}
