import { t as safeText } from "./text_DhH_81Mw.mjs";
import { z } from "zod";
// schema/report.ts
/**
* Villagers' reports (码上问 · 码上办 · 我要监督): kinds, topics, states, the intake and rating inputs,
* receipts with their check digit, and the public case figures. Shared by the site, the worker and the
* staff console.
*/
var reportKinds = [
	"question",
	"request",
	"misconduct"
];
var reportTopics = [
	"affairs",
	"policy",
	"livelihood",
	"conduct"
];
var reportStates = [
	"received",
	"accepted",
	"handling",
	"answered",
	"closed"
];
var reportRoutes = [
	"township",
	"village",
	"neighbours",
	"discipline"
];
var ratings = [
	"satisfied",
	"basic",
	"unsatisfied"
];
/** The form page of each kind: /v/<code>/<path>/. */
var kindPaths = {
	question: "ask",
	request: "help",
	misconduct: "report"
};
var CONTENT_MAX = 3e3;
var optionalText = (max, multiline) => safeText(max, {
	min: 0,
	multiline
}).transform((s) => s || void 0).optional();
/**
* A phone number as typed: full-width digits made ASCII, spaces (also full-width) dropped, a leading
* +86 / 86 removed from a mobile number.
* @example normalizePhone(" +86 138 0000 0000") // "13800000000"
*/
function normalizePhone(input) {
	return input.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 65296)).replace(/[ \u3000－]/g, (c) => c === "－" ? "-" : "").replace(/^\+?86-?(?=1[3-9]\d{9}$)/, "");
}
/**
* Whether a normalized number is a mainland mobile number (1[3-9] and 9 more digits, dashes as in
* 138-0000-0000 allowed) or a landline with its area code (0 and 2–3 digits, then 7–8 digits, a dash
* between them allowed).
* @example isPhoneNumber("13800000000") // true
* @example isPhoneNumber("0543-3321234") // true
* @example isPhoneNumber("3321234") // false: no area code
*/
function isPhoneNumber(phone) {
	return /^1[3-9]\d-?\d{4}-?\d{4}$/.test(phone) || /^0\d{2,3}-?\d{7,8}$/.test(phone);
}
var reportInput = z.object({
	kind: z.enum(reportKinds),
	topic: z.enum(reportTopics),
	content: safeText(CONTENT_MAX, {
		min: 5,
		multiline: true
	}),
	contact: z.object({
		name: optionalText(20, false),
		phone: z.string().transform(normalizePhone).refine((s) => s === "" || isPhoneNumber(s)).transform((s) => s || void 0).optional()
	}).optional(),
	disclosure: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
	power: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).optional()
});
z.object({
	rating: z.enum(ratings),
	comment: optionalText(500, true)
});
z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);
new TextEncoder();
export { reportKinds as a, reportTopics as c, reportInput as i, kindPaths as n, reportRoutes as o, ratings as r, reportStates as s, CONTENT_MAX as t };
