/** The village power pages' params: a known village and, where the path has one, a known power item. */
import { z } from "@hono/zod-openapi";
import { powerById } from "#core/power.ts";
import { villageParams } from "../contract/params.ts";

/** `/v/{code}/power/{id}/`: a 小微权力 item of the lists. */
export const powerItemParams = villageParams.extend({
  id: z
    .string()
    .regex(/^[pn]\d{2}$/)
    .refine((id) => powerById(id) !== undefined)
    .openapi({ param: { name: "id", in: "path" }, example: "n14" }),
});
