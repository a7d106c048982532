/** Where the self-hosted runtime keeps its data: one SQLite file in DATA_DIR (default ./data). */
import { join, resolve } from "node:path";

const root = join(import.meta.dirname, "..", "..");

/**
 * The data directory, absolute.
 * @example dataDir({ DATA_DIR: "/var/lib/cunma" }) // "/var/lib/cunma"
 */
export const dataDir = (env: Record<string, string | undefined>) => resolve(root, env.DATA_DIR ?? "data");

/**
 * The database file inside a data directory.
 * @example databaseFile("/var/lib/cunma") // "/var/lib/cunma/cunma.sqlite"
 */
export const databaseFile = (dir: string) => join(dir, "cunma.sqlite");

/**
 * The attachment folder inside a data directory (issue 17), as the runtime opens it.
 * @example mediaDir("/var/lib/cunma") // "/var/lib/cunma/media"
 */
export const mediaDir = (dir: string) => join(dir, "media");
