/** Where the repository and its wrangler are, without loading wrangler itself (a start that has nothing to redo stays quick). */
import { join } from "node:path";

export const root = new URL("../..", import.meta.url).pathname;
export const wranglerBin = join(root, "node_modules", ".bin", "wrangler");
