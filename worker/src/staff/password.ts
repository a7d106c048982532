/**
 * Staff passwords: PBKDF2-SHA256 from WebCrypto with a random 16-byte salt. Shared by the worker (login)
 * and scripts/staff.ts (Node's WebCrypto), so both write and read the same format:
 * `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>`.
 */

/** Workers refuse PBKDF2 above 100,000 iterations, so that is the cost used. */
export const PBKDF2_ITERATIONS = 100_000;
const SCHEME = "pbkdf2-sha256";
const encoder = new TextEncoder();

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/**
 * A fresh salted hash of `password`, ready for the `staff.password_hash` column.
 * @example const stored = await hashPassword("correct horse"); // "pbkdf2-sha256$100000$…$…"
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return [SCHEME, PBKDF2_ITERATIONS, toBase64(salt), toBase64(hash)].join("$");
}

/**
 * Whether `password` matches a stored hash; compares in constant time. A malformed hash never matches.
 * @example await verifyPassword("correct horse", stored) // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split("$");
  if (scheme !== SCHEME || !iterations || !salt || !hash) return false;
  const rounds = Number(iterations);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > PBKDF2_ITERATIONS) return false;
  const expected = fromBase64(hash);
  const actual = await derive(password, fromBase64(salt), rounds);
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) difference |= (expected[i] as number) ^ (actual[i] ?? 0);
  return difference === 0;
}

/** Shortest password accepted for a staff account. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * A random password of 16 characters that are easy to read aloud and type (no 0/O, 1/l/I).
 * @example generatePassword() // "k7pq-3mvx-…"
 */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
