/**
 * The worker's Hono app: each feature is a sub-app mounted here. Whatever no feature answers goes to the
 * static assets, so one worker serves the whole site.
 */
import { except } from "hono/combine";
import { auditRoutes, sealAfterWrites } from "./audit/index.ts";
import { caseRoutes } from "./cases/index.ts";
import { checkpointRoutes } from "./checkpoints/index.ts";
import { checkpointAfterWrites } from "./checkpoints/make.ts";
import { requestContext } from "./config/context.ts";
import { createRouter, documentGuards } from "./contract/router.ts";
import { formRoutes } from "./disclosures/form.ts";
import { disclosureRoutes } from "./disclosures/index.ts";
import { inspectRoutes } from "./disclosures/inspect.ts";
import { publishRoutes } from "./disclosures/publish.ts";
import { ApiError, handleError } from "./errors.ts";
import { gridPublicRoutes, gridRoutes } from "./grid/index.ts";
import { healthRoutes } from "./health/index.ts";
import { mediaRoutes, mediaStaffRoutes } from "./media/index.ts";
import { meetingPages, meetingRoutes } from "./meetings/index.ts";
import { commitWait } from "./pages/flights.ts";
import { textSize, textSizePages } from "./pages/text-size.ts";
import { townPages } from "./pages/town.ts";
import { villagePageFirst, villagePages } from "./pages/village.ts";
import { pointsRoutes } from "./points/index.ts";
import { pointsPages } from "./points/public.ts";
import { powerPages } from "./power/index.ts";
import { qrRoutes } from "./qr/index.ts";
import { reports } from "./reports/index.ts";
import { capBodies } from "./security/body-limit.ts";
import { securityHeaders } from "./security/headers.ts";
import { requireDeployedSecrets } from "./security/secrets.ts";
import { sameOriginOnly } from "./staff/csrf.ts";
import { staffRoutes } from "./staff/index.ts";
import { requireStaff, type StaffEnv } from "./staff/session.ts";

/**
 * Everything under /api/staff: unsafe methods must come from this site (403 otherwise), and everything but
 * login needs a live session (401 otherwise); a staff write seals the audit entries it appended.
 */
function staffConsole() {
  const staff = createRouter<StaffEnv>();
  staff.use(sameOriginOnly());
  staff.use(except("/api/staff/login", requireStaff(), sealAfterWrites()));
  // the fixed /disclosures/… paths before /disclosures/{id}
  for (const feature of [
    staffRoutes,
    auditRoutes,
    caseRoutes,
    mediaStaffRoutes,
    publishRoutes,
    inspectRoutes,
    formRoutes,
    meetingRoutes,
    gridRoutes,
    pointsRoutes,
  ]) {
    staff.route("/", feature);
  }
  documentGuards(staff, { 401: "没有登录，或会话已过期", 403: "不是从本网站发出，或没有权限" }, ["/login"]);
  return staff;
}

/** @example const app = createApp(); await app.request("/v/371603104201/", {}, env); */
export function createApp() {
  const app = createRouter<{ Bindings: Env }>();
  // first: the security headers reach every answer, errors and assets included
  app.use(securityHeaders);
  app.use(capBodies);
  app.use(requestContext); // the parsed configuration and the request's time, for every rule below
  app.use(commitWait); // a request that may have written answers once no view can miss its write
  app.use("/api/villages/:code/reports", requireDeployedSecrets);
  app.use("*", checkpointAfterWrites);
  app.use(textSizePages); // every HTML page in the reader's text size (大字)
  app.get("/v/:code/", villagePageFirst); // the page a meeting scans at once, before all routing
  app.route("/api/staff", staffConsole());
  app.route("/", villagePages);
  app.route("/", qrRoutes);
  app.route("/", disclosureRoutes);
  app.route("/", meetingPages);
  app.route("/", gridPublicRoutes);
  app.route("/", powerPages);
  app.route("/", pointsPages);
  app.route("/", townPages);
  app.route("/", reports);
  app.route("/", mediaRoutes);
  app.route("/", healthRoutes);
  app.route("/", checkpointRoutes);
  app.route("/", textSize);
  app.doc31("/api/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "村码 Cunma API",
      version: "1",
      description:
        "每个村的公开页、码上问/办/监督、回执与评价、镇纪委和村书记的工作台。错误一律是 {error: {code, message, fields?}}。",
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  app.all("/api/*", () => {
    throw new ApiError(404, "not_found", "没有这个接口。");
  });
  app.notFound((c) => c.env.ASSETS.fetch(c.req.raw));
  app.onError(handleError);
  return app;
}
