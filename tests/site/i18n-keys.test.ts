/**
 * Every UI string is used. A key in schema/i18n/zh-CN/*.json must be written out in full somewhere in
 * the code (site/src, worker/src, schema, scripts), or belong to one of the families below that the code
 * builds from a value (`t(\`reports.state.${state}\`)`), with a suffix that value can take.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseActions } from "#core/case.ts";
import { ratings, reportKinds, reportRoutes, reportStates, reportTopics } from "#core/report.ts";
import { staffRoles } from "#core/staff.ts";

const root = new URL("../../", import.meta.url).pathname;
const stringsDir = join(root, "schema/i18n/zh-CN");

/** The event kinds the worker writes to report_events (the table's CHECK also allows a retired one). */
const eventKinds = [
  "received",
  "accepted",
  "triaged",
  "assigned",
  "answered",
  "rated",
  "reopened",
  "closed",
  "note",
  "transferred",
  "merged",
];

/** Keys the code builds from a value: the prefix, and every suffix the value can take (where it is built). */
const families: [prefix: string, suffixes: readonly string[]][] = [
  ["reports.kind.", reportKinds], // site/src/components/ReportForm.astro, CaseStrings.astro
  ["reports.kindHint.", reportKinds], // ReportForm.astro, pages/v/[village]/index.astro
  ["reports.form.lead.", reportKinds], // ReportForm.astro
  ["reports.topic.", reportTopics], // ReportForm.astro, scripts/publish-meeting.ts
  ["reports.state.", reportStates], // CaseStrings.astro, scripts/staff-case.ts
  ["reports.rating.", ratings], // worker/src/reports/render.ts, cases/index.ts
  ["reports.event.", eventKinds], // worker/src/reports/render.ts
  ["reports.event.received.", reportKinds], // worker/src/reports/render.ts
  ["reports.error.field.", ["kind", "topic", "name", "phone", "disclosure", "power", "rating", "comment"]], // reports/schema.ts
  ["cases.event.", eventKinds], // site/src/scripts/staff-case.ts
  ["cases.event.received.", reportKinds], // staff-case.ts
  ["cases.route.", [...reportRoutes, "none"]], // staff-case.ts, worker/src/cases/index.ts
  ["cases.error.state.", caseActions.filter((a) => a !== "note")], // worker/src/cases/access.ts
  ["cases.actor.", ["villager", "system"]], // staff-case.ts
  ["cases.subject.", ["disclosure", "power", "powerNegative"]], // staff-case.ts
  ["staff.role.", staffRoles], // site/src/pages/staff/index.astro
  ["points.board.", ["awarded", "deducted", "reversed", "redeemed", "balance"]], // worker/src/points/board.ts
  ["duties.matter.", ["main", "support"]], // schema/duties.ts: the town's role in a 属地责任事项
  ["duties.page.", ["main", "support"]], // site/src/pages/duties/index.astro
  ["grid.figures.", ["requestsClosed", "patrolsClosed", "behalfClosed"]], // worker/src/grid/index.ts csvColumns
  ["media.field.", ["photo", "voice"]], // worker/src/media/schema.ts
  ...(["tooLarge", "tooMany"] as const).map((e) => [`media.error.${e}.`, ["photo", "voice"]] as [string, string[]]), // media/schema.ts
  ...(["type", "broken"] as const).map((e) => [`media.error.${e}.`, ["photo", "voice"]] as [string, string[]]), // media/store.ts
  ["publish.example.", ["month", "quarter", "year"]], // worker/src/disclosures/version.ts
  ["publish.history.", ["fieldTitle", "fieldContent"]], // worker/src/disclosures/history.ts
  ["publish.overdue.", ["csvTown", "csvVillage", "csvCode", "csvItem", "csvCadence", "csvExpected", "csvLatest"]], // worker/src/disclosures/inspect.ts
  [
    "publish.col.",
    [
      ...["date", "voucher", "summary", "category", "amount", "handler", "approver"],
      ...["no", "name", "type", "location", "quantity", "originalValue", "depreciation", "acquired", "status"],
      ...["keeper", "areaMu", "contractNo", "contractor", "start", "end", "annualFee", "paid"],
    ],
  ], // worker/src/disclosures/history.ts, render.ts: the disclosure table columns
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (["node_modules", "dist", ".astro", "zh-CN", "migrations", "data"].includes(name)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro|mjs)$/.test(name) ? [path] : [];
  });
}

const code = ["site/src", "worker/src", "schema", "scripts"]
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

const keys = readdirSync(stringsDir).flatMap((file) =>
  Object.keys(JSON.parse(readFileSync(join(stringsDir, file), "utf8")) as Record<string, string>).map((key) => ({
    file,
    key,
  })),
);

const writtenOut = (key: string) => [`"${key}"`, `'${key}'`, `\`${key}\``].some((quoted) => code.includes(quoted));
const built = (key: string) =>
  families.some(([prefix, suffixes]) => key.startsWith(prefix) && suffixes.includes(key.slice(prefix.length)));

describe("the UI strings", () => {
  it("are all used: written out in the code, or built from a value that can take their suffix", () => {
    const unused = keys.filter(({ key }) => !writtenOut(key) && !built(key)).map(({ file, key }) => `${file}: ${key}`);
    expect(unused).toEqual([]);
  });

  it("have no family whose prefix the code no longer builds from", () => {
    for (const [prefix] of families) {
      expect(code.includes(`${prefix}\${`) || code.includes(`"${prefix}"`), prefix).toBe(true);
    }
  });
});
