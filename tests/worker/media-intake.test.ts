/**
 * Issue 17, intake: `POST /api/villages/<code>/reports` takes photos and a voice message as
 * multipart/form-data. Each allowed type is taken, a disguised file is refused with a 415 naming its field,
 * metadata never reaches storage, an over-size file stops the upload mid-stream with nothing stored, a
 * faithful retry stores one copy, and a report and its files land together or not at all.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { receiptHash } from "#core/report.ts";
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
import { countReports } from "../fixtures/reports.ts";
import { errorOf, filedOf } from "../fixtures/staff.ts";
import { formFields, postUpload, UPLOAD_BASE, type Upload } from "../fixtures/uploads.ts";

const BASE = UPLOAD_BASE;
const VILLAGE = "371603104201";
let ip = 0;
const freshIp = () => `198.51.100.${(++ip % 250) + 1}`;
const post = (form: { fields: Record<string, string>; files: Upload[] }, headers: Record<string, string> = {}) =>
  postUpload(VILLAGE, form.fields, form.files, headers);
const multipart = (fields: Record<string, string>, files: Upload[]) => ({ fields, files });
const fields = formFields;

async function attachmentRows(receipt: string) {
  const { results } = await env.DB.prepare(
    `SELECT a.field, a.position, a.object_key AS key, a.content_type AS contentType, a.seconds
       FROM report_attachments a JOIN reports r ON r.id = a.report_id WHERE r.receipt_hash = ?1 ORDER BY a.id`,
  )
    .bind(await receiptHash(receipt))
    .all<{ field: string; position: number; key: string; contentType: string; seconds: number | null }>();
  return results;
}

async function storedBytes(key: string): Promise<Uint8Array> {
  const object = await env.MEDIA.get(key);
  expect(object).not.toBeNull();
  return new Uint8Array(await (object as R2ObjectBody).arrayBuffer());
}

const objectCount = async () => (await env.MEDIA.list()).objects.length;
const attachmentCount = async () =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM report_attachments").first<{ n: number }>())?.n ?? 0;

async function expectRefused(res: Response, status: number, field: string) {
  expect(res.status).toBe(status);
  const body = await errorOf(res);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(body.error.fields?.[field]).toMatch(/[\u4e00-\u9fff]/);
}

describe("each allowed type", () => {
  const cases: [string, Upload, string][] = [
    ["JPEG", { field: "photo", bytes: jpegWithGps(), name: "a.jpg", type: "image/jpeg" }, "image/jpeg"],
    ["PNG", { field: "photo", bytes: pngWithText(), name: "a.png", type: "image/png" }, "image/png"],
    ["WebP", { field: "photo", bytes: webpWithExif(), name: "a.webp", type: "image/webp" }, "image/webp"],
    ["M4A", { field: "voice", bytes: m4a(20), name: "v.m4a", type: "audio/mp4" }, "audio/mp4"],
    ["AAC", { field: "voice", bytes: aac(20), name: "v.aac", type: "audio/aac" }, "audio/aac"],
    ["AMR", { field: "voice", bytes: amr(20), name: "v.amr", type: "audio/amr" }, "audio/amr"],
    ["WebM", { field: "voice", bytes: webm(20), name: "blob", type: "audio/webm;codecs=opus" }, "audio/webm"],
    ["MP3", { field: "voice", bytes: mp3(20), name: "v.mp3", type: "audio/mpeg" }, "audio/mpeg"],
  ];
  it.each(cases)("%s is taken, typed by its bytes and stored without its tags", async (_name, upload, type) => {
    const res = await post(multipart(fields(), [upload]));
    expect(res.status).toBe(201);
    const { receipt } = await filedOf(res);
    const [row] = await attachmentRows(receipt);
    expect(row).toMatchObject({ field: upload.field, position: 1, contentType: type });
    if (upload.field === "voice") expect(row?.seconds).toBeCloseTo(20, 0);
    const stored = await storedBytes(row?.key ?? "");
    expect(contains(stored, secretBytes())).toBe(false);
  });

  it("a JPEG carrying GPS EXIF is stored with none", async () => {
    const sent = jpegWithGps();
    expect(contains(sent, latitudeBytes())).toBe(true);
    const res = await post(
      multipart(fields(), [{ field: "photo", bytes: sent, name: "IMG_0001.jpg", type: "image/jpeg" }]),
    );
    const { receipt } = await filedOf(res);
    const stored = await storedBytes((await attachmentRows(receipt))[0]?.key ?? "");
    expect(contains(stored, latitudeBytes())).toBe(false);
    expect(contains(stored, new TextEncoder().encode("Exif"))).toBe(false);
  });

  it("three photos and a voice message, and no text: the voice speaks for the villager", async () => {
    const photos = [plainJpeg(), pngWithText(), webpWithExif()].map((bytes, i) => ({
      field: "photo",
      bytes,
      name: `p${i}`,
      type: "",
    }));
    const voice = { field: "voice", bytes: webm(8), name: "voice.webm", type: "audio/webm" };
    const res = await post(multipart(fields({ content: "" }), [...photos, voice]));
    expect(res.status).toBe(201);
    const { receipt } = await filedOf(res);
    expect((await attachmentRows(receipt)).map((r) => `${r.field}-${r.position}`)).toEqual([
      "photo-1",
      "photo-2",
      "photo-3",
      "voice-1",
    ]);
  });

  it("no text and no voice is still refused, naming the content", async () => {
    const photo = { field: "photo", bytes: plainJpeg(), name: "a.jpg", type: "image/jpeg" };
    await expectRefused(await post(multipart(fields({ content: "" }), [photo])), 422, "content");
  });

  it("an empty file input (nothing chosen) is no attachment", async () => {
    const res = await post(
      multipart(fields(), [{ field: "photo", bytes: new Uint8Array(), name: "", type: "application/octet-stream" }]),
    );
    expect(res.status).toBe(201);
    expect(await attachmentRows((await filedOf(res)).receipt)).toEqual([]);
  });
});

describe("disguised and unwanted files are refused, nothing stored", () => {
  const refusals: [string, Upload, number, string][] = [
    [
      "a script named .jpg",
      {
        field: "photo",
        bytes: new TextEncoder().encode("<script>alert(1)</script>"),
        name: "a.jpg",
        type: "image/jpeg",
      },
      415,
      "photo",
    ],
    [
      "a JPEG declared as text/html",
      { field: "photo", bytes: plainJpeg(), name: "a.html", type: "text/html" },
      415,
      "photo",
    ],
    [
      "a photo sent as the voice",
      { field: "voice", bytes: plainJpeg(), name: "v.m4a", type: "audio/mp4" },
      415,
      "voice",
    ],
    ["a voice sent as a photo", { field: "photo", bytes: mp3(3), name: "p.jpg", type: "image/jpeg" }, 415, "photo"],
    [
      "a broken JPEG",
      { field: "photo", bytes: plainJpeg().subarray(0, 300), name: "p.jpg", type: "image/jpeg" },
      415,
      "photo",
    ],
    [
      "a voice message of 65 seconds",
      { field: "voice", bytes: amr(65), name: "v.amr", type: "audio/amr" },
      422,
      "voice",
    ],
    [
      "a file in a field that takes none",
      { field: "video", bytes: plainJpeg(), name: "v.jpg", type: "image/jpeg" },
      422,
      "video",
    ],
  ];
  it.each(refusals)("%s", async (_name, upload, status, field) => {
    const before = [await countReports(env.DB), await objectCount()];
    await expectRefused(await post(multipart(fields(), [upload])), status, field);
    expect([await countReports(env.DB), await objectCount()]).toEqual(before);
  });

  it("a fourth photo and a second voice message are refused", async () => {
    const photo = { field: "photo", bytes: plainJpeg(), name: "a.jpg", type: "image/jpeg" };
    await expectRefused(await post(multipart(fields(), [photo, photo, photo, photo])), 422, "photo");
    const voice = { field: "voice", bytes: amr(2), name: "a.amr", type: "audio/amr" };
    await expectRefused(await post(multipart(fields(), [voice, voice])), 422, "voice");
  });
});

/** A multipart body made as it is read: a voice part of `total` bytes; `pulled()` says how much was asked for. */
function streamingVoice(total: number) {
  const boundary = "----cunma-test-boundary";
  const head = new TextEncoder().encode(
    [
      ...Object.entries(fields()).flatMap(([k, v]) => [
        `--${boundary}`,
        `Content-Disposition: form-data; name="${k}"`,
        "",
        v,
      ]),
      `--${boundary}`,
      'Content-Disposition: form-data; name="voice"; filename="v.amr"',
      "Content-Type: audio/amr",
      "",
      "#!AMR\n",
    ].join("\r\n"),
  );
  const chunk = new Uint8Array(64 * 1024).fill(0x3c);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(head);
      if (sent >= total) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
  return { stream, boundary, pulled: () => sent };
}

