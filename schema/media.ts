/**
 * Attachments of a villager's report (photos and one voice message): the limits, what a file is by its own
 * bytes (never its name or declared type), and how long a voice message lasts. Metadata stripping is in
 * media-strip.ts. Pure functions over bytes: the worker, the scripts and the tests share them.
 */

/** The two file fields of the intake form. */
export const attachmentFields = ["photo", "voice"] as const;
export type AttachmentField = (typeof attachmentFields)[number];

/** How many files each field takes. */
export const ATTACHMENT_COUNT: Record<AttachmentField, number> = { photo: 3, voice: 1 };
/** Bytes per file of each field, refused while the upload streams. */
export const ATTACHMENT_MAX_BYTES: Record<AttachmentField, number> = { photo: 8 * 1024 * 1024, voice: 2 * 1024 * 1024 };
/** A whole multipart intake request. */
export const MULTIPART_MAX_BYTES = 20 * 1024 * 1024;
/** The longest voice message, in seconds. */
export const VOICE_MAX_SECONDS = 60;
/** Days a closed case keeps its attachments when ATTACHMENT_DAYS is not set. */
export const ATTACHMENT_DAYS_DEFAULT = 365;

/** A file type the intake takes, known by its bytes. */
export type MediaType = "jpeg" | "png" | "webp" | "mp4" | "aac" | "amr" | "amr-wb" | "webm" | "mp3";

export interface MediaInfo {
  type: MediaType;
  field: AttachmentField;
  contentType: string;
  extension: string;
}

const info: Record<MediaType, Omit<MediaInfo, "type">> = {
  jpeg: { field: "photo", contentType: "image/jpeg", extension: "jpg" },
  png: { field: "photo", contentType: "image/png", extension: "png" },
  webp: { field: "photo", contentType: "image/webp", extension: "webp" },
  mp4: { field: "voice", contentType: "audio/mp4", extension: "m4a" },
  aac: { field: "voice", contentType: "audio/aac", extension: "aac" },
  amr: { field: "voice", contentType: "audio/amr", extension: "amr" },
  "amr-wb": { field: "voice", contentType: "audio/amr-wb", extension: "awb" },
  webm: { field: "voice", contentType: "audio/webm", extension: "webm" },
  mp3: { field: "voice", contentType: "audio/mpeg", extension: "mp3" },
};

/**
 * The file extension an attachment is served with, from its stored content type.
 * @example extensionOf("audio/webm") // "webm"
 */
export const extensionOf = (contentType: string) =>
  Object.values(info).find((i) => i.contentType === contentType)?.extension ?? "bin";

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

/** The length of an ID3v2 tag at the start of `bytes` (0 when there is none). */
export function id3v2Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || !ascii(bytes, 0, "ID3")) return 0;
  const size = (((bytes[6] ?? 0) & 0x7f) << 21) | (((bytes[7] ?? 0) & 0x7f) << 14) | (((bytes[8] ?? 0) & 0x7f) << 7);
  const footer = (bytes[5] ?? 0) & 0x10 ? 10 : 0;
  return Math.min(bytes.length, 10 + size + ((bytes[9] ?? 0) & 0x7f) + footer);
}

const isAdts = (bytes: Uint8Array, at = 0) => bytes[at] === 0xff && ((bytes[at + 1] ?? 0) & 0xf6) === 0xf0;
const isMp3Frame = (bytes: Uint8Array, at = 0) =>
  bytes[at] === 0xff && ((bytes[at + 1] ?? 0) & 0xe0) === 0xe0 && ((bytes[at + 1] ?? 0) & 0x06) === 0x02;

/** The EBML DocType of a Matroska/WebM header, if the bytes start with one. */
function ebmlDocType(bytes: Uint8Array): string | null {
  if (!(bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3)) return null;
  const head = bytes.subarray(0, 64);
  for (let i = 4; i < head.length - 3; i++) {
    if (head[i] === 0x42 && head[i + 1] === 0x82) {
      const length = (head[i + 2] ?? 0) & 0x7f;
      return String.fromCharCode(...head.subarray(i + 3, i + 3 + length));
    }
  }
  return null;
}

/**
 * What a file is, from its first bytes; null for anything the intake does not take.
 * @example sniffMedia(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))?.contentType // "image/jpeg"
 * @example sniffMedia(new TextEncoder().encode("<script>"))  // null
 */
export function sniffMedia(bytes: Uint8Array): MediaInfo | null {
  const type = sniffType(bytes);
  return type ? { type, ...info[type] } : null;
}

function sniffType(bytes: Uint8Array): MediaType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(bytes, 0, "\x89PNG\r\n\x1a\n")) return "png";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return "webp";
  if (ascii(bytes, 4, "ftyp")) return "mp4";
  if (ascii(bytes, 0, "#!AMR-WB\n")) return "amr-wb";
  if (ascii(bytes, 0, "#!AMR\n")) return "amr";
  if (ebmlDocType(bytes) === "webm") return "webm";
  const start = id3v2Length(bytes);
  if (start > 0 && start === bytes.length) return null;
  if (isAdts(bytes, start)) return "aac";
  if (isMp3Frame(bytes, start)) return "mp3";
  return null;
}

