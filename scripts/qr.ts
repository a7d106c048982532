/**
 * `npm run qr -- --out DIR [--town CODE] [--base-url URL]`: every village's QR code (DIR/<code>-<name>.svg
 * and .png) and one A4 poster PDF per town (DIR/<code>-<name>.pdf). The base URL defaults to wrangler.toml's
 * PUBLIC_BASE_URL, the address the worker serves. Encoding the placeholder address is allowed (for trying
 * it out) but warned about on stderr, before and again after the run, so nobody prints it unawares.
 *
 * `npm run qr -- --households --village CODE --out DIR [--remote]`: the village's household points cards
 * (一户一码, DIR/<code>-<name>-积分卡.pdf), each household given a new code (scripts/qr/cards.ts).
 */
import { parseArgs } from "node:util";
import { t } from "#core/i18n/index.ts";
import { configuredBaseUrl, placeholderWarning } from "./qr/config.ts";
import { printHouseholdCards, QrOptionError, writeVillageCodes } from "./qr/generate.ts";

const USAGE = "用法：npm run qr -- --out 文件夹 [--town 镇街代码] [--base-url 网址]";

try {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      town: { type: "string" },
      "base-url": { type: "string" },
      households: { type: "boolean" },
      village: { type: "string" },
      remote: { type: "boolean" },
      "persist-to": { type: "string" },
    },
  });
  if (!values.out) throw new QrOptionError(`--out：请指定输出文件夹。${USAGE}`);
  const baseUrl = values["base-url"] ?? configuredBaseUrl();
  const warning = placeholderWarning(baseUrl);
  if (warning) console.error(warning);
  if (values.households) {
    const target = values.remote ? { remote: true } : { persistTo: values["persist-to"] };
    const { file, count, village } = await printHouseholdCards(target, values.out, values.village, baseUrl);
    console.log(t("points.print.done", { village, count, file }));
    if (warning) console.error(`\n${warning}`);
    process.exit(0);
  }
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
