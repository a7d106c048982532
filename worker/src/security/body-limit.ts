/**
 * Caps the bytes any route reads, whether the body declares its length or arrives chunked: a body past the
 * cap is refused with a 413 in the shared error shape before a handler reads it. The caps sit above each
 * feature's own (16 KB for intake and case actions), so those keep answering in their own words; this only
 * stops what no route could want.
 */
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { t } from "#core/i18n/index.ts";
import { CSV_MAX_BYTES } from "#core/publish.ts";
import { ApiError } from "../errors.ts";

/** Every route but publishing: four times the largest body a villager's form or a case action sends. */
export const BODY_CAP_BYTES = 64 * 1024;
/**
 * Publishing a disclosure (a CSV in base64, 4/3 of it, plus typed rows) or a meeting (up to 50 questions
 * of 3,000 characters) stays under this.
 */
export const PUBLISH_BODY_CAP_BYTES = 2 * CSV_MAX_BYTES;

const tooLarge = () => {
  throw new ApiError(413, "too_large", t("security.error.tooLarge"));
};

const publishLimit = bodyLimit({ maxSize: PUBLISH_BODY_CAP_BYTES, onError: tooLarge });
const defaultLimit = bodyLimit({ maxSize: BODY_CAP_BYTES, onError: tooLarge });
const publishing = /^\/api\/staff\/(disclosures|meetings)(\/|$)/;
const intake = /^\/api\/villages\/[^/]+\/reports$/;
const multipart = (contentType: string | undefined) =>
  (contentType ?? "").trim().toLowerCase().startsWith("multipart/form-data");

/**
 * Caps the body of every request: the publishing cap for disclosures and meetings, the default elsewhere;
 * an intake with files is capped by its own streaming reader instead.
 * @example app.use(capBodies);
 */
export const capBodies = createMiddleware((c, next) => {
  // a report with photos or a voice message: the intake's own reader (contract/body.ts) caps the request
  // and each file as it streams; hono's limiter would buffer up to the whole 20 MB before refusing
  if (intake.test(c.req.path) && multipart(c.req.header("content-type"))) return next();
  return (publishing.test(c.req.path) ? publishLimit : defaultLimit)(c, next);
});
