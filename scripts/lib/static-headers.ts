/**
 * The `_headers` file for site/dist: the static assets that the assets layer serves without the worker get
 * exactly the security headers the worker sets on an https answer (worker/src/security/headers.ts), read
 * from the worker's own middleware so the two can never drift apart.
 */
import { Hono } from "hono";
import { securityHeaders } from "../../worker/src/scripting.ts";

/** Headers the middleware sets that belong to the request, not to a file. */
const perResponse = new Set(["content-type", "content-length"]);

/**
 * The security headers, name → value, as the worker sends them over https.
 * @example (await staticSecurityHeaders())["x-content-type-options"] // "nosniff"
 */
export async function staticSecurityHeaders(): Promise<Record<string, string>> {
  const app = new Hono();
  app.use(securityHeaders);
  app.get("/", () => new Response(null, { status: 204 }));
  const res = await app.request("https://static.invalid/");
  return Object.fromEntries([...res.headers].filter(([name]) => !perResponse.has(name)));
}

/**
 * The text of `_headers`: every path gets the security headers. (HSTS too: the file cannot tell https
 * from http, and browsers ignore HSTS received over http.)
 * @example writeFileSync("site/dist/_headers", await headersFile());
 */
export async function headersFile(): Promise<string> {
  const lines = Object.entries(await staticSecurityHeaders()).map(([name, value]) => `  ${name}: ${value}`);
  return `# Written by the site build from worker/src/security/headers.ts; do not edit.\n/*\n${lines.join("\n")}\n`;
}
