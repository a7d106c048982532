/**
 * A `multipart/form-data` body read as it streams: each part's bytes are counted as they arrive, so a file
 * over its field's cap (or text fields over theirs) stops the read at once instead of after the whole
 * request. body.ts is its only caller; it turns the parts into the FormData the route's validator reads.
 */
import { concatBytes } from "#core/media-strip.ts";

/** A file part as sent: its field, the name and type the browser gave (never trusted), and its bytes. */
export interface SentFile {
  field: string;
  filename: string;
  declaredType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface MultipartLimits {
  /** Bytes of the whole body. */
  totalBytes: number;
  /** Bytes of all text fields together. */
  textBytes: number;
  /** Bytes of one file of `field`; undefined: the field takes no file. */
  fileBytes(field: string): number | undefined;
}

/** Why a multipart read stopped: a part over its cap, a file in a field that takes none, or broken framing. */
export class MultipartRefusal extends Error {
  // plain fields, not parameter properties: the scripts load worker modules with Node's type stripping
  readonly reason: "too_large" | "unknown_file" | "malformed";
  readonly field: string | null;

  constructor(reason: "too_large" | "unknown_file" | "malformed", field: string | null) {
    super(`${reason}${field ? ` (${field})` : ""}`);
    this.reason = reason;
    this.field = field;
  }
}

const encoder = new TextEncoder();
const HEADER_MAX = 8 * 1024;

/** Where `needle` first occurs in `haystack` at or after `from`, or -1. */
function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  for (let i = haystack.indexOf(first as number, from); i >= 0 && i + needle.length <= haystack.length; ) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
    i = haystack.indexOf(first as number, i + 1);
  }
  return -1;
}

/** The name, filename and type of a part from its header lines. */
function partHeaders(text: string): { name: string; filename: string | null; type: string } {
  const disposition = /^content-disposition:(.*)$/im.exec(text)?.[1] ?? "";
  const param = (key: string) =>
    new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition)?.[1] ??
    new RegExp(`;\\s*${key}=([^;\\s]+)`, "i").exec(disposition)?.[1] ??
    null;
  const name = param("name");
  if (name === null) throw new MultipartRefusal("malformed", null);
  const type = /^content-type:\s*(.*)$/im.exec(text)?.[1]?.trim() ?? "";
  return { name, filename: param("filename"), type };
}

/** One part being read. */
interface Part {
  name: string;
  filename: string | null;
  type: string;
  chunks: Uint8Array[];
  size: number;
  cap: number;
}

/**
 * The text fields (raw bytes, in order) and the files of a multipart body, read chunk by chunk with
 * every part capped as it grows; an empty file part (a file input left empty) is dropped.
 * @example const { fields, files } = await readMultipart(request.body, boundary, { textBytes: 16384, fileBytes: (f) => caps[f] });
 * @throws MultipartRefusal
 */
export async function readMultipart(
  body: ReadableStream<Uint8Array> | null,
  boundary: string,
  limits: MultipartLimits,
): Promise<{ fields: [string, Uint8Array][]; files: SentFile[] }> {
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  const fields: [string, Uint8Array][] = [];
  const files: SentFile[] = [];
  let textBytes = 0;
  let totalBytes = 0;
  // the body as if it began with a line break, so the first delimiter looks like every other
  let buffer: Uint8Array = encoder.encode("\r\n");
  let state = "preamble" as "preamble" | "headers" | "body" | "done";
  let part: Part | null = null;

  const grow = (bytes: Uint8Array) => {
    if (!part || bytes.length === 0) return;
    part.size += bytes.length;
    if (part.filename === null) textBytes += bytes.length;
    if (part.size > part.cap || textBytes > limits.textBytes) throw new MultipartRefusal("too_large", part.name);
    part.chunks.push(bytes.slice());
  };
  const finish = () => {
    if (!part) return;
    const bytes = concatBytes(part.chunks);
    if (part.filename === null) fields.push([part.name, bytes]);
    else if (bytes.length > 0) {
      files.push({ field: part.name, filename: part.filename, declaredType: part.type, bytes });
    }
    part = null;
  };

  const step = (): boolean => {
    if (state === "preamble" || state === "body") {
      const found = indexOf(buffer, delimiter);
      if (found < 0) {
        // keep what could be the start of a delimiter; the rest belongs to the part (or the preamble)
        const keep = Math.max(0, buffer.length - delimiter.length - 1);
        if (state === "body") grow(buffer.subarray(0, keep));
        buffer = buffer.subarray(keep);
        return false;
      }
      if (buffer.length < found + delimiter.length + 2) return false;
      if (state === "body") {
        grow(buffer.subarray(0, found));
        finish();
      }
      const after = buffer.subarray(found + delimiter.length, found + delimiter.length + 2);
      buffer = buffer.subarray(found + delimiter.length + 2);
      state = after[0] === 0x2d && after[1] === 0x2d ? "done" : "headers";
      return state !== "done";
    }
    if (state === "headers") {
      const end = indexOf(buffer, encoder.encode("\r\n\r\n"));
      if (end < 0) {
        if (buffer.length > HEADER_MAX) throw new MultipartRefusal("malformed", null);
        return false;
      }
      const headers = partHeaders(new TextDecoder().decode(buffer.subarray(0, end)));
      const cap = headers.filename === null ? limits.textBytes : limits.fileBytes(headers.name);
      if (cap === undefined) throw new MultipartRefusal("unknown_file", headers.name);
      part = { ...headers, chunks: [], size: 0, cap };
      buffer = buffer.subarray(end + 4);
      state = "body";
      return true;
    }
    return false;
  };

  if (body) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        totalBytes += value.length;
        if (totalBytes > limits.totalBytes) throw new MultipartRefusal("too_large", null);
        buffer = buffer.length === 0 ? value : concatBytes([buffer, value]);
        while (step()) {}
        if (state === "done") break;
      }
    } catch (error) {
      await reader.cancel().catch(() => {});
      throw error;
    }
    if (state === "done") await reader.cancel().catch(() => {});
  }
  if (state !== "done") throw new MultipartRefusal("malformed", null);
  return { fields, files };
}
