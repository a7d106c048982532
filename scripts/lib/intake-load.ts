/**
 * Report intake as load: each request from its own client address (so the per-client limit never
 * applies) with its own idempotency key. Shared by the intake and self-hosted benchmarks.
 */
import type { LoadRequest } from "./load.ts";

/**
 * POSTs to a village's intake, the client address in `header` (`cf-connecting-ip` for wrangler dev,
 * `x-forwarded-for` for the self-hosted server behind TRUST_PROXY=1).
 * @example await load(baseURL, intakeLoad("371603101201", "cf-connecting-ip", "run1"), 8, 8, 201);
 */
export function intakeLoad(village: string, header: string, run: string): LoadRequest {
  let client = 0;
  return {
    method: "POST",
    path: `/api/villages/${village}/reports`,
    next: () => {
      const n = client++;
      return {
        headers: {
          "content-type": "application/json",
          [header]: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          "idempotency-key": `bench-${run}-${n}`,
        },
        body: JSON.stringify({ kind: "request", topic: "livelihood", content: `村口路灯坏了，第${n}次压测提交。` }),
      };
    },
  };
}
