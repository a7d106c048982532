/** Validation of the QR routes' params (zod, read through `c.req.valid`). */
import { validator } from "hono/validator";
import { z } from "zod";
import { villageByCode } from "../../../schema/reference.ts";
import { notFoundPage } from "../pages/serve.ts";

const codeSchema = z.object({ code: z.string().regex(/^\d{12}$/) });

/** A known village's 12-digit code; anything else gets the friendly 404 page, as a scanned URL would. */
export const villageParam = validator("param", (value, c) => {
  const parsed = codeSchema.safeParse(value);
  if (!parsed.success || !villageByCode(parsed.data.code)) return notFoundPage(c.env, c.req.url);
  return parsed.data;
});
