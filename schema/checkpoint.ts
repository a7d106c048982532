/**
 * Signed checkpoints, in the manner of RFC 9162's signed tree heads: at a moment in time, the length and
 * head hash of every village's disclosure chain and of the audit log, signed with Ed25519 (WebCrypto) by
 * the deployment's `CHECKPOINT_KEY`. Anyone may keep a copy; later, every chain must still extend what it
 * recorded (same hash at the recorded length, length not smaller), or it was truncated, forked or
 * rewritten. Pure: the worker signs and the `npm run verify` script checks with the same code.
 */
import { canonicalJson, GENESIS_HASH } from "./disclosure.ts";

export const CHECKPOINT_FORMAT = "cunma-checkpoint/1";

/** A chain as a checkpoint records it. */
export interface ChainHead {
  length: number;
  /** The hash of the link at `length` (the genesis hash for an empty chain). */
  head: string;
}

/** An Ed25519 public key as a JWK (RFC 8037). */
export interface PublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
}

/** What a checkpoint says; the signature covers its canonical JSON. */
export interface CheckpointBody {
  format: typeof CHECKPOINT_FORMAT;
  /** The district (the deployment) whose chains these are. */
  origin: string;
  /** When the heads were read (ISO 8601, UTC). */
  time: string;
  audit: ChainHead;
  /** Every village with a non-empty chain, by code; a village not named has an empty chain. */
  villages: Record<string, ChainHead>;
  /**
   * Every village's points ledger (issue 16) with a link, by code. Absent from checkpoints made before
   * the ledgers existed, which the signature covers as they were.
   */
  points?: Record<string, ChainHead>;
  publicKey: PublicJwk;
}

export interface Checkpoint extends CheckpointBody {
  /** Ed25519 over the UTF-8 canonical JSON of the body, base64url. */
  signature: string;
}

const base64url = (bytes: ArrayBuffer): string =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

const fromBase64url = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));

/**
 * The private key of a `CHECKPOINT_KEY` secret (an Ed25519 private JWK as JSON) and its public half.
 * Throws when the secret is not one.
 * @example const { privateKey, publicKey } = await checkpointKey(env.CHECKPOINT_KEY);
 */
export async function checkpointKey(secret: string): Promise<{ privateKey: CryptoKey; publicKey: PublicJwk }> {
  const jwk = JSON.parse(secret) as JsonWebKey;
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.d || !jwk.x) throw new Error("not an Ed25519 private JWK");
  // only the key's own members: runtimes disagree on the optional "alg" (Node writes it, workerd refuses it)
  const own = { kty: jwk.kty, crv: jwk.crv, d: jwk.d, x: jwk.x };
  const privateKey = await crypto.subtle.importKey("jwk", own, { name: "Ed25519" }, false, ["sign"]);
  return { privateKey, publicKey: { kty: "OKP", crv: "Ed25519", x: jwk.x } };
}

/**
 * A new Ed25519 key pair as the `CHECKPOINT_KEY` secret expects it (a private JWK, JSON).
 * @example const secret = await newCheckpointKey(); // '{"crv":"Ed25519","d":"…","kty":"OKP","x":"…"}'
 */
export async function newCheckpointKey(): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const { kty, crv, d, x } = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  return canonicalJson({ kty, crv, d, x });
}

const message = (body: CheckpointBody) => new TextEncoder().encode(canonicalJson(body));

/**
 * Signs a checkpoint body with the private key matching its `publicKey`.
 * @example const checkpoint = await signCheckpoint(body, privateKey);
 */
export async function signCheckpoint(body: CheckpointBody, privateKey: CryptoKey): Promise<Checkpoint> {
  const signature = await crypto.subtle.sign({ name: "Ed25519" }, privateKey, message(body));
  return { ...body, signature: base64url(signature) };
}

/**
 * True when `checkpoint` is well formed and its signature verifies under `trusted` (by default the key it
 * names; pass the deployment's published key to also refuse a checkpoint signed by anyone else).
 * @example if (!(await checkpointSignatureValid(saved, publishedKey))) refuse();
 */
export async function checkpointSignatureValid(checkpoint: unknown, trusted?: PublicJwk): Promise<boolean> {
  if (!isCheckpoint(checkpoint)) return false;
  const { signature, ...body } = checkpoint;
  const key = trusted ?? body.publicKey;
  if (key.x !== body.publicKey.x) return false;
  try {
    const own = { kty: key.kty, crv: key.crv, x: key.x };
    const publicKey = await crypto.subtle.importKey("jwk", own, { name: "Ed25519" }, false, ["verify"]);
    return await crypto.subtle.verify({ name: "Ed25519" }, publicKey, fromBase64url(signature), message(body));
  } catch {
    return false;
  }
}

