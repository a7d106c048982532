/**
 * `npm run backup -- --out FILE`: a consistent online backup of the self-hosted database
 * (DATA_DIR/cunma.sqlite), safe while `npm run serve` is writing. With `--out FILE.sql` it writes SQL
 * that `wrangler d1 execute --file` loads into an empty D1 instead (moving a district to Cloudflare). The
 * villagers' photos and voice messages (DATA_DIR/media) are copied to `FILE.media` beside it.
 * Reads DATA_DIR from the environment or `--env-file`.
 * @example npm run backup -- --out /var/backups/cunma/$(date +%F).sqlite
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, backupMedia, dumpSql, mediaBackupOf } from "../worker/node/backup.ts";
import { databaseFile, dataDir, mediaDir } from "../worker/node/data.ts";

const { values } = parseArgs({ options: { out: { type: "string" }, "env-file": { type: "string" } } });
if (values["env-file"]) process.loadEnvFile(values["env-file"]);
if (!values.out) {
  console.error("usage: npm run backup -- --out FILE");
  process.exit(2);
}
const dir = dataDir(process.env);
const database = databaseFile(dir);
if (values.out.endsWith(".sql")) {
  // from a fresh backup, so the server is never held up by the dump
  const dir = mkdtempSync(join(tmpdir(), "cunma-dump-"));
  try {
    backupDatabase(database, join(dir, "snapshot.sqlite"));
    writeFileSync(values.out, dumpSql(join(dir, "snapshot.sqlite")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else backupDatabase(database, values.out);
// after the database: every file its copy names is stored already (worker/node/backup.ts)
const files = backupMedia(mediaDir(dir), mediaBackupOf(values.out));
console.log(`backed up ${database} to ${values.out}, and ${files} attachments to ${mediaBackupOf(values.out)}`);
