/**
 * Loads the `--env-file FILE` of the command line into `process.env` as soon as this module is evaluated.
 * Import it first: settings read while modules are evaluated (CUNMA_DATA_DIR, which schema/reference.ts
 * reads once) then see the file, not only those read later. Variables already in the environment win.
 * (Node itself only checks that a script's `--env-file` can be read, nodejs/node#54232: when it cannot,
 * Node stops with `node: FILE: not found` before the script runs.)
 * @example import "./lib/env-file.ts"; // first line of scripts/serve.ts
 */
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { "env-file": { type: "string" } }, strict: false });
if (typeof values["env-file"] === "string") process.loadEnvFile(values["env-file"]);
