/**
 * Turning the files of an intake into stored attachments: each is known by its own bytes (415 naming the
 * field otherwise), stripped of its metadata, a voice message held to 60 seconds (422), and stored under a
 * content-addressed key before the report's batch runs. A batch that fails leaves files no row names; they
 * are deleted at once (and any a crash left behind by the daily sweep, retention.ts).
 */
import { t } from "#core/i18n/index.ts";
import { type AttachmentField, attachmentFields, sniffMedia, VOICE_MAX_SECONDS, voiceSeconds } from "#core/media.ts";
import { MediaError, stripMetadata } from "#core/media-strip.ts";
import { ApiError } from "../errors.ts";
import { referencedKeys, type StoredAttachment } from "./queries.ts";

/** A file ready to store: stripped, typed by its bytes, with its SHA-256. */
export interface Attachment extends Omit<StoredAttachment, "key"> {
  data: Uint8Array<ArrayBuffer>;
  sha256: string;
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

const refuse = (status: 415 | 422, code: string, field: AttachmentField, message: string) =>
  new ApiError(status, code, message, { [field]: message });

/**
 * Whether a declared type fits the field: none, a generic one, or the field's own family. The bytes decide
 * the type; a declaration that contradicts the field (a JPEG sent as `text/html`) means the file was
 * disguised, and is refused as well.
 */
const declaredFits = (field: AttachmentField, declared: string) => {
  const type = declared.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "" || type === "application/octet-stream") return true;
  return field === "photo" ? type.startsWith("image/") : /^(audio\/|video\/(webm|mp4|3gpp)$)/.test(type);
};

/** One sent file as an attachment, or the refusal naming its field. */
async function attachmentOf(field: AttachmentField, position: number, file: File): Promise<Attachment> {
  const sent = new Uint8Array(await file.arrayBuffer());
  const media = sniffMedia(sent);
  if (!media || media.field !== field || !declaredFits(field, file.type)) {
    throw refuse(415, "unsupported_media_type", field, t(`media.error.type.${field}`));
  }
  let data: Uint8Array<ArrayBuffer>;
  try {
    data = stripMetadata(sent, media.type);
  } catch (error) {
    if (!(error instanceof MediaError)) throw error;
    throw refuse(415, "unsupported_media_type", field, t(`media.error.broken.${field}`));
  }
  const seconds = field === "voice" ? voiceSeconds(data, media.type) : null;
  if (seconds !== null && seconds > VOICE_MAX_SECONDS + 0.5) {
    throw refuse(422, "invalid", field, t("media.error.long", { max: VOICE_MAX_SECONDS }));
  }
  const sha256 = hex(await crypto.subtle.digest("SHA-256", data));
  return { field, position, contentType: media.contentType, bytes: data.length, seconds, data, sha256 };
}

/**
 * The attachments of an intake form (its `photo` and `voice` files, already capped and counted by the
 * body reader), in field and position order; none for a JSON or plain form body.
 * @example const attachments = await attachmentsOfForm(await c.req.formData());
 * @throws ApiError 415 for a file that is not what its field takes, 422 for a voice message over 60 s
 */
export async function attachmentsOfForm(form: FormData | null): Promise<Attachment[]> {
  if (!form) return [];
  const attachments: Attachment[] = [];
  for (const field of attachmentFields) {
    const files = form.getAll(field).filter((value): value is File => typeof value !== "string");
    for (const [index, file] of files.entries()) attachments.push(await attachmentOf(field, index + 1, file));
  }
  return attachments;
}

/**
 * What a retry must repeat exactly: each attachment's field, position and stored bytes' hash.
 * @example attachmentDigest(attachments) // ["photo-1:9f2c…", "voice-1:07ab…"]
 */
export const attachmentDigest = (attachments: readonly Attachment[]) =>
  attachments.map((a) => `${a.field}-${a.position}:${a.sha256}`);

/**
 * Stores the files under keys made of the intake key's hash, the name and the content hash, so a retry
 * of the same submission writes the same objects again (one copy) and nothing else can collide.
 * @example const stored = await storeAttachments(env.MEDIA, key.hash, attachments);
 */
export async function storeAttachments(
  bucket: R2Bucket,
  intakeHash: string,
  attachments: readonly Attachment[],
): Promise<StoredAttachment[]> {
  return Promise.all(
    attachments.map(async ({ data, sha256, ...rest }) => {
      const key = `${intakeHash.slice(0, 32)}/${rest.field}-${rest.position}-${sha256}`;
      await bucket.put(key, data, { httpMetadata: { contentType: rest.contentType } });
      return { ...rest, key };
    }),
  );
}

/**
 * Deletes those of `keys` no attachment row names (after a batch that did not land).
 * @example await dropOrphans(env.DB, env.MEDIA, stored.map((a) => a.key));
 */
export async function dropOrphans(db: D1Database, bucket: R2Bucket, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const kept = await referencedKeys(db, keys);
  const orphans = keys.filter((key) => !kept.has(key));
  if (orphans.length > 0) await bucket.delete(orphans);
}
