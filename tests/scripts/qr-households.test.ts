/**
 * `npm run qr -- --households --village <code>` (issue 16): a village's household points cards, eight
 * to an A4 page, each with the name, the number and a code that opens that household's page; printing
 * issues new codes (the old cards stop working) and stores only their hashes.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import jsQR from "jsqr";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { householdCode } from "#core/qr.ts";
import { towns, villages } from "#core/reference.ts";
import { receiptHash } from "#core/report.ts";
import { householdCards } from "../../scripts/qr/cards.ts";
import { placeFileName } from "../../scripts/qr/generate.ts";
import { codePng } from "../../scripts/qr/png.ts";
import { migrate, query, withD1 } from "../../scripts/wrangler.ts";
import { registerHousehold } from "../../worker/src/points/queries.ts";
import { referenceStatements } from "../../worker/src/scripting.ts";

const run = promisify(execFile);
const BASE = "https://cunma.example.cn";
const VILLAGE = "371603104201";
const dir = mkdtempSync(join(tmpdir(), "cunma-cards-"));
const persistTo = join(dir, "state");
const out = join(dir, "out");

const cards = Array.from({ length: 10 }, (_, i) => ({
  number: String(i + 1).padStart(3, "0"),
  name: `王秀${"兰英芳梅"[i % 4]}`,
  code: "1234567890123452",
}));

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let text = "";
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  return { pages: doc.numPages, text };
}

beforeAll(async () => {
  migrate({ persistTo });
  await withD1({ persistTo }, async (db) => {
    await db.batch(referenceStatements(db, towns, villages));
    const audit = { action: "points_household", actorId: null, actor: "cli" };
    await registerHousehold(db, { village: VILLAGE, number: "001", name: "张小明" }, "a".repeat(64), audit, "t");
    await registerHousehold(db, { village: VILLAGE, number: "002", name: "李秀英" }, "b".repeat(64), audit, "t");
  });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("household cards", () => {
  it("put eight cards on an A4 page, each with the number, the name and the code in digits", async () => {
    const { pages, text } = await pdfText(await householdCards(VILLAGE, cards, BASE));
    expect(pages).toBe(2);
    for (const card of cards) {
      expect(text).toContain(card.number);
      expect(text).toContain(card.name);
    }
    expect(text).toContain("1234 5678 9012 3452");
  });

  it("a card's code decodes to the household's address, in QR's compact upper case, version 4 at most", () => {
    const symbol = householdCode(BASE, "1234567890123452");
    expect(symbol.version).toBeLessThanOrEqual(4);
    const png = PNG.sync.read(codePng(symbol));
    const data = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    expect(data).toBe("HTTPS://CUNMA.EXAMPLE.CN/H/1234567890123452");
  });

  it("npm run qr -- --households issues new codes, prints them, stores only their hashes", async () => {
    const { stdout } = await run(process.execPath, [
      "scripts/qr.ts",
      "--households",
      "--village",
      VILLAGE,
      "--out",
      out,
      "--persist-to",
      persistTo,
      "--base-url",
      BASE,
    ]);
    expect(stdout).toContain("2 户");
    const file = join(out, placeFileName({ code: VILLAGE, name: "徐万粮村-积分卡" }, "pdf"));
    expect(existsSync(file)).toBe(true);
    const { text } = await pdfText(readFileSync(file));
    const printed = [...text.matchAll(/户码：(\d{4} \d{4} \d{4} \d{4})/g)].map((m) =>
      (m[1] as string).replaceAll(" ", ""),
    );
    expect(printed).toHaveLength(2);
    const rows = query<{ code_hash: string }>(
      `SELECT code_hash FROM points_households WHERE village_code = '${VILLAGE}' ORDER BY number`,
      { persistTo },
    );
    expect(rows.map((r) => r.code_hash)).toEqual(await Promise.all(printed.map((code) => receiptHash(code))));
    const audit = query<{ detail: string }>("SELECT detail FROM audit_entries WHERE action = 'points_cards'", {
      persistTo,
    });
    expect(audit).toHaveLength(1);
    for (const code of printed) expect(JSON.stringify(audit)).not.toContain(code);
  }, 300_000);

  it("refuses an unknown village, writing nothing", async () => {
    const failed = await run(process.execPath, [
      "scripts/qr.ts",
      "--households",
      "--village",
      "371603999999",
      "--out",
      out,
    ]).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain("--village");
  });
});
