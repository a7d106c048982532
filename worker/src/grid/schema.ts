import { z } from "@hono/zod-openapi";
import { gridAreaCode, townCode } from "#core/ids.ts";

/** The grid routes' contract: how a bad 代办, patrol report or 百姓夜话 is refused, in Chinese, per field. */

import { gridAreas } from "#core/grid.ts";
import { TALK_PLACE_MAX } from "#core/grid-work.ts";
import { t } from "#core/i18n/index.ts";
import { CONTENT_MAX, CONTENT_MIN } from "#core/report.ts";
import { exampleTown, inQuery } from "../contract/params.ts";
import type { FieldMessage, Refusal } from "../contract/refusal.ts";
import { reportRefusal } from "../reports/schema.ts";

const content: FieldMessage = (issue) =>
  issue.code === "too_small"
    ? t("reports.error.field.contentShort", { min: CONTENT_MIN })
    : issue.code === "too_big"
      ? t("reports.error.field.contentLong", { max: CONTENT_MAX })
      : t("reports.error.field.content");

/** A bad 代办 or patrol report: a 422 naming each field, the contact's by their own names. */
export const gridCaseRefusal: Refusal = {
  status: 422,
  code: "invalid",
  message: () => t("grid.error.invalid"),
  flatten: ["contact"],
  fields: {
    ...reportRefusal.fields,
    grid: () => t("grid.error.grid"),
    category: () => t("grid.error.category"),
    content,
  },
};

/** A bad 百姓夜话: a 422 naming each field; a request by its number (`requests.2`). */
export const talkRefusal: Refusal = {
  status: 422,
  code: "invalid",
  message: () => t("grid.error.invalid"),
  fields: {
    grid: () => t("grid.error.grid"),
    heldOn: () => t("grid.error.heldOn"),
    place: () => t("grid.error.place", { max: TALK_PLACE_MAX }),
    attendees: () => t("grid.error.attendees"),
    requests: (_issue, n) => (n ? t("grid.error.request", { n, min: CONTENT_MIN }) : t("grid.error.invalid")),
  },
};

const optional = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** `?town=` (a town's 管区) or `?area=` (a 管区's grids); neither: the district by town. */
export const gridFiguresQuery = z.object({
  town: optional(townCode).openapi(inQuery("town", exampleTown)),
  area: optional(gridAreaCode).openapi(inQuery("area", gridAreas.find((a) => a.town === exampleTown)?.id ?? "")),
});

/** An unknown town or 管区 in the figures' query: a 404 naming the field. */
export const unknownGridPlace: Refusal = {
  status: 404,
  code: "not_found",
  message: (fields) => (fields?.area ? t("grid.error.unknownArea") : t("grid.error.unknownTown")),
  fields: { town: () => t("grid.error.unknownTown"), area: () => t("grid.error.unknownArea") },
};
