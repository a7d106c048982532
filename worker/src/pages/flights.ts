/**
 * Work that views running at the same moment share, within this process (self-hosted) or isolate
 * (Workers): a fill of a page ({@link sharedOr}, used by cache.ts) and the read of a village's data
 * version ({@link freshRead}). On Workers a promise another request started can be dropped with that
 * request, so whoever shares someone else's work waits for it at most a few seconds, then does it itself.
 */

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

/** The read of one key in flight, and the one queued behind it for the views that came while it ran. */
interface Flight {
  running?: Promise<unknown>;
  queued?: Promise<unknown>;
}

const flights = new Map<string, Flight>();

/**
 * What `read` gives, from a read that began after this call: views asking at the same moment share one
 * read, but never one that began before they asked, so a write committed before a view is seen by it.
 * While a read of `key` runs, later callers share the next read, which begins when that one ends.
 * @example const version = await freshRead(`village:${code}`, () => villageVersion(db, code), background);
 */
export function freshRead<T>(
  key: string,
  read: () => Promise<T>,
  background: Background = (work) => work,
  wait = SHARED_WAIT_MS,
): Promise<T> {
  let flight = flights.get(key);
  if (!flight) {
    flight = {};
    flights.set(key, flight);
  }
  const self = flight;
  const start = () => {
    const running: Promise<T> = read().finally(() => {
      // a later read may have begun meanwhile (a view that came between this one's end and the queued
      // one's start): only this read's own mark is cleared
      if (self.running === running) self.running = undefined;
      if (!self.running && !self.queued && flights.get(key) === self) flights.delete(key);
    });
    self.running = running;
    // kept alive to its end even if the view that began it is cut off: others are waiting for it
    void background(running).catch(() => {});
    return running;
  };
  if (!self.running) return start();
  self.queued ??= self.running
    .then(
      () => {},
      () => {},
    )
    .then(() => {
      self.queued = undefined;
      return start();
    });
  return sharedOr(self.queued as Promise<T>, wait, read);
}
