/**
 * Every page kind, as `wrangler dev` serves it with its live parts filled, is valid HTML to an outside
 * checker: the W3C Nu HTML Checker (vnu.jar from the `vnu-jar` package, run with the system's Java), run
 * once over all the pages. The data behind them is real: the demo seed, a question answered by the
 * inspector through the API, a meeting recorded by the secretary, a form refused and shown again.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, inject, it } from "vitest";
import { addStaff, DEMO_PASSWORD, ensureDemoStaff } from "../../scripts/staff.ts";
import { withD1 } from "../../scripts/wrangler.ts";
import { answered, filedOf } from "../fixtures/answers.ts";
import { clientHeader } from "../fixtures/browser.ts";
import { recordMeeting, staffClientAs } from "../fixtures/e2e.ts";
import { amr, plainJpeg } from "../fixtures/media.ts";

const baseURL = inject("baseURL");
const village = "371603104201";
/** The package's export is the path of its vnu.jar. */
const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

/** A question filed by a villager, then triaged, assigned and answered by the town's inspector. */
async function answeredReceipt(): Promise<string> {
  const filed = await fetch(`${baseURL}/api/villages/${village}/reports`, {
    method: "POST",
    headers: { ...clientHeader(), "Content-Type": "application/json" },
    body: JSON.stringify({
      kind: "question",
      topic: "affairs",
      content: `村东坑塘<b>承包费</b> & "去年" 收了多少？\n第二行 ${Date.now()}`,
    }),
  });
  expect(filed.status).toBe(201);
  const { receipt } = await filedOf(filed);
  const inspector = (await staffClientAs("demo-botou")).api.staff.reports;
  const { cases } = await answered(inspector.$get({ query: { receipt } }));
  const param = { id: String(cases[0]?.id) };
  await answered(inspector[":id"].triage.$post({ param, json: { route: "township" } }));
  await answered(
    inspector[":id"].assign.$post({ param, json: { responsible: "村会计 张某", measures: "查账后公开" } }),
  );
  await answered(
    inspector[":id"].answer.$post({
      param,
      json: { answer: "坑塘承包费 12000 元已入村集体账户。\n明细已在公开栏张贴，欢迎查看。" },
    }),
  );
  return receipt;
}

/** A form posted with too short a content and JS off: the form page comes back with the errors. */
const refusedForm = () =>
  fetch(`${baseURL}/api/villages/${village}/reports`, {
    method: "POST",
    headers: { ...clientHeader(), "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" },
    body: new URLSearchParams({
      key: crypto.randomUUID(),
      kind: "misconduct",
      topic: "conduct",
      content: "短<",
      contact_name: '"&',
    }),
  });

/** Runs vnu once over `files`; its messages of type "error", as "file:line: message". */
function vnuErrors(files: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // vnu writes its JSON report to stderr and exits 1 when it found errors
    execFile(
      "java",
      ["-jar", vnuJar, "--format", "json", "--errors-only", ...files],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        try {
          const report = JSON.parse(stderr) as {
            messages: { type: string; url?: string; lastLine?: number; message: string }[];
          };
          resolve(report.messages.map((m) => `${(m.url ?? "").split("/").pop()}:${m.lastLine ?? 0}: ${m.message}`));
        } catch {
          reject(error ?? new Error(stderr));
        }
      },
    );
  });
}

/** A household of the demo village with a confirmed entry (the secretary records, a supervisor confirms): its card's path. */
async function householdCard(): Promise<string> {
  const secretary = (await staffClientAs("demo-xuwanliang")).api.staff.points;
  await answered(
    secretary.rules.$post({
      json: {
        village,
        rules: [{ code: "A1", title: "参加<志愿>服务 & 清扫", category: "志愿服务", points: 5 }],
        reason: "按村民代表会议修订",
      },
    }),
  );
  const number = String(Date.now() % 1_000_000);
  const { id, card } = await answered(secretary.households.$post({ json: { village, number, name: "王秀兰" } }));
  const entry = await answered(
    secretary.entries.$post({
      json: {
        village,
        household: id,
        rule: "A1",
        date: new Date().toISOString().slice(0, 10),
        reason: '参加"周末"义务清扫',
      },
    }),
  );
  const username = `html-jd-${number}`;
  await withD1({ persistTo: inject("persistTo") }, (db) =>
    addStaff(db, [{ username, role: "points_supervisor", scope: village, password: DEMO_PASSWORD }]),
  );
  const supervisor = (await staffClientAs(username)).api.staff.points;
  await answered(supervisor.entries[":id"].confirm.$post({ param: { id: String(entry.id) } }));
  return card.url;
}

