/**
 * One load scenario, run in a process of its own so the load generator never shares an
 * event loop with the harness: `tsx scripts/bench/load.ts '<json LoadPlan>'` prints the
 * warm-up-free measurement as one JSON line.
 */
import autocannon from "autocannon";

export interface LoadPlan {
  url: string;
  /** Paths on the url's server taken in turn, one per request; the url's own path when absent. */
  paths?: string[];
  method: "GET" | "POST";
  /** One cookie per simulated person; connections take them in turn. */
  cookies: string[];
  headers?: Record<string, string>;
  /** POST body; every occurrence of `urlToken` is replaced by a fresh post URL per request. */
  body?: string;
  urlToken?: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LoadResult {
  /** Acknowledged during the warm-up, which is not measured but did its work. */
  warmupRequests: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

interface Measured {
  result: autocannon.Result;
  /** Every response's latency in ms: autocannon's histogram has no p95 of its own. */
  latencies: number[];
  non2xx: number;
}

function runOnce(plan: LoadPlan, seconds: number): Promise<Measured> {
  let sequence = 0;
  const runId = `${process.pid}-${Date.now()}`;
  const latencies: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        duration: seconds,
        requests: [
          {
            method: plan.method,
            setupRequest: (request) => {
              sequence++;
              const cookie = plan.cookies[sequence % plan.cookies.length] ?? "";
              const headers = { ...plan.headers, ...(cookie ? { cookie } : {}) };
              const body =
                plan.body && plan.urlToken
                  ? plan.body.replaceAll(
                      plan.urlToken,
                      `https://bench.example/filed/${runId}-${sequence}`,
                    )
                  : plan.body;
              const path = plan.paths?.[sequence % plan.paths.length];
              return { ...request, headers, ...(path ? { path } : {}), ...(body ? { body } : {}) };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, non2xx })),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2] ?? "{}") as LoadPlan;
  const warmup = plan.warmupSeconds > 0 ? await runOnce(plan, plan.warmupSeconds) : null;
  const { result, latencies, non2xx } = await runOnce(plan, plan.durationSeconds);
  const sorted = latencies.sort((a, b) => a - b);
  const output: LoadResult = {
    warmupRequests: warmup?.latencies.length ?? 0,
    requests: sorted.length,
    requestsPerSecond: sorted.length / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: result.errors + result.timeouts,
    non2xx,
  };
  console.log(JSON.stringify(output));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