const isHead = (v: unknown): v is ChainHead =>
  typeof v === "object" &&
  v !== null &&
  Number.isSafeInteger((v as ChainHead).length) &&
  (v as ChainHead).length >= 0 &&
  /^[0-9a-f]{64}$/.test(String((v as ChainHead).head));

function isCheckpoint(value: unknown): value is Checkpoint {
  if (typeof value !== "object" || value === null) return false;
  const c = value as Checkpoint;
  return (
    c.format === CHECKPOINT_FORMAT &&
    typeof c.origin === "string" &&
    typeof c.time === "string" &&
    isHead(c.audit) &&
    typeof c.villages === "object" &&
    c.villages !== null &&
    Object.values(c.villages).every(isHead) &&
    (c.points === undefined ||
      (typeof c.points === "object" && c.points !== null && Object.values(c.points).every(isHead))) &&
    c.publicKey?.kty === "OKP" &&
    c.publicKey.crv === "Ed25519" &&
    typeof c.publicKey.x === "string" &&
    typeof c.signature === "string"
  );
}

/** How a chain fails to extend what a checkpoint recorded. */
export type Departure = "truncated" | "forked";

/** One chain that no longer extends the checkpoint; `chain` is "audit", a village code or "points:<code>". */
export interface CheckpointBreak {
  chain: string;
  reason: Departure;
  recorded: ChainHead;
  /** The chain's length now, and its hash at the recorded length (null when it is shorter). */
  now: { length: number; hashAtRecorded: string | null };
}

/** A chain as it stands now: its length and the hash of its link at a given length. */
export interface CurrentChain {
  length: number;
  hashAt: (length: number) => string | null;
}

/**
 * Each chain checked against what the checkpoint recorded: a chain shorter than recorded was truncated;
 * one whose link at the recorded length has another hash was forked or rewritten. The audit log first,
 * then villages in code order, then the villages' points ledgers; an empty list when every chain extends
 * the checkpoint.
 * @example compareToCheckpoint(saved, { audit, villages: (code) => chains.get(code) })
 */
export function compareToCheckpoint(
  checkpoint: CheckpointBody,
  now: { audit: CurrentChain; village: (code: string) => CurrentChain; points?: (code: string) => CurrentChain },
): CheckpointBreak[] {
  const points = checkpoint.points ?? {};
  const entries: [string, ChainHead, CurrentChain][] = [
    ["audit", checkpoint.audit, now.audit],
    ...Object.keys(checkpoint.villages)
      .sort()
      .map((code): [string, ChainHead, CurrentChain] => [
        code,
        checkpoint.villages[code] as ChainHead,
        now.village(code),
      ]),
    ...Object.keys(points)
      .sort()
      .map((code): [string, ChainHead, CurrentChain] => [
        `points:${code}`,
        points[code] as ChainHead,
        now.points?.(code) ?? chainOf([]),
      ]),
  ];
  const breaks: CheckpointBreak[] = [];
  for (const [chain, recorded, current] of entries) {
    if (recorded.length === 0) continue;
    const hashAtRecorded = current.length >= recorded.length ? current.hashAt(recorded.length) : null;
    const reason: Departure | null =
      current.length < recorded.length ? "truncated" : hashAtRecorded !== recorded.head ? "forked" : null;
    if (reason) breaks.push({ chain, reason, recorded, now: { length: current.length, hashAtRecorded } });
  }
  return breaks;
}

/**
 * A chain's current state from its links' hashes in seq order (index 0 is seq 1).
 * @example compareToCheckpoint(saved, { audit: chainOf(auditHashes), village: (code) => chainOf(byVillage(code)) })
 */
export function chainOf(hashes: readonly string[]): CurrentChain {
  return { length: hashes.length, hashAt: (length) => (length === 0 ? GENESIS_HASH : (hashes[length - 1] ?? null)) };
}

/**
 * The short fingerprint of a chain head a villager can read aloud or compare on a printout.
 * @example fingerprint("3f9ac21b7e…") // "3F9A-C21B"
 */
export function fingerprint(head: string): string {
  const short = head.slice(0, 8).toUpperCase();
  return `${short.slice(0, 4)}-${short.slice(4)}`;
}
