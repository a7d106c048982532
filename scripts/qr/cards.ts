/**
 * 一户一码: a village's household points cards, eight to an A4 page, each with the village, the household
 * number, the head of the household, the QR code of the household's own page and its code in digits.
 * Printing the cards issues new codes: only their hashes are stored, so the cards printed before stop
 * working and nobody, staff included, can read a code back from the database.
 */
import { t } from "#core/i18n/index.ts";
import { householdCode } from "#core/qr.ts";
import { type Village, villageByCode } from "#core/reference.ts";
import { formatReceipt, newReceipt, receiptHash } from "#core/report.ts";
import { reissueCards, villageHouseholds } from "../../worker/src/scripting.ts";
import { checkGlyphs, drawSymbol, newPdf, symbolSide } from "./poster.ts";

/** What one card shows. */
export interface HouseholdCard {
  number: string;
  name: string;
  code: string;
}

/**
 * Gives every household of `village` a new card code and answers the cards to print (one batch, audited
 * as "points_cards" with the household count, never a code).
 * @example const cards = await issueCards(db, "371603104201");
 */
export async function issueCards(db: D1Database, village: string): Promise<HouseholdCard[]> {
  const households = await villageHouseholds(db, village);
  const cards = households.map((h) => ({ id: h.id, number: h.number, name: h.name, code: newReceipt() }));
  const hashed = await Promise.all(cards.map(async (c) => ({ id: c.id, codeHash: await receiptHash(c.code) })));
  await reissueCards(db, hashed, {
    action: "points_cards",
    actorId: null,
    actor: "cli",
    target: `points:${village}`,
    detail: { households: cards.length },
  });
  return cards.map(({ number, name, code }) => ({ number, name, code }));
}

const MM = 72 / 25.4;
const MARGIN = 10 * MM;
const COLUMNS = 2;
const ROWS = 4;
const CARD = { width: (210 * MM - 2 * MARGIN) / COLUMNS, height: (297 * MM - 2 * MARGIN) / ROWS };
/** The symbol's own width on a card: large enough for an old phone at arm's length. */
const SYMBOL_MM = 36;
const PAD = 4 * MM;

function card(doc: PDFKit.PDFDocument, village: Village, each: HouseholdCard, index: number, baseUrl: string) {
  const left = MARGIN + (index % COLUMNS) * CARD.width;
  const top = MARGIN + Math.floor((index % (COLUMNS * ROWS)) / COLUMNS) * CARD.height;
  doc
    .roundedRect(left + 2, top + 2, CARD.width - 4, CARD.height - 4, 6)
    .lineWidth(0.8)
    .strokeColor("#9a9a9a")
    .stroke();
  const symbol = householdCode(baseUrl, each.code);
  const side = symbolSide(symbol, SYMBOL_MM);
  drawSymbol(doc, symbol, left + CARD.width - PAD - side, top + (CARD.height - side) / 2, SYMBOL_MM);
  const textWidth = CARD.width - side - 2 * PAD;
  const line = (text: string, y: number, font: "regular" | "bold", size: number) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor("#1a1a1a")
      .text(checkGlyphs(text), left + PAD, y, { width: textWidth });
  line(t("points.print.title", { village: village.name }), top + PAD, "bold", 13);
  line(t("points.print.number", { number: each.number }), top + PAD + 26, "bold", 16);
  line(t("points.print.name", { name: each.name }), top + PAD + 50, "bold", 16);
  line(t("points.print.code", { code: formatReceipt(each.code) }), top + PAD + 80, "regular", 9);
  line(t("points.print.scan"), top + PAD + 96, "regular", 9);
}

/**
 * The cards of a village as one PDF, eight to an A4 page.
 * @example writeFileSync("cards.pdf", await householdCards("371603104201", cards, "https://cunma.example.cn"))
 */
export function householdCards(villageCode: string, cards: readonly HouseholdCard[], baseUrl: string): Promise<Buffer> {
  const village = villageByCode(villageCode);
  if (!village) throw new Error(`没有代码为“${villageCode}”的村。`);
  const { doc, done } = newPdf(t("points.print.pdfTitle", { village: village.name }), t("points.card.title"));
  cards.forEach((each, index) => {
    if (index % (COLUMNS * ROWS) === 0) doc.addPage({ size: "A4", margin: 0 });
    card(doc, village, each, index, baseUrl);
  });
  doc.end();
  return done;
}
