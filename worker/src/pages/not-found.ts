/**
 * The friendly 404 page (built by Astro as /404.html), served with status 404.
 * @example return notFoundPage(c.env, c.req.url);
 */
export async function notFoundPage(env: Env, url: string): Promise<Response> {
  const page = await env.ASSETS.fetch(new URL("/404.html", url));
  return new Response(page.body, {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