/** A question sent with a photo and a voice message (issue 17): its receipt page shows and plays them. */
async function receiptWithAttachments(): Promise<string> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ kind: "question", topic: "affairs", content: "" }))
    form.set(name, value);
  form.append("photo", new Blob([plainJpeg()], { type: "image/jpeg" }), "a.jpg");
  form.append("voice", new Blob([amr(3)], { type: "audio/amr" }), "v.amr");
  const res = await fetch(`${baseURL}/api/villages/${village}/reports`, {
    method: "POST",
    headers: { ...clientHeader(), Accept: "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: form,
  });
  expect(res.status).toBe(201);
  return (await filedOf(res)).receipt;
}

it("every page kind, as served with its live parts, passes the W3C Nu HTML Checker", async () => {
  await ensureDemoStaff({ persistTo: inject("persistTo") }, () => {});
  const villageHtml = await (await fetch(`${baseURL}/v/${village}/`)).text();
  const disclosure = Number(/\/v\/\d{12}\/d\/(\d+)\//.exec(villageHtml)?.[1]);
  expect(disclosure, "the demo village has a disclosure").toBeGreaterThan(0);
  const receipt = await answeredReceipt();

  // each page's name, status, and a sign that its live parts are in it
  const pages: [name: string, status: number, response: Promise<Response>, filled?: RegExp][] = [];
  const get = (name: string, path: string, status = 200, filled?: RegExp) =>
    pages.push([name, status, fetch(`${baseURL}${path}`), filled]);
  get("district", "/");
  get("town", "/z/371603104/", 200, /按时公开|项逾期未公开/);
  get("village", `/v/${village}/`, 200, /收到 \d+ 件/);
  get("form-ask", `/v/${village}/ask/?topic=affairs&disclosure=${disclosure}`);
  get("form-help", `/v/${village}/help/`);
  get("form-report", `/v/${village}/report/?topic=conduct&power=n01`);
  pages.push(["form-refused", 422, refusedForm(), /内容太少了/]);
  get("receipt", `/r/${receipt}`, 200, /12000 元已入村集体账户。<br>/);
  get("receipt-attachments", `/r/${await receiptWithAttachments()}`, 200, /<audio controls/);
  get("receipt-lookup", "/r/");
  get("receipt-mistyped", "/r/1234567890123456", 400);
  get("power-list", `/v/${village}/power/`);
  get("power-item", `/v/${village}/power/n01/`, 200, /power=n01/);
  get("duties", "/duties/");
  get("disclosure", `/v/${village}/d/${disclosure}/`, 200, /class="versions"/);
  get("meeting", await recordMeeting(village, "demo-xuwanliang", [disclosure]), 200, /后街路灯坏了三盏/);
  for (const staff of [
    "login",
    "",
    "cases",
    "cases/case",
    "publish",
    "figures",
    "overdue",
    "meetings",
    "grid",
    "grid/slip",
    "figures/grid",
  ]) {
    get(`staff-${staff.replace("/", "-") || "home"}`, `/staff/${staff}${staff ? "/" : ""}`);
  }
  const card = await householdCard();
  get("points-card", card, 200, /现在能用的积分：\d+ 分/);
  get("points-card-unknown", "/h/1234567890123452", 404);
  get("points-board", `/v/${village}/points/`, 200, /王\*兰/);
  get("staff-points", "/staff/points/");
  get("not-found", "/no-such-page/", 404);
  get("village-not-found", "/v/999999999999/", 404);

  const dir = mkdtempSync(join(tmpdir(), "cunma-html-"));
  const files: string[] = [];
  for (const [name, status, response, filled] of pages) {
    const res = await response;
    const page = await res.text();
    expect(res.status, `${name}: ${page.slice(0, 300)}`).toBe(status);
    expect(res.headers.get("content-type"), `${name}: ${page.slice(0, 300)}`).toContain("text/html");
    if (filled) expect(page, name).toMatch(filled);
    const file = join(dir, `${name}.html`);
    writeFileSync(file, page);
    files.push(file);
  }
  expect(await vnuErrors(files)).toEqual([]);
}, 180_000);
