/**
 * Load against a running server with autocannon: a fixed number of connections for a few seconds,
 * counting only the responses with the expected status.
 */
import autocannon from "autocannon";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  /** Called before each request: headers and body of that one request (e.g. a fresh client address). */
  next?: (n: number) => { headers?: Record<string, string>; body?: string };
}

export interface LoadResult {
  /** Responses with the expected status per second. */
  rate: number;
  ok: number;
  total: number;
  /** Latency percentiles over every response, in milliseconds. */
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

/**
 * Runs `connections` concurrent clients against `baseURL` for `seconds`.
 * @example const health = await load("http://127.0.0.1:8787", { method: "GET", path: "/api/health" }, 8, 5, 200);
 */
export async function load(
  baseURL: string,
  request: LoadRequest,
  connections: number,
  seconds: number,
  expect: number,
): Promise<LoadResult> {
  const statuses: Record<number, number> = {};
  let n = 0;
  const result = await autocannon({
    url: baseURL,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: request.method,
        path: request.path,
        setupRequest: (req) => {
          const extra = request.next?.(n++) ?? {};
          return { ...req, headers: { ...req.headers, ...extra.headers }, body: extra.body ?? req.body };
        },
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const ok = statuses[expect] ?? 0;
  return { rate: ok / seconds, ok, total, p50: result.latency.p50, p99: result.latency.p99, statuses };
}
