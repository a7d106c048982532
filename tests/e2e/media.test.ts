/**
 * Issue 17 end to end, in Chromium at 360 px: with JS off a villager chooses a photo through the file
 * input and it reaches the case without its GPS; with JS on a villager records a voice message by
 * holding the button (Chromium's fake microphone), sends it while offline, it is delivered exactly once
 * when the phone is back online, and the town inspector plays it on the case page.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, ensureDemoStaff } from "../../scripts/staff.ts";
import { query } from "../../scripts/wrangler.ts";
import { launchChromium } from "../fixtures/browser.ts";
import { contains, jpegWithGps, latitudeBytes } from "../fixtures/media.ts";

const baseURL = inject("baseURL");
const persistTo = inject("persistTo");
// villages no other end-to-end file files reports in
const PHOTO_VILLAGE = "371603104206";
const VOICE_VILLAGE = "371603104207";
let browser: Browser;

beforeAll(async () => {
  await ensureDemoStaff({ persistTo }, () => {});
  browser = await launchChromium(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

const attachmentsOf = (village: string) =>
  query<{ id: number; field: string; contentType: string; seconds: number | null }>(
    `SELECT r.id, a.field, a.content_type AS contentType, a.seconds FROM reports r
       JOIN report_attachments a ON a.report_id = r.id WHERE r.village_code = '${village}' ORDER BY a.id`,
    { persistTo },
  );
const reportsIn = (village: string) =>
  query<{ n: number }>(`SELECT COUNT(*) AS n FROM reports WHERE village_code = '${village}'`, { persistTo })[0]?.n;

async function receiptOf(page: Page): Promise<string> {
  await page.waitForURL(/\/r\/\d{16}$/, { timeout: 40_000 });
  return page.url().slice(-16);
}

describe("a villager with JS off", () => {
  it("chooses a photo with the file input; it is stored without its GPS and shown on the receipt", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/v/${PHOTO_VILLAGE}/help/`);
    const input = page.locator("input[type=file][name=photo]");
    await expect(input.getAttribute("accept")).resolves.toBe("image/*");
    await expect(input.getAttribute("capture")).resolves.toBe("environment");
    await expect(page.locator("input[type=file][name=voice]").getAttribute("accept")).resolves.toBe("audio/*");
    await expect(page.locator("[data-recorder]").isHidden()).resolves.toBe(true);
    await page.getByLabel("民生事项").check();
    await page.locator("#content").fill("村口的路塌了一个大坑，看照片。");
    await input.setInputFiles({ name: "IMG_20261202.jpg", mimeType: "image/jpeg", buffer: Buffer.from(jpegWithGps()) });
    await page.getByRole("button", { name: "提交" }).click();
    const receipt = await receiptOf(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const src = await page.locator("[data-summary] img").getAttribute("src");
    expect(src).toBe(`/api/reports/${receipt}/attachments/photo-1`);
    const photo = await fetch(`${baseURL}${src}`);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    expect(contains(new Uint8Array(await photo.arrayBuffer()), latitudeBytes())).toBe(false);
    expect(attachmentsOf(PHOTO_VILLAGE)).toMatchObject([{ field: "photo", contentType: "image/jpeg" }]);
    await context.close();
  });
});

describe("a villager with JS on and no signal", () => {
  it("records a voice message by holding the button, sends it offline, and it arrives once; the inspector plays it", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, permissions: ["microphone"] });
    const page = await context.newPage();
    await page.goto(`${baseURL}/v/${VOICE_VILLAGE}/ask/`);
    await page.getByLabel("三务三资").check();
    const hold = page.getByRole("button", { name: "按住说话" });
    await hold.scrollIntoViewIfNeeded();
    const box = await hold.boundingBox();
    if (!box) throw new Error("no hold-to-talk button");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await expect
      .poll(() => page.locator("[data-rec-status]").textContent(), { timeout: 10_000 })
      .toMatch(/正在录音…… [1-9] 秒/);
    await page.waitForTimeout(2500);
    await page.mouse.up();
    await expect
      .poll(() => page.locator("[data-rec-status]").textContent(), { timeout: 10_000 })
      .toMatch(/录好了，[2-4] 秒/);
    await expect(page.locator("[data-recorder] audio").isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const before = reportsIn(VOICE_VILLAGE);
    await context.setOffline(true);
    await page.getByRole("button", { name: "提交" }).click();
    await expect.poll(() => page.locator("[data-outbox-status]").textContent()).toContain("已保存，联网后自动提交");
    const kept = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open("cunma-outbox", 1);
          open.onsuccess = () => {
            const all = open.result.transaction("files").objectStore("files").getAll();
            all.onsuccess = () =>
              resolve((all.result as { blob: Blob }[][]).flat().filter((f) => f.blob.size > 0).length);
          };
        }),
    );
    expect(kept).toBe(1);
    expect(reportsIn(VOICE_VILLAGE)).toBe(before);
    await context.setOffline(false);
    const receipt = await receiptOf(page);
    expect(reportsIn(VOICE_VILLAGE)).toBe((before ?? 0) + 1);
    const [voice, ...more] = attachmentsOf(VOICE_VILLAGE);
    expect(more).toEqual([]);
    expect(voice).toMatchObject({ field: "voice", contentType: "audio/webm" });
    expect(voice?.seconds).toBeGreaterThan(1.5);
    await expect(page.locator("[data-summary] audio").getAttribute("src")).resolves.toBe(
      `/api/reports/${receipt}/attachments/voice-1`,
    );
    await context.close();

    const office = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const staff = await office.newPage();
    const next = `/staff/cases/case/?id=${voice?.id}`;
    await staff.goto(`${baseURL}/staff/login/?next=${encodeURIComponent(next)}`);
    await staff.getByLabel("用户名").fill("demo-botou");
    await staff.getByLabel("密码").fill(DEMO_PASSWORD);
    await staff.getByRole("button", { name: "登录" }).click();
    await staff.waitForURL(`${baseURL}${next}`);
    const player = staff.locator("[data-attachments] audio");
    await expect.poll(() => player.count()).toBe(1);
    const played = await player.evaluate(async (audio: HTMLAudioElement) => {
      audio.muted = true;
      await audio.play();
      await new Promise((resolve) => setTimeout(resolve, 800));
      return { time: audio.currentTime, error: audio.error?.code ?? null };
    });
    expect(played.error).toBeNull();
    expect(played.time).toBeGreaterThan(0.2);
    await office.close();
  });
});
