/**
 * `npm run soak`: 1,000 report submissions from concurrent clients through a proxy that drops 30% of
 * requests or responses, each retried with its idempotency key until acknowledged, with `wrangler dev`
 * restarted mid-run. Then D1 is read back: exactly 1,000 reports, none lost, none doubled, no 5xx from the
 * worker. Prints the figures, writes bench/soak.json, and exits 1 when any check fails.
 *
 * @example
 *   npm run soak                      # 1,000 submissions, 20 clients
 *   npm run soak -- --submissions 200 --clients 10
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import { intakeKey, receiptHash } from "#core/report.ts";
import { intakeRows } from "../worker/src/scripting.ts";
import { startDevServer } from "./lib/dev-server.ts";
import { withD1 } from "./wrangler.ts";

const { values } = parseArgs({
  options: {
    submissions: { type: "string", default: "1000" },
    clients: { type: "string", default: "20" },
    drop: { type: "string", default: "0.3" },
  },
});
const SUBMISSIONS = Number(values.submissions);
const CLIENTS = Number(values.clients);
const DROP = Number(values.drop);
const VILLAGES = ["371603104201", "371603101201", "371603105201", "371603204201"];

const figures = {
  attempts: 0,
  droppedRequests: 0,
  droppedResponses: 0,
  upstreamDown: 0,
  workerStatuses: {} as Record<number, number>,
  clientErrors: 0,
};

/** Forwards to the worker, losing DROP of the traffic: half before the worker sees it, half after it answered. */
function lossyProxy(upstream: () => string) {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const roll = Math.random();
    if (roll < DROP / 2) {
      figures.droppedRequests++;
      req.socket.destroy();
      return;
    }
    const loseResponse = roll < DROP;
    const target = new URL(req.url ?? "/", upstream());
    const forward = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
      const status = answer.statusCode ?? 0;
      figures.workerStatuses[status] = (figures.workerStatuses[status] ?? 0) + 1;
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        if (loseResponse) {
          figures.droppedResponses++;
          res.socket?.destroy();
          return;
        }
        res.writeHead(status, answer.headers);
        res.end(Buffer.concat(chunks));
      });
    });
    forward.on("error", () => {
      // the worker is down (restarting): to the client this is one more lost request
      figures.upstreamDown++;
      res.socket?.destroy();
    });
    req.pipe(forward);
  });
}

interface Submission {
  n: number;
  key: string;
  village: string;
  content: string;
  receipt?: string;
  tries: number;
  acknowledgedAt?: number;
}

async function submitUntilAcknowledged(proxyURL: string, s: Submission, run: string): Promise<void> {
  for (;;) {
    s.tries++;
    figures.attempts++;
    try {
      const response = await fetch(`${proxyURL}/api/villages/${s.village}/reports`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Idempotency-Key": s.key,
          "CF-Connecting-IP": `10.${(s.n >> 8) & 255}.${s.n & 255}.${run.length}`,
        },
        body: JSON.stringify({ kind: "request", topic: "livelihood", content: s.content }),
        signal: AbortSignal.timeout(20_000),
      });
      if (response.status === 201) {
        s.receipt = ((await response.json()) as { receipt: string }).receipt;
        s.acknowledgedAt = Date.now();
        return;
      }
      if (response.status < 500 && response.status !== 429) {
        figures.clientErrors++;
        throw new Error(`submission ${s.n} refused: ${response.status} ${await response.text()}`);
      }
      await response.body?.cancel();
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("submission")) throw error;
      // dropped or timed out: retry with the same key, as the page's outbox does
    }
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
  }
}

const started = performance.now();
const run = randomUUID().slice(0, 8);
console.log(`▶ soak ${run}: ${SUBMISSIONS} submissions, ${CLIENTS} clients, ${DROP * 100}% dropped, one restart`);
const server = await startDevServer({ demo: false, snapshot: true, vars: { INTAKE_PER_MINUTE: "1000000000" } });
const proxy = lossyProxy(() => server.baseURL);
await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
const address = proxy.address();
const proxyURL = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

let restartedAt = 0;
let acknowledgedBeforeRestart = 0;
const submissions: Submission[] = Array.from({ length: SUBMISSIONS }, (_, n) => ({
  n,
  key: `soak-${run}-${n}`,
  village: VILLAGES[n % VILLAGES.length] as string,
  content: `压测 ${run} 第 ${n} 件：村口路灯不亮了。`,
  tries: 0,
}));

