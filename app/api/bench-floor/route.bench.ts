// Benchmark floor A, in bench builds only (*.bench.ts): the cost of the framework answering
// a route handler, with no session and no database.
export function GET() {
  return new Response("ok", { headers: { "content-type": "text/plain" } });
}
