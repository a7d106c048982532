/**
 * The A4 noticeboard poster, one page per village, as a PDF a print shop can print as it is. Chinese text
 * is set in Noto Sans SC from the @embedpdf/fonts-sc package; pdfkit embeds only the glyphs used.
 */
import { fileURLToPath } from "node:url";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { type StringKey, t } from "#core/i18n/index.ts";
import { QUIET_ZONE, type VillageCode, villageCode, villageUrl } from "#core/qr.ts";
import { district, districtArea, type Town, type Village } from "#core/reference.ts";

const fontFile = (name: string) =>
  fileURLToPath(new URL(`../fonts/NotoSansHans-${name}.otf`, import.meta.resolve("@embedpdf/fonts-sc")));
const FONTS = { regular: fontFile("Regular"), bold: fontFile("Bold") };
const glyphs = fontkit.openSync(FONTS.bold) as fontkit.Font;

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = 14 * MM;
const CONTENT = PAGE.width - 2 * MARGIN;
/** The symbol itself (without its quiet zone) is printed this wide: the brief asks for at least 12 cm. */
export const SYMBOL_WIDTH_MM = 121;
/** The smallest type for what a villager must read to be safe (the scan instruction, the fake-code warning). */
export const READABLE_PT = 16;
const RED = "#b5121b";
const INK = "#1a1a1a";
const GREY = "#4d4d4d";

type Doc = InstanceType<typeof PDFDocument>;
type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * Throws if the font lacks a character, so a rare character in a village name never prints as a box.
 * @example doc.text(checkGlyphs(household.name))
 */
export function checkGlyphs(text: string): string {
  const missing = [...text].filter((ch) => !glyphs.hasGlyphForCodePoint(ch.codePointAt(0) as number));
  if (missing.length > 0) throw new Error(`字体里没有这些字，海报会印成方框：${missing.join("")}（${text}）`);
  return text;
}

function write(
  doc: Doc,
  text: string,
  y: number,
  font: keyof typeof FONTS,
  size: number,
  color: string,
  options: TextOptions = {},
) {
  doc
    .font(font)
    .fontSize(size)
    .fillColor(color)
    .text(checkGlyphs(text), MARGIN, y, { width: CONTENT, align: "center", ...options });
}

/** Draws the red band, the headline and the scan instruction; returns where the instruction ends. */
function header(doc: Doc, village: Village, town: Town): number {
  // Inset from the paper edge, so office printers that cannot print to the edge show the whole band.
  doc.roundedRect(7 * MM, 7 * MM, PAGE.width - 14 * MM, 84, 8).fill(RED);
  write(doc, t("qr.poster.kicker"), 26, "regular", 12, "#ffffff", { characterSpacing: 3 });
  write(doc, village.name, 39, "bold", 40, "#ffffff");
  const place = { province: district.province, city: district.city, district: district.name, town: town.name };
  write(doc, t("qr.poster.place", place), 85, "regular", 12, "#ffffff");
  if (village.demo) {
    const label = checkGlyphs(t("qr.poster.demo"));
    doc.font("bold").fontSize(10);
    const width = doc.widthOfString(label) + 14;
    doc.roundedRect(PAGE.width - MARGIN - width, 28, width, 18, 3).fill("#ffd84d");
    doc.fillColor(INK).text(label, PAGE.width - MARGIN - width, 31.5, { width, align: "center" });
  }
  write(doc, t("qr.poster.headline"), 113, "bold", 23, RED);
  write(doc, t("qr.poster.scan"), 142, "regular", READABLE_PT, INK);
  return doc.y;
}

/** Draws the symbol as vector squares, centred, and returns the bottom of its quiet zone. */
function code(doc: Doc, symbol: VillageCode, top: number): number {
  const side = symbolSide(symbol, SYMBOL_WIDTH_MM);
  const left = (PAGE.width - side) / 2;
  doc.roundedRect(left, top, side, side, 8).lineWidth(1).strokeColor("#9a9a9a").stroke();
  drawSymbol(doc, symbol, left, top, SYMBOL_WIDTH_MM);
  return top + side;
}

/**
 * How wide (pt) a symbol printed `widthMm` wide is with its quiet zone.
 * @example symbolSide(villageCode(base, "371603104201"), 121) // ≈ 443
 */
export const symbolSide = (symbol: VillageCode, widthMm: number) =>
  ((symbol.size + 2 * QUIET_ZONE) * widthMm * MM) / symbol.size;

/**
 * Draws a QR symbol (without a frame) with its top-left quiet-zone corner at (left, top), the symbol
 * itself `widthMm` wide; returns the side with the quiet zone, in points.
 * @example const side = drawSymbol(doc, householdCode(base, code), 40, 60, 40);
 */