const u32 = (b: Uint8Array, at: number) =>
  (((b[at] ?? 0) << 24) >>> 0) + ((b[at + 1] ?? 0) << 16) + ((b[at + 2] ?? 0) << 8) + (b[at + 3] ?? 0);

/**
 * The MP4 boxes in `bytes[from, to)`: type, start of the box, start and end of its payload.
 * @example [...mp4Boxes(bytes, 0, bytes.length)].map((b) => b.type) // ["ftyp", "moov", "mdat"]
 */
export function* mp4Boxes(
  bytes: Uint8Array,
  from: number,
  to: number,
): Generator<{ type: string; start: number; body: number; end: number }> {
  let at = from;
  while (at + 8 <= to) {
    let size = u32(bytes, at);
    let body = at + 8;
    if (size === 1) {
      size = u32(bytes, at + 8) * 2 ** 32 + u32(bytes, at + 12);
      body = at + 16;
    } else if (size === 0) size = to - at;
    if (size < body - at || at + size > to) return;
    yield { type: String.fromCharCode(...bytes.subarray(at + 4, at + 8)), start: at, body, end: at + size };
    at += size;
  }
}

/** MP4 boxes that hold other boxes, walked for metadata and timing. */
export const MP4_CONTAINERS = new Set(["moov", "trak", "mdia", "minf", "stbl", "edts", "mvex", "moof", "traf"]);

/** Seconds of an MP4/M4A: mvhd's duration, else the movie fragments' sample durations. */
function mp4Seconds(bytes: Uint8Array): number | null {
  let timescale = 0;
  let seconds: number | null = null;
  let fragmentTicks = 0;
  const walk = (from: number, to: number) => {
    for (const box of mp4Boxes(bytes, from, to)) {
      if (MP4_CONTAINERS.has(box.type)) walk(box.body, box.end);
      else if (box.type === "mvhd" || box.type === "mdhd") {
        const v1 = bytes[box.body] === 1;
        const scale = u32(bytes, box.body + (v1 ? 20 : 12));
        const ticks = v1 ? u32(bytes, box.body + 24) * 2 ** 32 + u32(bytes, box.body + 28) : u32(bytes, box.body + 16);
        if (box.type === "mdhd") timescale = scale;
        if (box.type === "mvhd" && scale > 0 && ticks > 0 && ticks !== 0xffffffff) seconds = ticks / scale;
      } else if (box.type === "trun") fragmentTicks += trunTicks(bytes, box.body);
    }
  };
  walk(0, bytes.length);
  if (seconds !== null) return seconds;
  return timescale > 0 && fragmentTicks > 0 ? fragmentTicks / timescale : null;
}

/** The sample durations a `trun` box lists (0 when it lists none). */
function trunTicks(bytes: Uint8Array, body: number): number {
  const flags = u32(bytes, body) & 0xffffff;
  const count = u32(bytes, body + 4);
  if (!(flags & 0x100)) return 0;
  let at = body + 8 + (flags & 0x1 ? 4 : 0) + (flags & 0x4 ? 4 : 0);
  const stride = 4 * (1 + (flags & 0x200 ? 1 : 0) + (flags & 0x400 ? 1 : 0) + (flags & 0x800 ? 1 : 0));
  let ticks = 0;
  for (let i = 0; i < count && at + 4 <= bytes.length; i++, at += stride) ticks += u32(bytes, at);
  return ticks;
}

// AMR frame sizes (header byte included) by frame type; 0: not a valid frame type
const AMR_SIZES = [13, 14, 16, 18, 20, 21, 27, 32, 6, 0, 0, 0, 0, 0, 0, 1];
const AMR_WB_SIZES = [18, 24, 33, 37, 41, 47, 51, 59, 61, 6, 0, 0, 0, 0, 1, 1];

/** Seconds of an AMR file: 20 ms a frame. */
function amrSeconds(bytes: Uint8Array, wide: boolean): number | null {
  const sizes = wide ? AMR_WB_SIZES : AMR_SIZES;
  let at = wide ? 9 : 6;
  let frames = 0;
  while (at < bytes.length) {
    const size = sizes[((bytes[at] ?? 0) >> 3) & 0x0f] ?? 0;
    if (size === 0) return null;
    at += size;
    frames++;
  }
  return frames * 0.02;
}

