/**
 * The short fingerprint of a village's chain head, as the village page and the 阳光报告会 record show it,
 * so a printed sheet or a villager's screenshot pins the record as it stood.
 */
import { fingerprint } from "#core/checkpoint.ts";
import { t } from "#core/i18n/index.ts";
import { type Html, html } from "../html.ts";

/**
 * The village page's line: the fingerprint of the chain head now, and what it is for.
 * @example villageFingerprint("3f9ac21b…") // "<b>记录指纹 3F9A-C21B</b> <span class=\"m\">…</span>"
 */
export function villageFingerprint(head: string): Html {
  return html`<b>${t("checkpoints.village.fingerprint", { fingerprint: fingerprint(head) })}</b> <span class="m">${t("checkpoints.village.explain")}</span>`;
}

/**
 * The meeting record's line: the fingerprint of the village's chain on the day it was held; empty when
 * nothing had been published by then (or the meeting predates fingerprints).
 * @example meetingFingerprint({ chainLength: 12, chainHead: "3f9ac21b…" }) // "<p class=\"m\">开会当天…3F9A-C21B…</p>"
 */
export function meetingFingerprint(meeting: { chainLength: number | null; chainHead: string | null }): Html | "" {
  if (!meeting.chainHead || !meeting.chainLength) return "";
  const text = t("checkpoints.meeting.fingerprint", {
    fingerprint: fingerprint(meeting.chainHead),
    length: meeting.chainLength,
  });
  return html`<p class="m">${text}</p>`;
}
