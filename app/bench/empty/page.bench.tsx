// The framework's minimum first-load JavaScript, in bench builds only (*.bench.tsx).
export default function EmptyPage() {
  return null;
}
