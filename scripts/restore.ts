/**
 * `npm run restore -- --from FILE`: puts a backup back as the self-hosted database, with the server
 * stopped (it refuses while one runs), and the attachments of `FILE.media` as DATA_DIR/media. The replaced
 * database and folder are kept beside them. Reads DATA_DIR from the
 * environment or `--env-file`.
 * @example systemctl stop cunma && npm run restore -- --from /var/backups/cunma/2026-12-02.sqlite && systemctl start cunma
 */
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { mediaBackupOf, restoreDatabase, restoreMedia } from "../worker/node/backup.ts";
import { databaseFile, dataDir, mediaDir } from "../worker/node/data.ts";

const { values } = parseArgs({ options: { from: { type: "string" }, "env-file": { type: "string" } } });
if (values["env-file"]) process.loadEnvFile(values["env-file"]);
if (!values.from) {
  console.error("usage: npm run restore -- --from FILE");
  process.exit(2);
}
const dir = dataDir(process.env);
mkdirSync(dir, { recursive: true });
try {
  const kept = restoreDatabase(values.from, databaseFile(dir));
  console.log(
    `restored ${values.from} into ${databaseFile(dir)}${kept ? `; the previous database is kept as ${kept}` : ""}`,
  );
  const from = mediaBackupOf(values.from);
  const media = restoreMedia(from, mediaDir(dir));
  if (!media.restored) {
    console.log(
      `no attachments folder beside the backup (${from}): the photos and voice messages in ${mediaDir(dir)}, if any, are left as they are`,
    );
  } else {
    const kept = media.kept ? `; the previous ones are kept as ${media.kept}` : "";
    console.log(`restored the attachments from ${from} into ${mediaDir(dir)}${kept}`);
  }
} catch (err) {
  console.error(`restore refused: ${(err as Error).message}`);
  process.exit(1);
}
