/**
 * The part of an R2 bucket binding the worker uses (put, get, head, delete, list), over a folder on disk:
 * the self-hosted runtime's attachment store (DATA_DIR/media). Each object is one file named by its key;
 * a put writes a temporary file and renames it into place, so a reader never sees half an object and a
 * crash leaves at most a stray `.tmp-*` file. Only the worker's own keys (lowercase hex, digits, `-`, `/`)
 * are taken, so no key can reach outside the folder.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** An object as `get` returns it: its bytes, size and when it was stored. */
export interface StoredObject {
  key: string;
  size: number;
  uploaded: Date;
  body: ReadableStream<Uint8Array>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A key the folder takes, or a TypeError (as R2 refuses a bad key). */
function pathOf(dir: string, key: string): string {
  if (!KEY.test(key) || key.length > 512) throw new TypeError(`bad object key: ${key}`);
  return join(dir, key);
}

/** Every file under `dir`, as keys. */
async function keysUnder(dir: string, at = dir): Promise<string[]> {
  const entries = await readdir(at, { withFileTypes: true }).catch(() => []);
  const keys: string[] = [];
  for (const entry of entries) {
    const path = join(at, entry.name);
    if (entry.isDirectory()) keys.push(...(await keysUnder(dir, path)));
    else if (!entry.name.startsWith(".tmp-")) keys.push(relative(dir, path));
  }
  return keys;
}

/**
 * An R2-compatible bucket stored in `dir`.
 * @example const MEDIA = openR2("data/media"); await MEDIA.put("ab/cd", bytes); (await MEDIA.get("ab/cd"))?.size
 */
export function openR2(dir: string) {
  mkdirSync(dir, { recursive: true });
  const head = async (key: string) => {
    const info = await stat(pathOf(dir, key)).catch(() => null);
    return info?.isFile() ? { key, size: info.size, uploaded: info.mtime } : null;
  };
  return {
    async put(key: string, value: ArrayBuffer | ArrayBufferView | string) {
      const path = pathOf(dir, key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = join(dirname(path), `.tmp-${randomUUID()}`);
      const bytes =
        typeof value === "string"
          ? value
          : ArrayBuffer.isView(value)
            ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
            : new Uint8Array(value);
      await writeFile(temporary, bytes);
      await rename(temporary, path);
      return head(key);
    },
    head,
    async get(key: string): Promise<StoredObject | null> {
      const info = await head(key);
      if (!info) return null;
      const bytes = await readFile(pathOf(dir, key)).catch(() => null);
      if (!bytes) return null;
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      return {
        ...info,
        body: new Response(buffer).body as ReadableStream<Uint8Array>,
        arrayBuffer: async () => buffer,
      };
    },
    async delete(keys: string | string[]) {
      for (const key of [keys].flat()) await rm(pathOf(dir, key), { force: true });
    },
    async list(options: { prefix?: string; limit?: number; cursor?: string } = {}) {
      const all = (await keysUnder(dir)).filter((k) => k.startsWith(options.prefix ?? "")).sort();
      const from = options.cursor ? Number(options.cursor) : 0;
      const limit = options.limit ?? 1000;
      const page = all.slice(from, from + limit);
      const objects = (await Promise.all(page.map(head))).filter((o) => o !== null);
      const truncated = from + limit < all.length;
      return { objects, truncated, ...(truncated ? { cursor: String(from + limit) } : {}), delimitedPrefixes: [] };
    },
  };
}
