import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../scripts/staff.ts";
import { axeViolations } from "../fixtures/browser.ts";
import { useChromium } from "../fixtures/e2e.ts";

const baseURL = inject("baseURL");
const browser = useChromium({ demoStaff: true });

describe("a town inspector logs in with a demo account on a phone", () => {
  it("is sent to log in, sees who they are, logs out, and is sent back to log in", async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();

    await page.goto(`${baseURL}/staff/`);
    await page.waitForURL(/\/staff\/login\/\?next=%2Fstaff%2F$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("工作人员登录");
    const fontSize = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(18);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByLabel("用户名").fill("demo-botou");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForFunction(() =>
      document.querySelector("#login-message")?.textContent?.includes("用户名或密码不对"),
    );
    expect(page.url()).toContain("/staff/login/");

    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${baseURL}/staff/`);
    await page.locator("#staff-me").waitFor({ state: "visible" });
    await expect(page.locator("#staff-hello").textContent()).resolves.toBe("您好，demo-botou");
    await expect(page.locator("#staff-scope").textContent()).resolves.toBe("镇街纪委 · 泊头镇");
    // the session token is out of reach of page scripts
    expect(await page.evaluate(() => document.cookie)).not.toContain("cunma_staff");
    const [cookie] = await context.cookies(`${baseURL}/api/staff/me`);
    expect(cookie).toMatchObject({ name: "cunma_staff", httpOnly: true, sameSite: "Strict" });

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/staff\/login\/\?out=1$/);
    await page.waitForFunction(() => document.querySelector("#login-message")?.textContent === "已退出登录。");
    await page.goto(`${baseURL}/staff/`);
    await page.waitForURL(/\/staff\/login\//);
    await context.close();
  });
});
