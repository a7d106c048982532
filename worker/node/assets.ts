/**
 * The `ASSETS` binding for the self-hosted runtime: site/dist served the way Workers static assets serve
 * it with `not_found_handling = "404-page"`: `/v/x/` is `/v/x/index.html`, `/v/x` is `/v/x.html` or
 * `/v/x/index.html`, with the headers of `_headers`, an ETag, 405 for other methods than GET and HEAD,
 * and the 404 page (status 404) for anything missing.
 */
import { readFile, stat } from "node:fs/promises";
import { join, normalize } from "node:path";
import { getMimeType } from "hono/utils/mime";
import { matches } from "../src/pages/serve.ts";

interface HeaderRule {
  pattern: RegExp;
  set: [string, string][];
  unset: string[];
}

/** The rules of a `_headers` file: a path pattern line, then indented `Name: value` (or `! Name`) lines. */
function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/:[A-Za-z]\w*/g, "[^/]+");
      rules.push({ pattern: new RegExp(`^${source}$`), set: [], unset: [] });
      continue;
    }
    const rule = rules.at(-1);
    const entry = line.trim();
    if (!rule) continue;
    if (entry.startsWith("!")) rule.unset.push(entry.slice(1).trim());
    else {
      const colon = entry.indexOf(":");
      if (colon > 0) rule.set.push([entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

const isFile = async (path: string) => (await stat(path).catch(() => null))?.isFile() ?? false;

/** Files the assets layer keeps to itself. */
const hidden = new Set(["/_headers", "/_redirects", "/.assetsignore"]);

/**
 * The file a path names: the exact file, else `<path>.html`, else `<path>/index.html`, or null (the
 * binding answers these itself, without redirects, as workerd's does).
 */
async function resolve(dir: string, pathname: string): Promise<string | null> {
  if (hidden.has(pathname)) return null;
  const candidates = pathname.endsWith("/")
    ? [`${pathname}index.html`]
    : [pathname, `${pathname}.html`, `${pathname}/index.html`];
  for (const candidate of candidates) {
    const file = join(dir, normalize(candidate));
    if (await isFile(file)) return file;
  }
  return null;
}

/**
 * The `ASSETS` binding over a built site directory.
 * @example const env = { ASSETS: assetsBinding("site/dist") }; await env.ASSETS.fetch("http://x/v/371603104201/");
 */
export function assetsBinding(dir: string): Fetcher {
  let rules: Promise<HeaderRule[]> | undefined;
  const headerRules = () => {
    rules ??= readFile(join(dir, "_headers"), "utf8").then(parseHeaders, () => []);
    return rules;
  };

  const withRules = async (pathname: string, headers: Headers) => {
    for (const rule of await headerRules()) {
      if (!rule.pattern.test(pathname)) continue;
      for (const name of rule.unset) headers.delete(name);
      for (const [name, value] of rule.set) headers.set(name, value);
    }
    return headers;
  };

  const serve = async (request: Request, file: string, status: number, pathname: string) => {
    const info = await stat(file);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers = await withRules(
      pathname,
      new Headers({
        "Content-Type": getMimeType(file) ?? "application/octet-stream",
        "Cache-Control": "public, max-age=0, must-revalidate",
        ETag: etag,
      }),
    );
    // weakly: a proxy that compresses the file (nginx's gzip) hands the browser a weak W/"…" tag
    if (status === 200 && matches(request.headers.get("If-None-Match") ?? undefined, etag))
      return new Response(null, { status: 304, headers });
    const body = request.method === "HEAD" ? null : await readFile(file);
    headers.set("Content-Length", String(info.size));
    return new Response(body, { status, headers });
  };

  const fetchAsset = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input instanceof URL ? input.href : input, init);
    const url = new URL(request.url);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response(null, { status: 405, headers: await withRules(url.pathname, new Headers()) });
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    const found = pathname.includes("\0") ? null : await resolve(dir, pathname);
    if (found) return serve(request, found, 200, pathname);
    const notFound = join(dir, "404.html");
    if (await isFile(notFound)) return serve(request, notFound, 404, pathname);
    return new Response(null, { status: 404 });
  };

  return { fetch: fetchAsset, connect: () => Promise.reject(new Error("not supported")) } as unknown as Fetcher;
}