let next = 0;
let acknowledged = 0;
let restart: Promise<void> | undefined;
const failures: string[] = [];
try {
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < submissions.length) {
        const s = submissions[next++] as Submission;
        await submitUntilAcknowledged(proxyURL, s, run);
        acknowledged++;
        if (acknowledged === Math.floor(SUBMISSIONS * 0.4) && !restart) {
          acknowledgedBeforeRestart = acknowledged;
          restartedAt = Date.now();
          console.log(`  ${acknowledged} acknowledged: restarting wrangler dev`);
          restart = server.restart().then(() => console.log("  wrangler dev is back"));
        }
      }
    }),
  );
  await restart;

  // only hashes are stored: each submission's row is found by its key's hash, its receipt checked by hash
  const rows = await withD1({ persistTo: server.persistTo }, intakeRows);
  const hashes = new Map(
    await Promise.all(
      submissions.map(
        async (s) =>
          [
            s.key,
            { key: (await intakeKey(s.key)).hash, receipt: s.receipt ? await receiptHash(s.receipt) : null },
          ] as const,
      ),
    ),
  );
  const byKeyHash = new Map<string, { receiptHash: string; content: string }[]>();
  for (const row of rows) byKeyHash.set(row.keyHash, [...(byKeyHash.get(row.keyHash) ?? []), row]);
  const byKey = new Map(
    submissions.flatMap((s) => {
      const found = byKeyHash.get(hashes.get(s.key)?.key ?? "");
      return found ? [[s.key, found] as const] : [];
    }),
  );
  const lost = submissions.filter((s) => !byKey.has(s.key));
  const doubled = [...byKey.values()].filter((list) => list.length > 1).length;
  const wrongReceipt = submissions.filter((s) => byKey.get(s.key)?.[0]?.receiptHash !== hashes.get(s.key)?.receipt);
  const wrongContent = submissions.filter((s) => byKey.get(s.key)?.[0]?.content !== s.content);
  const beforeRestart = submissions.filter((s) => s.acknowledgedAt !== undefined && s.acknowledgedAt <= restartedAt);
  const lostAcrossRestart = beforeRestart.filter((s) => !byKey.has(s.key)).length;
  const worker5xx = Object.entries(figures.workerStatuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, count]) => sum + count, 0);
  const tries = submissions.map((s) => s.tries);
  const result = {
    ranAt: new Date().toISOString(),
    command: "npm run soak",
    submissions: SUBMISSIONS,
    clients: CLIENTS,
    dropRate: DROP,
    attempts: figures.attempts,
    droppedRequests: figures.droppedRequests,
    droppedResponses: figures.droppedResponses,
    lostWhileRestarting: figures.upstreamDown,
    workerStatuses: figures.workerStatuses,
    worker5xx,
    maxTries: Math.max(...tries),
    meanTries: Number((figures.attempts / SUBMISSIONS).toFixed(2)),
    reportsInD1: rows.length,
    lost: lost.length,
    doubled,
    wrongReceipt: wrongReceipt.length,
    wrongContent: wrongContent.length,
    acknowledgedBeforeRestart,
    lostAcrossRestart,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
  const checks: [string, boolean][] = [
    [`exactly ${SUBMISSIONS} reports in D1`, rows.length === SUBMISSIONS],
    ["none lost", lost.length === 0],
    ["none doubled", doubled === 0],
    ["every acknowledged receipt is the stored one", wrongReceipt.length === 0],
    ["every stored text is the one sent", wrongContent.length === 0],
    ["no 5xx from the worker", worker5xx === 0],
    ["nothing acknowledged before the restart lost", lostAcrossRestart === 0 && acknowledgedBeforeRestart > 0],
    ["some requests and responses really were dropped", figures.droppedRequests > 0 && figures.droppedResponses > 0],
  ];
  for (const [what, ok] of checks) if (!ok) failures.push(what);
  console.table(Object.entries(result).map(([figure, value]) => ({ figure, value: JSON.stringify(value) })));
  for (const [what, ok] of checks) console.log(`${ok ? "✓" : "✗"} ${what}`);
  mkdirSync("bench", { recursive: true });
  writeFileSync("bench/soak.json", `${JSON.stringify({ ...result, checks: Object.fromEntries(checks) }, null, 2)}\n`);
} finally {
  proxy.close();
  proxy.closeAllConnections();
  await server.stop();
}
if (failures.length > 0) {
  console.error(`soak failed: ${failures.join("; ")}`);
  process.exit(1);
}
