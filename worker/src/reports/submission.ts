/** The canonical form of a submission, shared by the villager's intake and cases staff file for villagers. */

import { sha256Hex } from "#core/hash.ts";
import { type ReportInput, reportValues } from "#core/report.ts";
import { type Attachment, attachmentDigest } from "../media/store.ts";

/**
 * The hash of the canonical submission, its files included: a retry must repeat it exactly to get the
 * same receipt. Without files it is what it was before attachments existed.
 * @example await submissionHash("371603104201", { kind: "question", topic: "affairs", content: "……" })
 */
export const submissionHash = (
  village: string,
  input: ReportInput,
  attachments: readonly Attachment[] = [],
): Promise<string> =>
  sha256Hex(
    JSON.stringify([
      ...(attachments.length > 0 ? [attachmentDigest(attachments)] : []),
      village,
      ...reportValues(input),
    ]),
  );
