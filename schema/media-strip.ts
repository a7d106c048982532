/**
 * Strips what a file says about its sender before it is stored: a photo's EXIF (GPS, camera, time), XMP,
 * maker notes, thumbnails, comments and colour profiles; a voice message's tags. Each format is rebuilt
 * from the parts that draw the picture or play the sound; anything after the image's end is dropped.
 *
 * - JPEG: every APP0–APP15 segment (JFIF and its thumbnail, EXIF, XMP, ICC, Photoshop IRB) and every COM;
 *   the frames, tables and scans are kept. The EXIF orientation goes with the rest.
 * - PNG: only the chunks that draw the image (IHDR, PLTE, IDAT, IEND, tRNS, gAMA, cHRM, sRGB, sBIT, bKGD,
 *   pHYs and APNG's acTL/fcTL/fdAT); tEXt, iTXt, zTXt, eXIf, tIME, iCCP and all others go.
 * - WebP: EXIF, XMP and ICCP chunks go, and the VP8X header's flags for them are cleared.
 * - MP4/M4A: `udta` and `meta` boxes (at any depth) become `free` boxes of the same size, zero-filled, so
 *   the sample offsets stay right; creation and modification times in mvhd/tkhd/mdhd are zeroed.
 * - MP3 and ADTS AAC: a leading ID3v2 tag, a trailing ID3v1 tag and an APEv2 tag are cut.
 * - WebM: the Tags element becomes a Void element of the same size; Info's Title and DateUTC are voided too.
 * - AMR: has no metadata; kept as sent.
 */
import { ebmlElement, id3v2Length, type MediaType, MP4_CONTAINERS, mp4Boxes, webmElements } from "./media.ts";

/** Thrown when a file claims a type but its structure is broken. */
export class MediaError extends Error {
  override name = "MediaError";
}

/**
 * The parts (bytes, or plain lists of byte values) one after another.
 * @example concatBytes([new Uint8Array([1]), [2, 3]]) // Uint8Array [1, 2, 3]
 */
export function concatBytes(parts: readonly ArrayLike<number>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The entropy-coded data of a scan starting at `at`: where the next marker (not RSTn, not stuffing) is. */
function scanEnd(bytes: Uint8Array, at: number): number {
  for (let i = at; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1] ?? 0;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return i;
  }
  throw new MediaError("JPEG scan without an end");
}

function stripJpeg(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  for (;;) {
    while (bytes[at] === 0xff && bytes[at + 1] === 0xff) at++; // fill bytes
    if (bytes[at] !== 0xff || at + 1 >= bytes.length) throw new MediaError("JPEG marker expected");
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xd9) {
      parts.push(bytes.subarray(at, at + 2));
      return concatBytes(parts);
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new MediaError("JPEG segment past the end");
    const metadata = (marker >= 0xe0 && marker <= 0xef) || marker === 0xfe;
    if (marker === 0xda) {
      const dataEnd = scanEnd(bytes, end);
      parts.push(bytes.subarray(at, dataEnd));
      at = dataEnd;
      continue;
    }
    if (!metadata) parts.push(bytes.subarray(at, end));
    at = end;
  }
}

const PNG_KEPT = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "gAMA",
  "cHRM",
  "sRGB",
  "sBIT",
  "bKGD",
  "pHYs",
  "acTL",
  "fcTL",
  "fdAT",
]);

function stripPng(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at);
    const end = at + 12 + view.getUint32(0);
    if (end > bytes.length) break;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (PNG_KEPT.has(type)) parts.push(bytes.subarray(at, end));
    if (type === "IEND") return concatBytes(parts);
    at = end;
  }
  throw new MediaError("PNG without IEND");
}

const WEBP_DROPPED = new Set(["EXIF", "XMP ", "ICCP"]);

function stripWebp(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = Math.min(bytes.length, 8 + view.getUint32(4, true));
  const chunks: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= riffEnd) {
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > riffEnd) throw new MediaError("WebP chunk past the end");
    const type = String.fromCharCode(...bytes.subarray(at, at + 4));
    if (!WEBP_DROPPED.has(type)) {
      const chunk = bytes.slice(at, Math.min(end, riffEnd));
      // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04 are gone with their chunks
      if (type === "VP8X" && chunk.length > 8) chunk[8] = (chunk[8] ?? 0) & ~(0x20 | 0x08 | 0x04);
      chunks.push(chunk);
    }
    at = end;
  }
  if (chunks.length === 0) throw new MediaError("WebP without chunks");
  const body = concatBytes(chunks);
  const head = new Uint8Array(12);
  head.set(bytes.subarray(0, 12));
  new DataView(head.buffer).setUint32(4, 4 + body.length, true);
  return concatBytes([head, body]);
}

