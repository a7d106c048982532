/**
 * The reply templates staff start an answer from (schema/data/reply-templates.json). Their blanks are
 * written "……"; an answer still holding one (or half of one) must not reach the villager.
 */
import templates from "./data/reply-templates.json" with { type: "json" };

export interface ReplyTemplate {
  id: string;
  title: string;
  text: string;
}

export const replyTemplates: readonly ReplyTemplate[] = templates;

/** How a template marks what the answer must fill in. */
export const REPLY_PLACEHOLDER = "……";

/**
 * The words just before the first blank left in `answer` (so the message can say where it is), or null
 * when every blank is filled. Any "…" counts: deleting half of a "……" still leaves a blank.
 * @example unfilledBlank("您好，结果如下：……。请评价。") // "结果如下："
 * @example unfilledBlank("您好，路灯已经换好。") // null
 */
export function unfilledBlank(answer: string): string | null {
  const at = answer.indexOf("…");
  if (at < 0) return null;
  const before =
    answer
      .slice(0, at)
      .split(/[。！？\n]/)
      .at(-1) ?? "";
  return before.replace(/^[，,\s]+/, "").slice(-12);
}
