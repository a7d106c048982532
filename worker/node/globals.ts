/**
 * The Workers globals Node lacks, installed on import: `HTMLRewriter`. Imported before the worker's
 * modules by worker/node/runtime.ts.
 */
import { NodeHTMLRewriter } from "./html-rewriter.ts";

(globalThis as { HTMLRewriter?: unknown }).HTMLRewriter ??= NodeHTMLRewriter;
