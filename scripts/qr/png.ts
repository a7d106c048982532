/** The code alone as a black-and-white PNG, quiet zone included. */
import { PNG } from "pngjs";
import { QUIET_ZONE, type VillageCode } from "#core/qr.ts";

/** 16 px a module: a version-4 code is 656 px, sharp enough for a 12 cm print at 130 dpi. */
export const PIXELS_PER_MODULE = 16;

/**
 * @example writeFileSync("371603104201.png", codePng(villageCode(base, "371603104201")))
 */
export function codePng(symbol: VillageCode): Buffer {
  const side = (symbol.size + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
  const png = new PNG({ width: side, height: side, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = Buffer.alloc(side * side, 255);
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / PIXELS_PER_MODULE) - QUIET_ZONE;
    for (let x = 0; x < side; x++) {
      const col = Math.floor(x / PIXELS_PER_MODULE) - QUIET_ZONE;
      if (row >= 0 && col >= 0 && row < symbol.size && col < symbol.size && symbol.dark(row, col)) {
        png.data[y * side + x] = 0;
      }
    }
  }
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}
