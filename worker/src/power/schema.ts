/** Validation of the village power pages' params: unknown villages or items get the friendly 404 page. */
import { validator } from "hono/validator";
import { z } from "zod";
import { powerById } from "../../../schema/power.ts";
import { villageByCode } from "../../../schema/reference.ts";
import { notFoundPage } from "../pages/serve.ts";

const params = z.object({
  code: z
    .string()
    .regex(/^\d{12}$/)
    .refine((code) => villageByCode(code) !== undefined),
  id: z
    .string()
    .regex(/^[pn]\d{2}$/)
    .refine((id) => powerById(id) !== undefined)
    .optional(),
});

/** `:code` (and `:id` where the route has one) of a known village and power item. */
export const powerPageParams = validator("param", (value, c) => {
  const parsed = params.safeParse(value);
  if (!parsed.success) return notFoundPage(c.env, c.req.url);
  return parsed.data;
});
