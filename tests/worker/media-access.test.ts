/**
 * Issue 17, serving: attachments only through the worker and only to those who may read the report. A
 * misconduct report's photo is a 404 to the village secretary and to the public (even with the receipt),
 * served to the town's discipline inspector and the district with every read in the audit log; the
 * villager sees their own question's photo and voice on the receipt page. Every answer names its file,
 * is never sniffed nor cached.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { auditOf, fullCase, staffGet } from "../fixtures/cases.ts";
import { contains, jpegWithGps, latitudeBytes, webm } from "../fixtures/media.ts";
import { caseIdOf } from "../fixtures/reports.ts";
import { answered, loginAs, publicClient } from "../fixtures/staff.ts";
import { fileWithUploads, UPLOAD_BASE } from "../fixtures/uploads.ts";

const VILLAGE = "371603104201";
const photo = { field: "photo", bytes: jpegWithGps(), name: "IMG_0001.jpg", type: "image/jpeg" };
const voice = { field: "voice", bytes: webm(7), name: "voice.webm", type: "audio/webm" };

const misconduct = await fileWithUploads(VILLAGE, { kind: "misconduct", topic: "conduct" }, [photo]);
const misconductId = (await caseIdOf(env.DB, misconduct)) as number;
const question = await fileWithUploads(VILLAGE, { content: "" }, [photo, voice]);
const questionId = (await caseIdOf(env.DB, question)) as number;

const publicGet = (path: string, headers: Record<string, string> = {}) =>
  SELF.fetch(`${UPLOAD_BASE}${path}`, { headers: { "CF-Connecting-IP": "203.0.113.77", ...headers } });

/** GET /api/reports/{receipt} from the same client as `publicGet`, through the typed client. */
const receiptView = (receipt: string) =>
  answered(
    publicClient().api.reports[":receipt"].$get(
      { param: { receipt } },
      { headers: { "CF-Connecting-IP": "203.0.113.77" } },
    ),
  );

function expectServed(res: Response, type: string, name: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe(type);
  expect(res.headers.get("Content-Disposition")).toMatch(new RegExp(`^inline; filename="${name}\\.`));
  expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(res.headers.get("Cache-Control")).toContain("no-store");
}

describe("a misconduct report's photo", () => {
  it("is a 404 to the village secretary, the same as a case that does not exist", async () => {
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    const res = await staffGet(cookie, `/api/staff/reports/${misconductId}/attachments/photo-1`);
    const none = await staffGet(cookie, "/api/staff/reports/999999/attachments/photo-1");
    expect(res.status).toBe(404);
    expect(none.status).toBe(404);
    expect(await res.json()).toEqual(await none.json());
  });

  it("is a 404 to the public, with or without its receipt, and its receipt lists no attachment", async () => {
    expect((await publicGet(`/api/reports/${misconduct}/attachments/photo-1`)).status).toBe(404);
    const receipt = await receiptView(misconduct);
    expect(receipt.attachments).toEqual([]);
    const page = await (await publicGet(`/r/${misconduct}`)).text();
    expect(page).not.toContain("/attachments/");
  });

  it("is served to the town's discipline inspector and the district, without GPS, each read audited", async () => {
    const before = (await auditOf(`report:${misconductId}`)).filter((e) => e.action === "report_attachment_read");
    for (const who of [
      { role: "town_inspector", scope: "371603104" },
      { role: "district_admin", scope: "371603" },
    ] as const) {
      const { cookie, staff } = await loginAs(env.DB, who);
      const view = await fullCase(cookie, misconductId);
      expect(view.attachments.map((a) => a.name)).toEqual(["photo-1"]);
      const res = await staffGet(cookie, view.attachments[0]?.url ?? "");
      expectServed(res, "image/jpeg", "photo-1");
      expect(contains(new Uint8Array(await res.arrayBuffer()), latitudeBytes())).toBe(false);
      const reads = (await auditOf(`report:${misconductId}`)).filter((e) => e.action === "report_attachment_read");
      expect(reads.at(-1)).toMatchObject({ actor: staff.username });
      expect(JSON.parse(reads.at(-1)?.detail ?? "{}")).toEqual({ attachment: "photo-1" });
    }
    const after = (await auditOf(`report:${misconductId}`)).filter((e) => e.action === "report_attachment_read");
    expect(after.length - before.length).toBe(2);
  });

  it("is a 404 to an inspector of another town", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: "371603101" });
    expect((await staffGet(cookie, `/api/staff/reports/${misconductId}/attachments/photo-1`)).status).toBe(404);
  });
});

describe("a villager's own question", () => {
  it("shows its photo and voice on the receipt page, served by receipt", async () => {
    const json = await receiptView(question);
    expect(json.content).toBe("（语音留言，请听录音）");
    expect(json.attachments.map((a) => a.name)).toEqual(["photo-1", "voice-1"]);
    const page = await (await publicGet(`/r/${question}`)).text();
    expect(page).toContain(`<img src="/api/reports/${question}/attachments/photo-1"`);
    expect(page).toContain(`<audio controls preload="none" src="/api/reports/${question}/attachments/voice-1"`);
    expectServed(await publicGet(`/api/reports/${question}/attachments/voice-1`), "audio/webm", "voice-1");
    expectServed(await publicGet(`/api/reports/${question}/attachments/photo-1`), "image/jpeg", "photo-1");
  });

  it("serves a part of the voice message to a player asking for a range", async () => {
    const res = await publicGet(`/api/reports/${question}/attachments/voice-1`, { Range: "bytes=0-9" });
    expect(res.status).toBe(206);
    expect(res.headers.get("Content-Range")).toMatch(/^bytes 0-9\/\d+$/);
    expect((await res.arrayBuffer()).byteLength).toBe(10);
  });

  it("is readable by the village secretary on the case page; no audit row for a question's photo", async () => {
    const { cookie } = await loginAs(env.DB, { role: "village_secretary", scope: VILLAGE });
    expectServed(
      await staffGet(cookie, `/api/staff/reports/${questionId}/attachments/voice-1`),
      "audio/webm",
      "voice-1",
    );
    expect((await auditOf(`report:${questionId}`)).filter((e) => e.action === "report_attachment_read")).toEqual([]);
  });

  it("an attachment it does not have, or a name that is none, is a 404", async () => {
    expect((await publicGet(`/api/reports/${question}/attachments/photo-2`)).status).toBe(404);
    expect((await publicGet(`/api/reports/${question}/attachments/..%2F..%2Fetc`)).status).toBe(404);
    expect((await publicGet(`/api/reports/${question}/attachments/photo-9`)).status).toBe(404);
  });
});
