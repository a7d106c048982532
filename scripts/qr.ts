/**
 * `npm run qr -- --out DIR [--town CODE] [--base-url URL]`: every village's QR code (DIR/<code>-<name>.svg
 * and .png) and one A4 poster PDF per town (DIR/<code>-<name>.pdf). The base URL defaults to wrangler.toml's
 * PUBLIC_BASE_URL, the address the worker serves. Encoding the placeholder address is allowed (for trying
 * it out) but warned about on stderr, before and again after the run, so nobody prints it unawares.
 */
import { parseArgs } from "node:util";
import { configuredBaseUrl, placeholderWarning } from "./qr/config.ts";
import { QrOptionError, writeVillageCodes } from "./qr/generate.ts";

const USAGE = "用法：npm run qr -- --out 文件夹 [--town 镇街代码] [--base-url 网址]";

try {
  const { values } = parseArgs({
    options: { out: { type: "string" }, town: { type: "string" }, "base-url": { type: "string" } },
  });
  if (!values.out) throw new QrOptionError(`--out：请指定输出文件夹。${USAGE}`);
  const baseUrl = values["base-url"] ?? configuredBaseUrl();
  const warning = placeholderWarning(baseUrl);
  if (warning) console.error(warning);
  const started = performance.now();
  const run = await writeVillageCodes({ out: values.out, town: values.town, baseUrl });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `已生成 ${run.villages} 个村的二维码和 ${run.towns.length} 份镇街海报，在 ${values.out}（${seconds.toFixed(1)} 秒）`,
  );
  if (warning) console.error(`\n${warning}`);
} catch (error) {
  const badArgument = (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  if (!(error instanceof QrOptionError) && !badArgument) throw error;
  console.error(badArgument ? `${USAGE}\n（${(error as Error).message}）` : (error as Error).message);
  process.exitCode = 1;
}
