import { ForbiddenMessage } from "@/components/status-message";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-6">
      <ForbiddenMessage />
    </main>
  );
}
