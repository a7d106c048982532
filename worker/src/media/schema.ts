/**
 * The attachment contract: how the intake reads files (caps per field, counts), the name an attachment
 * has in its URLs (`photo-1` … `photo-3`, `voice-1`), and how a bad name is refused.
 */
import { z } from "@hono/zod-openapi";
import { t } from "#core/i18n/index.ts";
import { ATTACHMENT_COUNT, ATTACHMENT_MAX_BYTES, type AttachmentField, MULTIPART_MAX_BYTES } from "#core/media.ts";
import type { FileRules } from "../contract/body.ts";
import { notFound } from "../contract/params.ts";

const fieldName = (field: string) => (field === "photo" || field === "voice" ? t(`media.field.${field}`) : field);

/** The files an intake takes: up to 3 photos of 8 MB and one voice message of 2 MB, 20 MB in all. */
export const intakeFiles: FileRules = {
  maxBytes: MULTIPART_MAX_BYTES,
  fields: {
    photo: { count: ATTACHMENT_COUNT.photo, maxBytes: ATTACHMENT_MAX_BYTES.photo },
    voice: { count: ATTACHMENT_COUNT.voice, maxBytes: ATTACHMENT_MAX_BYTES.voice },
  },
  tooLarge: (field) =>
    field === "photo" || field === "voice" ? t(`media.error.tooLarge.${field}`) : t("media.error.tooLarge.request"),
  tooMany: (field) => t(`media.error.tooMany.${field as AttachmentField}`),
  unknownField: (field) => t("media.error.unknownField", { field: fieldName(field) }),
};

/**
 * An attachment's name in its URL (`photo-1` … `photo-3`, `voice-1`); judged by {@link nameParts}, so a
 * name that is none is a 404 beside a receipt that is checked on its own.
 */
export const attachmentName = z.string().openapi({ param: { name: "name", in: "path" }, example: "photo-1" });

/**
 * A valid attachment name's field and position, or null.
 * @example nameParts("photo-2") // { field: "photo", position: 2 }
 */
export const nameParts = (name: string): { field: AttachmentField; position: number } | null => {
  const match = /^(photo)-([1-3])$|^(voice)-(1)$/.exec(name);
  if (!match) return null;
  return { field: (match[1] ?? match[3]) as AttachmentField, position: Number(match[2] ?? match[4]) };
};

/** An attachment that does not exist, or that the reader may not see: the same 404. */
export const attachmentNotFound = notFound("media.error.notFound");
