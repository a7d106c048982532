/**
 * A positive power's steps drawn as a vertical flowchart in inline SVG at build time: one box per step,
 * arrows between, text inside the SVG (no fonts, no script), 320 units wide so it fits a 360 px phone.
 */
const WIDTH = 320;
const BOX_X = 10;
const BOX_WIDTH = 300;
const FONT = 18;
const LINE = 26;
const PAD = 10;
const GAP = 28;
/** Text may use the box width minus padding. */
const TEXT_WIDTH = BOX_WIDTH - 2 * PAD;

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Rough advance of a character: CJK full width, ASCII about half. */
const advance = (ch: string) => ((ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.6 : 1) * FONT;

/**
 * Splits a step's text into lines that fit the box.
 * @example wrapStep("1. 村党组织提议") // ["1. 村党组织提议"]
 */
export function wrapStep(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  let width = 0;
  for (const ch of text) {
    if (width + advance(ch) > TEXT_WIDTH && line) {
      lines.push(line);
      line = "";
      width = 0;
    }
    line += ch;
    width += advance(ch);
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The SVG markup of a flowchart, labelled by `title` and `desc` for screen readers (role="img").
 * @example flowchartSvg("p01", ["提议", "商议"], "重大事项决策流程图", "共 2 步：…")
 */
export function flowchartSvg(id: string, steps: readonly string[], title: string, desc: string): string {
  const parts: string[] = [];
  let y = PAD;
  steps.forEach((step, index) => {
    const lines = wrapStep(`${index + 1}. ${step}`);
    const height = lines.length * LINE + 2 * PAD - 4;
    if (index > 0) {
      parts.push(
        `<line x1="${WIDTH / 2}" y1="${y - GAP}" x2="${WIDTH / 2}" y2="${y - 3}" stroke="#555" stroke-width="2" marker-end="url(#a-${id})"/>`,
      );
    }
    parts.push(
      `<rect x="${BOX_X}" y="${y}" width="${BOX_WIDTH}" height="${height}" rx="8" fill="#f2f7ff" stroke="#0a4fbf" stroke-width="2"/>`,
    );
    lines.forEach((line, n) => {
      parts.push(
        `<text x="${BOX_X + PAD}" y="${y + PAD + (n + 1) * LINE - 7}" font-size="${FONT}" fill="#1b1b1b">${escapeXml(line)}</text>`,
      );
    });
    y += height + GAP;
  });
  const total = y - GAP + PAD;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${total}" width="${WIDTH}" height="${total}" role="img" aria-labelledby="ft-${id} fd-${id}" class="flow">`,
    `<title id="ft-${id}">${escapeXml(title)}</title><desc id="fd-${id}">${escapeXml(desc)}</desc>`,
    `<defs><marker id="a-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>`,
    ...parts,
    "</svg>",
  ].join("");
}