const MP3_KBPS = {
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MP3_RATES = { v1: [44100, 48000, 32000], v2: [22050, 24000, 16000], v25: [11025, 12000, 8000] };

/** Seconds of an MPEG layer III stream, frame by frame. */
function mp3Seconds(bytes: Uint8Array): number | null {
  let at = id3v2Length(bytes);
  let seconds = 0;
  while (at + 4 <= bytes.length && isMp3Frame(bytes, at)) {
    const b1 = bytes[at + 1] ?? 0;
    const b2 = bytes[at + 2] ?? 0;
    const version = (b1 >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    if (version === 1) break;
    const kbps = (version === 3 ? MP3_KBPS.v1 : MP3_KBPS.v2)[b2 >> 4];
    const rate = (version === 3 ? MP3_RATES.v1 : version === 2 ? MP3_RATES.v2 : MP3_RATES.v25)[(b2 >> 2) & 3];
    if (!kbps || !rate) break;
    const samples = version === 3 ? 1152 : 576;
    at += Math.floor(((samples / 8) * kbps * 1000) / rate) + ((b2 >> 1) & 1);
    seconds += samples / rate;
  }
  return seconds > 0 ? seconds : null;
}

/** Seconds of an ADTS AAC stream: 1024 samples a frame. */
function adtsSeconds(bytes: Uint8Array): number | null {
  const rates = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];
  let at = id3v2Length(bytes);
  let seconds = 0;
  while (at + 7 <= bytes.length && isAdts(bytes, at)) {
    const rate = rates[((bytes[at + 2] ?? 0) >> 2) & 0x0f];
    const length = (((bytes[at + 3] ?? 0) & 3) << 11) | ((bytes[at + 4] ?? 0) << 3) | ((bytes[at + 5] ?? 0) >> 5);
    if (!rate || length < 7) break;
    seconds += 1024 / rate;
    at += length;
  }
  return seconds > 0 ? seconds : null;
}

/** One EBML element: its id, where its data starts, and its size (null: unknown, runs to its parent's end). */
export interface EbmlElement {
  id: number;
  start: number;
  data: number;
  size: number | null;
}

/**
 * The EBML element at `at`, or null when the bytes there are not one.
 * @example ebmlElement(bytes, 0)?.id // 0x1a45dfa3
 */
export function ebmlElement(bytes: Uint8Array, at: number): EbmlElement | null {
  const first = bytes[at] ?? 0;
  const idLength = Math.clz32(first) - 23;
  if (idLength < 1 || idLength > 4 || at + idLength >= bytes.length) return null;
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + (bytes[at + i] ?? 0);
  const lead = bytes[at + idLength] ?? 0;
  const sizeLength = Math.clz32(lead) - 23;
  if (sizeLength < 1 || sizeLength > 8) return null;
  let size = lead & (0xff >> sizeLength);
  let unknown = size === 0xff >> sizeLength;
  for (let i = 1; i < sizeLength; i++) {
    const byte = bytes[at + idLength + i] ?? 0;
    size = size * 256 + byte;
    unknown &&= byte === 0xff;
  }
  return { id, start: at, data: at + idLength + sizeLength, size: unknown ? null : size };
}

/** WebM master elements walked into: Segment, Info, Cluster, BlockGroup. */
export const WEBM_MASTERS = new Set([0x18538067, 0x1549a966, 0x1f43b675, 0xa0]);

/**
 * Every WebM element the walk meets, master elements entered (unknown sizes included), others stepped over.
 * @example for (const element of webmElements(bytes)) if (element.id === 0x1254c367) …
 */
export function* webmElements(bytes: Uint8Array): Generator<EbmlElement> {
  let at = 0;
  while (at < bytes.length) {
    const element = ebmlElement(bytes, at);
    if (!element) return;
    yield element;
    if (WEBM_MASTERS.has(element.id)) at = element.data;
    else if (element.size === null) return;
    else at = element.data + element.size;
  }
}

/** Seconds of a WebM: the Info's Duration, else the last block's time. */
function webmSeconds(bytes: Uint8Array): number | null {
  let scale = 1_000_000;
  let duration: number | null = null;
  let cluster = 0;
  let last = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const element of webmElements(bytes)) {
    const { id, data, size } = element;
    if (size === null) continue;
    if (id === 0x2ad7b1) scale = readUint(bytes, data, size);
    else if (id === 0x4489 && (size === 4 || size === 8))
      duration = size === 4 ? view.getFloat32(data) : view.getFloat64(data);
    else if (id === 0xe7) cluster = readUint(bytes, data, size);
    else if (id === 0xa3 || id === 0xa1) {
      const track = Math.clz32(bytes[data] ?? 0) - 23;
      if (track >= 1 && track <= 8 && data + track + 2 <= bytes.length) {
        last = Math.max(last, cluster + view.getInt16(data + track));
      }
    }
  }
  const ticks = duration ?? (last > 0 ? last : null);
  return ticks === null ? null : (ticks * scale) / 1e9;
}

const readUint = (bytes: Uint8Array, at: number, size: number) => {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
};

/**
 * How long a voice message lasts, in seconds, from its own bytes; null when its type keeps no timing that
 * can be read.
 * @example voiceSeconds(amrBytes, "amr") // 12.34
 */
export function voiceSeconds(bytes: Uint8Array, type: MediaType): number | null {
  switch (type) {
    case "mp4":
      return mp4Seconds(bytes);
    case "amr":
    case "amr-wb":
      return amrSeconds(bytes, type === "amr-wb");
    case "mp3":
      return mp3Seconds(bytes);
    case "aac":
      return adtsSeconds(bytes);
    case "webm":
      return webmSeconds(bytes);
    default:
      return null;
  }
}
