/**
 * An answer still holding a reply template's "……" never reaches the villager: the route refuses it with
 * a 422 on `answer` that says what to fill in, writes nothing, and takes the filled-in answer.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import templates from "#core/data/reply-templates.json" with { type: "json" };
import { act, fileReport } from "../fixtures/cases.ts";
import { loginAs, refused, staffClient } from "../fixtures/staff.ts";

// 大高镇: no other console test files cases here
const TOWN = "371603105";
const VILLAGE = "371603105201";

async function handlingCase(cookie: string) {
  const { id } = await fileReport(VILLAGE);
  await act(cookie, id, "triage", { route: "village" });
  await act(cookie, id, "assign", { responsible: "村会计 张某", measures: "查账后答复" });
  return id;
}

describe("an answer with a template's placeholder", () => {
  const withBlank = templates.filter((tpl) => tpl.text.includes("……"));

  it("exists in the templates this guards", () => {
    expect(withBlank.map((tpl) => tpl.id)).toEqual(expect.arrayContaining(["policy", "done", "neighbours"]));
  });

  it.each(withBlank)("is refused when template '$id' is sent unchanged, and nothing is written", async (tpl) => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const id = await handlingCase(cookie);
    const { error } = await refused(
      staffClient(cookie).api.staff.reports[":id"].answer.$post({
        param: { id: String(id) },
        json: { answer: tpl.text },
      }),
      422,
    );
    expect(Object.keys(error.fields ?? {})).toEqual(["answer"]);
    expect(error.fields?.answer).toContain("……");
    expect(error.fields?.answer).toMatch(/换成/);
    // the message quotes the words the blank follows, so the inspector finds it
    const before = tpl.text.slice(0, tpl.text.indexOf("……")).slice(-6);
    expect(error.fields?.answer).toContain(before);
    const row = await env.DB.prepare("SELECT state, answer FROM reports WHERE id = ?1")
      .bind(id)
      .first<{ state: string; answer: string | null }>();
    expect(row).toEqual({ state: "handling", answer: null });
    const events = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM report_events WHERE report_id = ?1 AND kind = 'answered'",
    )
      .bind(id)
      .first<{ n: number }>();
    expect(events?.n).toBe(0);
  });

  it("is refused when the blank, or half of it, is left in an otherwise edited answer", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const id = await handlingCase(cookie);
    for (const answer of ["您好，路灯的事已经办完：……，请评价。", "您好，结果如下：…，请评价。", "……。请您评价。"]) {
      const { error } = await refused(
        staffClient(cookie).api.staff.reports[":id"].answer.$post({ param: { id: String(id) }, json: { answer } }),
        422,
      );
      expect(error.fields?.answer, answer).toMatch(/^答复里还有模板留的空“……”没有填/);
      expect(error.fields?.answer, answer).not.toContain("“”");
    }
  });

  it("is taken once the blank is filled in", async () => {
    const { cookie } = await loginAs(env.DB, { role: "town_inspector", scope: TOWN });
    const id = await handlingCase(cookie);
    const done = templates.find((tpl) => tpl.id === "done")?.text ?? "";
    const answer = done.replace("……", "路灯已在11月30日换好");
    const view = await act(cookie, id, "answer", { answer });
    expect(view.case).toMatchObject({ state: "answered", answer });
  });
});
