import { describe, expect, inject, it } from "vitest";
import { chinaDate } from "#core/period.ts";
import { villagesOfTown } from "#core/reference.ts";
import { demoCases } from "../../scripts/demo-cases.ts";
import { seedDemoCases } from "../../scripts/seed.ts";
import { withD1 } from "../../scripts/wrangler.ts";
import { axeViolations } from "../fixtures/browser.ts";
import { fileQuestion, logIn, useChromium } from "../fixtures/e2e.ts";

const baseURL = inject("baseURL");
const TOWN = "371603104"; // 泊头镇, demo-botou's town
const INSPECTOR = "demo-botou";
// villages no other end-to-end file files reports in, so intake limits and counts never meet
const VILLAGE = "371603104205";
const QUEUE_VILLAGES = villagesOfTown(TOWN).filter((v) => v.code > "371603104209");
/** Cases whose whole line fitted 1366 × 768 before the queue was made compact (three lines each). */
const FITTED_BEFORE = 4;
const browser = useChromium({
  demoStaff: true,
  prepare: async (persistTo) => {
    // a working town's queue: the demo cases of 泊头镇's other villages, in every state
    await withD1({ persistTo }, (db) =>
      seedDemoCases(
        db,
        QUEUE_VILLAGES.flatMap((v) => demoCases(v, chinaDate())),
      ),
    );
  },
});