describe("sizes are capped while the upload streams", () => {
  it("an over-size voice message is refused mid-stream, naming the voice, with nothing stored", async () => {
    const before = [await countReports(env.DB), await objectCount(), await attachmentCount()];
    const body = streamingVoice(18 * 1024 * 1024);
    const res = await SELF.fetch(`${BASE}/api/villages/${VILLAGE}/reports`, {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${body.boundary}`, "CF-Connecting-IP": freshIp() },
      body: body.stream,
      duplex: "half",
    } as RequestInit);
    await expectRefused(res, 413, "voice");
    expect(body.pulled()).toBeLessThan(4 * 1024 * 1024);
    expect([await countReports(env.DB), await objectCount(), await attachmentCount()]).toEqual(before);
  });

  it("a request declaring more than 20 MB is refused before it is read", async () => {
    const res = await SELF.fetch(`${BASE}/api/villages/${VILLAGE}/reports`, {
      method: "POST",
      headers: {
        "Content-Type": "multipart/form-data; boundary=x",
        "Content-Length": String(21 * 1024 * 1024),
        "CF-Connecting-IP": freshIp(),
      },
      body: new Uint8Array(1024),
    });
    expect(res.status).toBe(413);
  });
});

describe("exactly once, all or nothing", () => {
  it("an idempotent retry with the same files gets the same receipt and stores one copy", async () => {
    const key = crypto.randomUUID();
    const files = [
      { field: "photo", bytes: jpegWithGps(), name: "a.jpg", type: "image/jpeg" },
      { field: "voice", bytes: m4a(9), name: "v.m4a", type: "audio/mp4" },
    ];
    const objects = await objectCount();
    const first = await post(multipart(fields(), files), { "Idempotency-Key": key });
    const again = await post(multipart(fields(), files), { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const receipt = (await filedOf(first)).receipt;
    expect((await filedOf(again)).receipt).toBe(receipt);
    expect(await attachmentRows(receipt)).toHaveLength(2);
    expect(await objectCount()).toBe(objects + 2);
  });

  it("the same key with a different photo is a 409 and leaves no file of its own", async () => {
    const key = crypto.randomUUID();
    const photo = (bytes: Uint8Array) => [{ field: "photo", bytes, name: "a.jpg", type: "image/jpeg" }];
    const objects = await objectCount();
    const [a, b] = await Promise.all([
      post(multipart(fields(), photo(plainJpeg())), { "Idempotency-Key": key }),
      post(multipart(fields(), photo(pngWithText())), { "Idempotency-Key": key }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await objectCount()).toBe(objects + 1);
  });
});

describe("from the plain HTML form (JS off)", () => {
  it("a file that is not a photo gives the form back with the message and the villager's words", async () => {
    const before = [await countReports(env.DB), await objectCount()];
    const script = { field: "photo", bytes: new TextEncoder().encode("<script>"), name: "a.jpg", type: "image/jpeg" };
    const res = await post(multipart(fields({ content: "村口的路灯坏了三盏。" }), [script]), { Accept: "text/html" });
    expect(res.status).toBe(415);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain("这个文件不是照片");
    expect(page).toContain("村口的路灯坏了三盏。");
    expect([await countReports(env.DB), await objectCount()]).toEqual(before);
  });

  it("a photo with the words answers 303 to the receipt page", async () => {
    const photo = { field: "photo", bytes: plainJpeg(), name: "a.jpg", type: "image/jpeg" };
    const res = await post(multipart(fields(), [photo]), { Accept: "text/html" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toMatch(/^\/r\/\d{16}$/);
  });
});
