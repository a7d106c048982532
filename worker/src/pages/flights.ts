/**
 * Work that views running close together share, within this process (self-hosted) or isolate (Workers):
 * a fill of a page ({@link sharedOr}, used by cache.ts) and the read of a village's data version
 * ({@link leasedRead}). On Workers a promise another request started can be dropped with that request, so
 * whoever shares someone else's work waits for it at most a few seconds, then does it itself.
 *
 * A version read is reused for {@link VERSION_LEASE_MS} after it began, and every request that may write
 * waits {@link COMMIT_WAIT_MS} before it answers ({@link commitWait}; the cron the same). So a view that
 * begins after a write was answered can only reuse a read that began after the write committed: it shows
 * the write, in every isolate, while a whole meeting's views cost one read per isolate every 50 ms. This
 * is Spanner's commit wait: the writer, not the reader, waits out the uncertainty. A row written straight
 * into the database (a script, a test) is seen once it has waited as long ({@link settled}).
 */
import { createMiddleware } from "hono/factory";

/** Lets work finish after the answer is sent (`ctx.waitUntil` on Workers); by default it is awaited. */
export type Background = (work: Promise<unknown>) => Promise<unknown>;

/**
 * How long a view waits for work another view started before doing it itself. The work takes
 * milliseconds; the wait only matters if the view that started it was cut off and its work will never end.
 */
export const SHARED_WAIT_MS = 3_000;

/**
 * What `running` gives, or what `own` gives if `running` has not ended within `wait` ms.
 * @example const page = await sharedOr(filling.get(key), 3_000, fill);
 */
export async function sharedOr<T>(running: Promise<T>, wait: number, own: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), wait);
  });
  try {
    const first = await Promise.race([running, late]);
    return first === LATE ? await own() : first;
  } finally {
    clearTimeout(timer);
  }
}

const LATE = Symbol("late");

/**
 * How long a read of a version is reused by the views of this isolate, counted from when it began. The
 * longer, the fewer reads a busy page costs; every write waits it out before answering.
 */
export const VERSION_LEASE_MS = 50;

/**
 * How long a request that may write waits before it answers: the lease, and a margin for clocks that on
 * Workers move only when I/O happens (a view's clock may lag a little behind the moment it arrived).
 */
export const COMMIT_WAIT_MS = VERSION_LEASE_MS + 15;

/** A version read of one key: when it began, and its value once it has one. */
interface Lease {
  began: number;
  read: Promise<unknown>;
  value?: { of: unknown };
}

const leases = new Map<string, Lease>();

/** A lease's length, how long a view waits for a read in flight before reading itself, and the clock (ms). */
export interface LeaseOptions {
  lease?: number;
  wait?: number;
  clock?: () => number;
}
/** Past this many keys, the expired leases are dropped (one per village or town viewed lately). */
const LEASES_KEPT = 2_000;

/**
 * What `read` gives, from a read that began at most `lease` ms before this call (per `clock`), else from a
 * read begun now. Views in the same 50 ms share one read; a finished one is answered at once, in the view's
 * own request. Correct only together with {@link commitWait}: every writer waits longer than `lease`
 * before it answers, so a read this view may reuse began after any write answered before the view came.
 * A failed read is not reused.
 * @example const version = await leasedRead(`village:${code}`, () => villageVersion(db, code), background);
 */
export function leasedRead<T>(
  key: string,
  read: () => Promise<T>,
  background: Background = (work) => work,
  { lease = VERSION_LEASE_MS, wait = SHARED_WAIT_MS, clock = () => performance.now() }: LeaseOptions = {},
): Promise<T> {
  const now = clock();
  const held = leases.get(key);
  if (held && now >= held.began && now - held.began < lease) {
    if (held.value) return Promise.resolve(held.value.of as T);
    return sharedOr(held.read as Promise<T>, wait, read);
  }
  if (leases.size >= LEASES_KEPT) {
    for (const [old, { began }] of leases) if (!(now >= began && now - began < lease)) leases.delete(old);
  }
  const mine: Lease = { began: now, read: read() };
  mine.read.then(
    (of) => {
      mine.value = { of };
    },
    () => {
      if (leases.get(key) === mine) leases.delete(key);
    },
  );
  leases.set(key, mine);
  // kept alive to its end even if the view that began it is cut off: others may be waiting for it
  void background(mine.read).catch(() => {});
  return mine.read as Promise<T>;
}

/**
 * Resolves once a write made now can no longer be hidden by a reused version read: what a writer outside
 * the worker (a script, a test writing straight into D1) waits before it counts its write as done.
 * @example await publishDisclosure(env.DB, row); await settled(); // the next view shows it
 */
export function settled(ms = COMMIT_WAIT_MS): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Whether a request may write: any method but GET, HEAD and OPTIONS, and every staff request (the staff
 * lists close the cases whose rating time is up as they are read, and staff reads are audited).
 * @example mayWrite("GET", "/api/staff/reports") // true
 */
export const mayWrite = (method: string, path: string) =>
  !["GET", "HEAD", "OPTIONS"].includes(method) || path.startsWith("/api/staff/");

/**
 * Middleware: a request that may have written waits {@link COMMIT_WAIT_MS} before it answers, so that
 * whoever sees the answer and then views a page sees the write (see {@link leasedRead}). A refused
 * request (4xx) wrote nothing and answers at once.
 * @example app.use(commitWait);
 */
export const commitWait = createMiddleware(async (c, next) => {
  await next();
  if (c.res.status < 400 && mayWrite(c.req.method, c.req.path)) await settled();
});
