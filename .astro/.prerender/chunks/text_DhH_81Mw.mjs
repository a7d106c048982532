import { z } from "zod";
// schema/text.ts
/**
* Text that shows what it stores. Every public and staff text field goes through {@link safeText}, so
* nothing can read differently from what is stored and hashed: no bidi controls (支出\u202e0051\u202c元
* displays as "支出1500元"), no control characters (NUL, ESC, DEL, C1), no invisible formatting
* characters (zero-width space, joiner outside an emoji, BOM inside text, soft hyphen, tag characters…),
* and no lone surrogates. Ordinary newlines and tabs are allowed in multi-line fields only. Pure; shared
* by the worker, the site and the scripts.
*/
/**
* Controls (Cc), format characters (Cf: bidi marks, embeddings, overrides and isolates, zero-width
* characters, BOM, soft hyphen, tags), line and paragraph separators, surrogates (Cs: a lone half of a
* pair), the Hangul fillers that render as nothing, and variation selectors 17–256.
*/
var HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0\u{E0100}-\u{E01EF}]/gu;
/** A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is part of the picture, not hidden. */
var EMOJI_JOINER = /(\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200D(?=\p{Extended_Pictographic})/gu;
var MULTI_LINE = /* @__PURE__ */ new Set([
	"\n",
	"\r",
	"	"
]);
/** Refined text's issue message; schema mappers may look for it to say what was wrong. */
var HIDDEN_TEXT = "hidden_characters";
/**
* The first character of `text` that would not show as what it is, or null when there is none.
* @example hiddenCharacter("支出\u202e0051\u202c元") // "\u202e"
* @example hiddenCharacter("第一行\n第二行", { multiline: true }) // null
*/
function hiddenCharacter(text, options = {}) {
	for (const [ch] of text.replace(EMOJI_JOINER, "$1").matchAll(HIDDEN)) {
		if (options.multiline && MULTI_LINE.has(ch)) continue;
		return ch;
	}
	return null;
}
/**
* A trimmed string of `min`..`max` characters with no hidden characters (newlines and tabs only when
* `multiline`). Its hidden-character issue carries the message {@link HIDDEN_TEXT}.
* @example z.object({ title: safeText(60) })
* @example z.object({ note: safeText(2000, { multiline: true }) })
*/
function safeText(max, options = {}) {
	return z.string().trim().min(options.min ?? 1).max(max).refine((s) => hiddenCharacter(s, options) === null, { message: HIDDEN_TEXT });
}
export { safeText as t };
