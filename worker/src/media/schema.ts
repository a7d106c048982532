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

/** An attachment's name in its URL. */
export const attachmentName = z
  .string()
  .regex(/^(photo-[1-3]|voice-1)$/)
  .openapi({ param: { name: "name", in: "path" }, example: "photo-1" });

/** Splits a valid attachment name into its field and position. */
export const nameParts = (name: string) => {
  const [field, position] = name.split("-") as [AttachmentField, string];
  return { field, position: Number(position) };
};

/** An attachment that does not exist, or that the reader may not see: the same 404. */
export const attachmentNotFound = notFound("media.error.notFound");