export function drawSymbol(doc: Doc, symbol: VillageCode, left: number, top: number, widthMm: number): number {
  const module = (widthMm * MM) / symbol.size;
  for (let row = 0; row < symbol.size; row++) {
    for (let col = 0; col < symbol.size; col++) {
      if (symbol.dark(row, col)) {
        // Overlap neighbours by a hair so no hairline gaps appear between modules at any zoom.
        doc.rect(left + (col + QUIET_ZONE) * module, top + (row + QUIET_ZONE) * module, module + 0.02, module + 0.02);
      }
    }
  }
  doc.fill("#000000");
  return symbolSide(symbol, widthMm);
}

/** The official address to compare with what the phone shows, and what to do if it differs. */
function addressCheck(doc: Doc, village: Village, address: string, top: number): number {
  const body = checkGlyphs(t("qr.poster.check", { village: village.name }));
  const bodyOptions = { width: CONTENT - 28, lineGap: 1 };
  doc.font("regular").fontSize(READABLE_PT);
  const height = 53 + doc.heightOfString(body, bodyOptions) + 6;
  doc.roundedRect(MARGIN, top, CONTENT, height, 6).lineWidth(1.2).fillAndStroke("#fff7d6", "#d9a400");
  write(doc, t("qr.poster.checkTitle"), top + 6, "bold", READABLE_PT, INK);
  write(doc, address, top + 28, "bold", 18, RED);
  doc
    .font("regular")
    .fontSize(READABLE_PT)
    .fillColor(INK)
    .text(body, MARGIN + 14, top + 53, bodyOptions);
  return top + height;
}

/** What the page offers, as short labelled lines; returns where they end. */
function offers(doc: Doc, top: number): number {
  const rows: [StringKey, StringKey][] = [
    ["qr.poster.findTitle", "qr.poster.find"],
    ["qr.poster.actionsTitle", "qr.poster.actions"],
    ["qr.poster.receiptTitle", "qr.poster.receipt"],
  ];
  let y = top;
  for (const [label, text] of rows) {
    doc
      .font("bold")
      .fontSize(12.5)
      .fillColor(RED)
      .text(checkGlyphs(`${t(label)}：`), MARGIN, y, { continued: true });
    doc
      .font("regular")
      .fillColor(INK)
      .text(checkGlyphs(t(text, { area: districtArea })), { width: CONTENT });
    y = doc.y;
  }
  return y;
}

const FOOTER_TOP = PAGE.height - 10 * MM - 28;

function footer(doc: Doc, village: Village) {
  const top = FOOTER_TOP;
  doc
    .moveTo(MARGIN, top - 7)
    .lineTo(PAGE.width - MARGIN, top - 7)
    .lineWidth(0.8)
    .strokeColor("#bbbbbb")
    .stroke();
  write(doc, district.contact, top, "bold", 12, INK);
  write(doc, t("qr.poster.code", { code: village.code }), top + 17, "regular", 10, GREY);
}

/** One page: header, the code, the address to check, what the page offers, the contact line. */
function posterPage(doc: Doc, village: Village, town: Town, baseUrl: string) {
  doc.addPage({ size: "A4", margin: 0 });
  const headerBottom = header(doc, village, town);
  const codeBottom = code(doc, villageCode(baseUrl, village.code), headerBottom + 4);
  const checkBottom = addressCheck(doc, village, villageUrl(baseUrl, village.code), codeBottom + 6);
  if (offers(doc, checkBottom + 6) > FOOTER_TOP - 8) throw new Error(`${village.name}的海报一页放不下，请缩短文字。`);
  footer(doc, village);
}

/**
 * A town's posters as one PDF, one A4 page per village, in the order given.
 * @example writeFileSync("371603104.pdf", await townPosters(town, villagesOfTown(town.code), base))
 */
export function townPosters(town: Town, villages: readonly Village[], baseUrl: string): Promise<Buffer> {
  const { doc, done } = newPdf(`${town.name} 一村一码海报`, t("qr.poster.headline"));
  let pages = 0;
  doc.on("pageAdded", () => pages++);
  for (const village of villages) {
    posterPage(doc, village, town, baseUrl);
    if (pages !== villages.indexOf(village) + 1) throw new Error(`${village.name}的海报一页放不下，请缩短文字。`);
  }
  doc.end();
  return done;
}

/**
 * An A4 PDF document with the Chinese fonts registered ("regular", "bold"), and its bytes once ended.
 * @example const { doc, done } = newPdf("徐万粮村积分卡", "一户一码"); …; doc.end(); await done;
 */
export function newPdf(title: string, subject: string): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    autoFirstPage: false,
    info: { Title: title, Author: district.name, Subject: subject },
    lang: "zh-CN",
  });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}
