/**
 * `npm run backup -- --out FILE`: a consistent online backup of the self-hosted database
 * (DATA_DIR/cunma.sqlite), safe while `npm run serve` is writing. Reads DATA_DIR from the environment or
 * `--env-file`.
 * @example npm run backup -- --out /var/backups/cunma/$(date +%F).sqlite
 */
import { parseArgs } from "node:util";
import { backupDatabase } from "../worker/node/backup.ts";
import { databaseFile, dataDir } from "../worker/node/data.ts";

const { values } = parseArgs({ options: { out: { type: "string" }, "env-file": { type: "string" } } });
if (values["env-file"]) process.loadEnvFile(values["env-file"]);
if (!values.out) {
  console.error("usage: npm run backup -- --out FILE");
  process.exit(2);
}
const database = databaseFile(dataDir(process.env));
backupDatabase(database, values.out);
console.log(`backed up ${database} to ${values.out}`);