/** Boxes whose content is metadata, voided wherever they are. */
const MP4_METADATA = new Set(["udta", "meta"]);
/** Boxes with creation/modification times right after version and flags. */
const MP4_TIMED = new Set(["mvhd", "tkhd", "mdhd"]);

function stripMp4(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  const walk = (from: number, to: number) => {
    for (const box of mp4Boxes(out, from, to)) {
      if (MP4_METADATA.has(box.type)) {
        out.set([0x66, 0x72, 0x65, 0x65], box.start + 4); // "free"
        out.fill(0, box.body, box.end);
      } else if (MP4_CONTAINERS.has(box.type)) walk(box.body, box.end);
      else if (MP4_TIMED.has(box.type)) out.fill(0, box.body + 4, box.body + 4 + (out[box.body] === 1 ? 16 : 8));
    }
  };
  walk(0, out.length);
  return out;
}

/** The length of the MP3/AAC stream once its ID3v1 and APEv2 tags at the end are cut. */
function withoutTrailingTags(bytes: Uint8Array, from: number): number {
  let end = bytes.length;
  const tag = (at: number, text: string) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  if (end - from >= 128 && tag(end - 128, "TAG")) end -= 128;
  if (end - from >= 32 && tag(end - 32, "APETAGEX")) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + end - 32, 32);
    const size = view.getUint32(12, true);
    const header = view.getUint32(20, true) & 0x80000000 ? 32 : 0;
    end = Math.max(from, end - size - header);
  }
  return end;
}

function stripFrames(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const start = id3v2Length(bytes);
  return bytes.slice(start, withoutTrailingTags(bytes, start));
}

/** Tags, and Info's Title and DateUTC. */
const WEBM_VOIDED = new Set([0x1254c367, 0x7ba9, 0x4461]);

/** Overwrites the element at `start` (ending at `end`) with a Void element of the same size. */
function voidEbml(out: Uint8Array, start: number, end: number): void {
  const total = end - start;
  const sizeLength = Math.min(8, total - 1);
  const payload = total - 1 - sizeLength;
  out.fill(0, start, end);
  out[start] = 0xec;
  // a size of `sizeLength` bytes: the length marker bit, then `payload` big-endian
  let value = payload;
  for (let i = sizeLength; i >= 1; i--) {
    out[start + i] = value % 256;
    value = Math.floor(value / 256);
  }
  out[start + 1] = (out[start + 1] ?? 0) | (0x80 >> (sizeLength - 1));
}

function stripWebm(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (!ebmlElement(bytes, 0)) throw new MediaError("WebM without a header");
  const out = bytes.slice();
  for (const element of webmElements(bytes)) {
    if (WEBM_VOIDED.has(element.id) && element.size !== null && element.data + element.size <= out.length) {
      voidEbml(out, element.start, element.data + element.size);
    }
  }
  return out;
}

/**
 * The file without its metadata, as described at the top of this module, in bytes of its own (a plain
 * ArrayBuffer, which a File, a Response and a digest take under every runtime's types).
 * @example stripMetadata(jpegWithGps, "jpeg") // the same picture, no APPn or COM segment left
 * @throws MediaError when the file's structure is broken
 */
export function stripMetadata(bytes: Uint8Array, type: MediaType): Uint8Array<ArrayBuffer> {
  try {
    switch (type) {
      case "jpeg":
        return stripJpeg(bytes);
      case "png":
        return stripPng(bytes);
      case "webp":
        return stripWebp(bytes);
      case "mp4":
        return stripMp4(bytes);
      case "mp3":
      case "aac":
        return stripFrames(bytes);
      case "webm":
        return stripWebm(bytes);
      case "amr":
      case "amr-wb":
        return bytes.slice();
    }
  } catch (error) {
    if (error instanceof MediaError) throw error;
    throw new MediaError(`broken ${type}`);
  }
}
