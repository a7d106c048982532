/**
 * Attachments are known by their bytes and keep nothing about their sender: each allowed type is
 * recognised, disguised files are not, every planted tag (GPS EXIF, XMP, ID3, udta, WebM Tags) is gone
 * after stripping, and a voice message's length is read from its own bytes.
 */
import { describe, expect, it } from "vitest";
import { type MediaType, sniffMedia, voiceSeconds } from "#core/media.ts";
import { MediaError, stripMetadata } from "#core/media-strip.ts";
import {
  aac,
  amr,
  contains,
  jpegWithGps,
  latitudeBytes,
  m4a,
  mp3,
  plainJpeg,
  pngWithText,
  secretBytes,
  webm,
  webpWithExif,
} from "../fixtures/media.ts";

const files: [MediaType, string, () => Uint8Array][] = [
  ["jpeg", "image/jpeg", jpegWithGps],
  ["png", "image/png", pngWithText],
  ["webp", "image/webp", webpWithExif],
  ["mp4", "audio/mp4", () => m4a(12)],
  ["mp3", "audio/mpeg", () => mp3(12)],
  ["aac", "audio/aac", () => aac(12)],
  ["amr", "audio/amr", () => amr(12)],
  ["webm", "audio/webm", () => webm(12)],
];

describe("what a file is", () => {
  it.each(files)("%s is known by its bytes", (type, contentType, make) => {
    expect(sniffMedia(make())).toMatchObject({ type, contentType });
  });

  it("a script, an HTML page and an SVG are none of them, whatever their name", () => {
    for (const text of [
      "<script>alert(1)</script>",
      "<!doctype html><p>",
      '<svg xmlns="http://www.w3.org/2000/svg">',
      "",
    ]) {
      expect(sniffMedia(new TextEncoder().encode(text))).toBeNull();
    }
  });

  it("an ID3 tag with nothing after it is not an MP3", () => {
    expect(sniffMedia(mp3(0).subarray(0, 30))).toBeNull();
  });
});

describe("stripping", () => {
  it("a JPEG carrying GPS EXIF comes back with no EXIF, XMP, APP13, comment or trailing bytes", () => {
    const sent = jpegWithGps();
    expect(contains(sent, latitudeBytes())).toBe(true);
    const kept = stripMetadata(sent, "jpeg");
    expect(contains(kept, latitudeBytes())).toBe(false);
    expect(contains(kept, secretBytes())).toBe(false);
    expect(contains(kept, new TextEncoder().encode("Exif"))).toBe(false);
    for (let marker = 0xe0; marker <= 0xef; marker++) expect(markers(kept)).not.toContain(marker);
    expect(markers(kept)).not.toContain(0xfe);
    // the picture itself: the plain JPEG's frames, tables and scan, byte for byte
    expect(kept.subarray(-200)).toEqual(plainJpeg().subarray(-200));
    expect(kept.at(-2)).toBe(0xff);
    expect(kept.at(-1)).toBe(0xd9);
  });

  it.each(files)("%s keeps no planted tag", (type, _contentType, make) => {
    const kept = stripMetadata(make(), type);
    expect(contains(kept, secretBytes())).toBe(false);
    expect(contains(kept, latitudeBytes())).toBe(false);
    expect(sniffMedia(kept)?.type).toBe(type);
  });

  it("a WebP's VP8X no longer announces EXIF or XMP, and its RIFF size is right", () => {
    const kept = stripMetadata(webpWithExif(), "webp");
    const view = new DataView(kept.buffer, kept.byteOffset);
    expect(view.getUint32(4, true)).toBe(kept.length - 8);
    expect((kept[20] ?? 0) & 0x2c).toBe(0);
  });

  it("an M4A keeps its length and samples but no creation time", () => {
    const sent = m4a(30);
    const kept = stripMetadata(sent, "mp4");
    expect(kept.length).toBe(sent.length);
    expect(contains(kept, [0x7a, 0x5b, 0x3c, 0x2d])).toBe(false);
    expect(voiceSeconds(kept, "mp4")).toBe(30);
  });

  it("a broken JPEG is refused, not stored half", () => {
    expect(() => stripMetadata(plainJpeg().subarray(0, 300), "jpeg")).toThrow(MediaError);
  });
});

describe("how long a voice message lasts", () => {
  it.each([
    ["mp4", m4a],
    ["mp3", mp3],
    ["aac", aac],
    ["amr", amr],
    ["webm", webm],
  ] as [MediaType, (s: number) => Uint8Array][])("%s: 12 s and 65 s read as such", (type, make) => {
    expect(voiceSeconds(make(12), type)).toBeCloseTo(12, 0);
    expect(voiceSeconds(make(65), type)).toBeGreaterThan(60);
  });
});

/** The markers of a JPEG's segments up to its first scan. */
function markers(jpeg: Uint8Array): number[] {
  const found: number[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1] ?? 0;
    found.push(marker);
    if (marker === 0xda) break;
    at += 2 + (((jpeg[at + 2] ?? 0) << 8) | (jpeg[at + 3] ?? 0));
  }
  return found;
}
