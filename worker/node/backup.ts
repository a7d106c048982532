/**
 * Backups of the self-hosted database. A backup is `VACUUM INTO` on its own connection: one read
 * transaction, so in WAL mode it is a consistent snapshot while the server keeps writing, and every write
 * acknowledged before it started is in it. A restore checks the copy (or builds one from a `wrangler d1
 * export` SQL file), keeps the current file beside it and refuses while a server holds the database.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename } from "node:path";
import { DatabaseSync } from "node:sqlite";

/** The file a running server keeps its process id in, beside the database. */
export const pidFile = (database: string) => `${database}.pid`;

/**
 * Marks the database as in use by this process (removed by `release`).
 * @example const release = holdDatabase("data/cunma.sqlite"); …; release();
 */
export function holdDatabase(database: string): () => void {
  writeFileSync(pidFile(database), String(process.pid));
  return () => rmSync(pidFile(database), { force: true });
}

/** The id of a live process serving the database, or null. */
export function serverOf(database: string): number | null {
  if (!existsSync(pidFile(database))) return null;
  const pid = Number(readFileSync(pidFile(database), "utf8"));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Throws unless the SQLite file passes `PRAGMA integrity_check` and has applied migrations. */
function checkDatabase(file: string): void {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const { integrity_check: result } = db.prepare("PRAGMA integrity_check").get() as { integrity_check: string };
    if (result !== "ok") throw new Error(`${file} is damaged: ${result}`);
    db.prepare("SELECT COUNT(*) FROM d1_migrations").get();
  } finally {
    db.close();
  }
}

/** A value as a SQL literal. */
function literal(value: unknown): string {
  if (value === null) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof Uint8Array) return `X'${Buffer.from(value).toString("hex")}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * The database as SQL that `wrangler d1 execute --file` loads into an empty D1: every table first, then
 * the rows, then indexes and triggers (so the append-only and sealing triggers do not fire on the rows
 * being copied). Reads one snapshot.
 * @example writeFileSync("cunma.sql", dumpSql("backup.sqlite"));
 */
export function dumpSql(database: string): string {
  const db = new DatabaseSync(database, { readOnly: true });
  try {
    db.exec("BEGIN");
    const objects = db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY rowid",
      )
      .all() as { type: string; name: string; sql: string }[];
    const tables = objects.filter((o) => o.type === "table");
    const lines = ["PRAGMA defer_foreign_keys = TRUE;", ...tables.map((t) => `${t.sql};`)];
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table.name.replaceAll('"', '""')}"`).all() as Record<string, unknown>[];
      for (const row of rows) {
        const columns = Object.keys(row)
          .map((c) => `"${c}"`)
          .join(", ");
        lines.push(`INSERT INTO "${table.name}" (${columns}) VALUES (${Object.values(row).map(literal).join(", ")});`);
      }
    }
    lines.push(...objects.filter((o) => o.type !== "table").map((o) => `${o.sql};`));
    db.exec("COMMIT");
    return `${lines.join("\n")}\n`;
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of the live database to `out` (which must not exist) and checks it.
 * @example backupDatabase("data/cunma.sqlite", "/var/backups/cunma/2026-12-02.sqlite")
 */
export function backupDatabase(database: string, out: string): void {
  if (!existsSync(database)) throw new Error(`no database at ${database}`);
  if (existsSync(out)) throw new Error(`${out} exists already; choose a new file`);
  const db = new DatabaseSync(database, { timeout: 30_000 });
  try {
    db.prepare("VACUUM INTO ?").run(out);
  } finally {
    db.close();
  }
  checkDatabase(out);
}

/** Builds a SQLite file from SQL text (`wrangler d1 export` output), in one transaction. */
function importSql(sqlFile: string, out: string): void {
  rmSync(out, { force: true });
  // keys checked once at the end: an export lists a table's rows before the tables they point at
  const db = new DatabaseSync(out, { enableForeignKeyConstraints: false });
  try {
    db.exec("BEGIN");
    db.exec(readFileSync(sqlFile, "utf8"));
    db.exec("COMMIT");
    const broken = db.prepare("PRAGMA foreign_key_check").all();
    if (broken.length > 0) throw new Error(`${sqlFile} has ${broken.length} rows pointing at missing rows`);
  } finally {
    db.close();
  }
}

/**
 * Puts a backup (a SQLite file, or the `.sql` of `wrangler d1 export`) in place of the database while no
 * server runs; the replaced file is kept as `<database>.before-restore-<time>`. Returns that name (or null
 * when there was no database).
 * @example restoreDatabase("/var/backups/cunma/2026-12-02.sqlite", "data/cunma.sqlite")
 */
export function restoreDatabase(from: string, database: string): string | null {
  const pid = serverOf(database);
  if (pid !== null) throw new Error(`a server (process ${pid}) is using ${database}; stop it first`);
  const incoming = `${database}.restoring`;
  try {
    if (from.endsWith(".sql")) importSql(from, incoming);
    else copyFileSync(from, incoming);
    checkDatabase(incoming);
  } catch (err) {
    rmSync(incoming, { force: true });
    throw err;
  }
  let kept: string | null = null;
  if (existsSync(database)) {
    // fold the write-ahead log into the file being replaced, so the kept copy is whole
    const old = new DatabaseSync(database);
    old.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    old.close();
    kept = `${database}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(database, kept);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true });
  renameSync(incoming, database);
  return kept;
}

/** The attachments folder a backup file carries beside it: `<backup>.media`. */
export const mediaBackupOf = (backup: string) => `${backup}.media`;

/**
 * Copies the attachment folder (DATA_DIR/media) to `out`. Run after the database backup: attachments are
 * written once and never changed, and each is stored before the row that names it, so every file the
 * database copy names is already there (one the retention cron deleted meanwhile belongs to a row it
 * also cleared). Half-written `.tmp-*` files are left out. Returns how many files were copied.
 * @example backupMedia("data/media", "/var/backups/cunma/2026-12-02.sqlite.media") // 42
 */
export function backupMedia(media: string, out: string): number {
  if (existsSync(out)) throw new Error(`${out} exists already; choose a new file`);
  mkdirSync(out, { recursive: true });
  if (!existsSync(media)) return 0;
  let copied = 0;
  cpSync(media, out, {
    recursive: true,
    filter: (source) => {
      if (basename(source).startsWith(".tmp-")) return false;
      if (statSync(source).isFile()) copied++;
      return true;
    },
  });
  return copied;
}

/**
 * Puts a backup's attachment folder in place of DATA_DIR/media (server stopped, like the database); the
 * replaced folder is kept as `<media>.before-restore-<time>`. Says whether it restored anything and the
 * name the replaced folder is kept under (null when there was none). A backup without a folder (taken
 * before attachments existed, or a `.sql` dump) restores nothing and leaves media as it is.
 * @example restoreMedia("/var/backups/cunma/2026-12-02.sqlite.media", "data/media") // { restored: true, kept: null }
 */
export function restoreMedia(from: string, media: string): { restored: boolean; kept: string | null } {
  if (!existsSync(from)) return { restored: false, kept: null };
  let kept: string | null = null;
  if (existsSync(media)) {
    kept = `${media}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(media, kept);
  }
  cpSync(from, media, { recursive: true });
  return { restored: true, kept };
}