describe("an inspector's day at 1366 × 768", () => {
  it("the queue shows dates and village names, compact enough for twice the cases", async () => {
    const context = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await logIn(page, INSPECTOR, "/staff/cases/");
    await page.locator("li[data-case]").first().waitFor();
    const fitted = await page.evaluate(
      () =>
        [...document.querySelectorAll("li[data-case]")].filter((li) => li.getBoundingClientRect().bottom <= innerHeight)
          .length,
    );
    expect(fitted).toBeGreaterThanOrEqual(2 * FITTED_BEFORE);
    const names = new Set(villagesOfTown(TOWN).map((v) => v.name));
    const lines = await page.locator("li[data-case]").evaluateAll((items) =>
      items.map((li) => ({
        when: li.querySelector(".when")?.textContent ?? "",
        who: li.querySelector(".who")?.textContent ?? "",
      })),
    );
    for (const line of lines) {
      expect(line.when).toMatch(/^(\d{4}年)?\d{1,2}月\d{1,2}日收到$/);
      expect(names.has(line.who.replace(/^#\d+ /, ""))).toBe(true);
    }
    // the village filter offers the town's villages by name, no codes to type
    const options = await page.locator("select[name=village]").locator("option").allTextContents();
    expect(options.slice(1).sort()).toEqual([...names].sort());
    const picked = (lines[0]?.who ?? "").replace(/^#\d+ /, "");
    await page.locator("select[name=village]").selectOption({ label: picked });
    await page.getByRole("button", { name: "筛选" }).click();
    await page.waitForURL(/village=\d{12}/);
    await page.locator("li[data-case]").first().waitFor();
    for (const who of await page.locator("li[data-case] .who").allTextContents()) expect(who).toContain(picked);
    // a receipt read out over the phone, with spaces, is searched as its 16 digits
    const search = page.waitForRequest((r) => r.url().includes("/api/staff/reports?receipt=1234567890123452"));
    await page.getByLabel(/按回执号找/).fill("1234 5678 9012 3452");
    await page.getByRole("button", { name: "查找" }).click();
    await search;
    const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`)).toEqual([]);

    // the landing page counts what needs action; logging out is the quiet button
    await page.goto(`${baseURL}/staff/`);
    await page.locator("[data-todo]").waitFor();
    expect(Number(await page.locator("[data-count=new]").textContent())).toBeGreaterThan(0);
    expect(Number(await page.locator("[data-count=overdue]").textContent())).toBeGreaterThan(0);
    const logout = page.getByRole("button", { name: "退出登录" });
    expect(await logout.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe("rgb(255, 255, 255)");
    await context.close();
  });

  it("refuses a template answer still holding ……, then shows the answer it saved", async () => {
    const words = "村东头的排水沟堵了，下雨就淹路，什么时候清？";
    await fileQuestion(VILLAGE, words);
    const context = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await logIn(page, INSPECTOR, `/staff/cases/?village=${VILLAGE}`);
    await page.locator("li[data-case]").filter({ hasText: words }).getByRole("link").click();
    await page.locator("[data-case]").waitFor({ state: "visible" });
    await page.getByLabel("小事 · 交村两委").check();
    await page.locator("form[data-action=triage]").getByRole("button", { name: "提交" }).click();
    const assign = page.locator("form[data-action=assign]");
    await assign.waitFor({ state: "visible" });
    await assign.locator("input[name=responsible]").fill("村委会 王某");
    await assign.locator("textarea[name=measures]").fill("组织人手清淤");
    await assign.getByRole("button", { name: "提交" }).click();
    await page.locator("[data-saved=assign]").filter({ hasText: "组织人手清淤" }).waitFor();
    expect(await assign.locator("input[name=responsible]").inputValue()).toBe("村委会 王某");

    const answer = page.locator("form[data-action=answer]");
    await answer.waitFor({ state: "visible" });
    await answer.locator("select[data-template]").selectOption({ label: "已办结" });
    await answer.getByRole("button", { name: "提交" }).click();
    const refusal = answer.locator("[data-form-error]");
    await refusal.waitFor({ state: "visible" });
    expect(await refusal.textContent()).toContain("……");
    expect(await refusal.textContent()).toContain("换成");
    expect(await page.locator("[data-facts]").textContent()).toContain("正在办理");
    expect(await answer.locator("textarea[name=answer]").inputValue()).toContain("……");

    const filled = "您好，排水沟已经在12月1日清理干净，下雨不会再淹路了。请您评价。";
    await answer.locator("textarea[name=answer]").fill(filled);
    await answer.getByRole("button", { name: "提交" }).click();
    await page.locator("[data-saved=answer]").filter({ hasText: filled }).waitFor();
    // the event lines (not the answer's own words) are staff Chinese: no account codes, no "您"
    const events = (await page.locator("[data-timeline] li > p:first-child").allTextContents()).join("\n");
    expect(events).toContain("收到村民提问");
    expect(events).not.toMatch(/villager|system|您|[a-z]+\.[a-z]+/);
    await context.close();
  });

  it("figures by month show overdue beside on-time; the overdue page shows the inspector's town", async () => {
    const context = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await logIn(page, INSPECTOR, "/staff/figures/");
    await page.locator("[data-figures]").waitFor({ state: "visible" });
    await page.getByLabel("统计期间").selectOption("month");
    const month = chinaDate().slice(0, 7);
    await page.getByLabel("哪一期").selectOption(month);
    await page.getByRole("button", { name: "查看" }).click();
    await page.waitForURL(new RegExp(`period=${month}`));
    await page
      .locator("[data-title]")
      .filter({ hasText: `${Number(month.slice(5))}月` })
      .waitFor();
    await page.locator("[data-figures]").waitFor({ state: "visible" });
    const header = await page.locator("[data-figures] thead th").allTextContents();
    expect(header).toContain("按期答复 / 超期未办");
    expect(await page.locator("[data-figures] tfoot").textContent()).toMatch(/另有 \d+ 件超期未办/);

    await page.goto(`${baseURL}/staff/overdue/`);
    await page.getByRole("heading", { name: "泊头镇" }).waitFor();
    const town = page.getByLabel("镇街");
    expect(await town.isVisible()).toBe(true);
    expect(await town.inputValue()).toBe(TOWN);
    expect(await town.locator("option:checked").textContent()).toBe("泊头镇");
    await context.close();
  });
});
