/**
 * The worker's Hono app: each feature is a sub-app mounted here. Whatever no feature answers goes to the
 * static assets, so one worker serves the whole site.
 */
import { Hono } from "hono";
import { ApiError, handleError } from "./errors.ts";
import { villagePages } from "./pages/village.ts";

/** @example const app = createApp(); await app.request("/v/371603104201/", {}, env); */
export function createApp() {
  const app = new Hono<{ Bindings: Env }>();
  app.route("/", villagePages);
  app.all("/api/*", () => {
    throw new ApiError(404, "not_found", "没有这个接口。");
  });
  app.notFound((c) => c.env.ASSETS.fetch(c.req.raw));
  app.onError(handleError);
  return app;
}
