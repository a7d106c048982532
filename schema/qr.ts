/**
 * What a village's QR code encodes, shared by the poster script and the worker's /v/<code>/qr.svg.
 *
 * The code holds the village URL in QR alphanumeric mode, so it is upper case:
 * `HTTPS://CUNMA.EXAMPLE.CN/V/371603104201`. Scheme and host are case-insensitive and the worker answers
 * `/V/<code>` with a 301 to `/v/<code>/`, so this is the shortest encoding that still opens the page:
 * with a base URL of up to 30 characters it fits version 4 even at error correction H.
 */
import QRCode from "qrcode";

/** Error correction levels tried in order: H (30% recoverable) first, then Q (25%). */
const LEVELS = ["H", "Q"] as const;
const MAX_VERSION = 4;
/** Modules of white around the symbol, as the standard asks. */
export const QUIET_ZONE = 4;

export interface VillageCode {
  /** The text the code holds. */
  payload: string;
  version: number;
  level: (typeof LEVELS)[number];
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `dark(row, col)` for 0 ≤ row, col < size. */
  dark: (row: number, col: number) => boolean;
}

/**
 * The base URL's origin, or a Chinese message saying why it cannot be printed on a code.
 * @example baseUrlProblem("https://cunma.example.cn/x") // "PUBLIC_BASE_URL 只能是网站根地址…"
 */
export function baseUrlProblem(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `PUBLIC_BASE_URL 不是有效的网址：${baseUrl}`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "PUBLIC_BASE_URL 必须以 https:// 开头。";
  if (url.pathname !== "/" || url.search || url.hash || url.username) {
    return `PUBLIC_BASE_URL 只能是网站根地址，不能带路径或参数：${baseUrl}`;
  }
  return null;
}

/**
 * The village page's address as people read it (lower case, with the trailing slash).
 * @example villageUrl("https://cunma.example.cn", "371603104201") // "https://cunma.example.cn/v/371603104201/"
 */
export function villageUrl(baseUrl: string, code: string): string {
  return `${new URL(baseUrl).origin}/v/${code}/`;
}

/**
 * The text a village's code holds: the village URL in upper case, for QR alphanumeric mode.
 * @example qrPayload("https://cunma.example.cn", "371603104201") // "HTTPS://CUNMA.EXAMPLE.CN/V/371603104201"
 */
export function qrPayload(baseUrl: string, code: string): string {
  return `${new URL(baseUrl).origin}/V/${code}`.toUpperCase();
}

/**
 * The QR symbol for a village: level H if it fits version 4, else Q; throws if even Q needs a version above 4.
 * @example villageCode("https://cunma.example.cn", "371603104201").version // 4
 */
export function villageCode(baseUrl: string, code: string): VillageCode {
  return symbolOf(baseUrl, qrPayload(baseUrl, code));
}

/**
 * The QR symbol on a household's points card (一户一码): its card URL, `HTTPS://…/H/<16 digits>` in upper
 * case (the worker answers `/H/<code>` with a 301 to `/h/<code>`), at the same levels and sizes.
 * @example householdCode("https://cunma.example.cn", "1234567890123452").payload // "HTTPS://CUNMA.EXAMPLE.CN/H/1234567890123452"
 */
export function householdCode(baseUrl: string, code: string): VillageCode {
  return symbolOf(baseUrl, `${new URL(baseUrl).origin}/H/${code}`.toUpperCase());
}

/** The symbol for `payload`: level H if it fits version 4, else Q; throws if even Q needs more. */
function symbolOf(baseUrl: string, payload: string): VillageCode {
  const problem = baseUrlProblem(baseUrl);
  if (problem) throw new Error(problem);
  for (const level of LEVELS) {
    const symbol = QRCode.create([{ data: payload, mode: "alphanumeric" }], { errorCorrectionLevel: level });
    if (symbol.version > MAX_VERSION) continue;
    const { size, data } = symbol.modules;
    return { payload, version: symbol.version, level, size, dark: (row, col) => data[row * size + col] === 1 };
  }
  throw new Error(
    `网址太长，二维码超过第 ${MAX_VERSION} 版，老人手机不好扫：${payload}（请把 PUBLIC_BASE_URL 缩短到 30 个字符以内）`,
  );
}

/**
 * Why codes for `baseUrl` cannot be printed (not a site root, or too long for version 4), or null. Every
 * village code has 12 digits, so the address fits for all villages if it fits for one.
 * @example qrBudgetProblem("https://cunma.example.cn") // null
 * @example qrBudgetProblem("https://a-very-long-host-name.example.gov.cn") // "网址太长，…"
 */
export function qrBudgetProblem(baseUrl: string): string | null {
  try {
    villageCode(baseUrl, "0".repeat(12));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The code as a standalone SVG (quiet zone included), one path, crisp at any size.
 * @example villageSvg(villageCode(base, "371603104201")) // '<svg xmlns=… viewBox="0 0 41 41">…'
 */
export function villageSvg(symbol: VillageCode): string {
  const side = symbol.size + 2 * QUIET_ZONE;
  let path = "";
  for (let row = 0; row < symbol.size; row++) {
    for (let col = 0; col < symbol.size; col++) {
      if (!symbol.dark(row, col)) continue;
      const start = col;
      while (col + 1 < symbol.size && symbol.dark(row, col + 1)) col++;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col + 1 - start}v1h-${col + 1 - start}z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side * 10}" height="${side * 10}" shape-rendering="crispEdges">` +
    `<title>${symbol.payload}</title><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
