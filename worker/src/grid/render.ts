/** The village page's live line about its recent 百姓夜话 (HTML through html.ts only). */
import { gridById } from "#core/grid.ts";
import { t } from "#core/i18n/index.ts";
import { type Html, html } from "../html.ts";
import type { PublicTalk } from "./queries.ts";

/**
 * The village's recent talks as list items: date, grid, place, attendance, requests collected and closed.
 * @example talksFragment([{ heldOn: "2026-11-30", place: "张家大院", attendees: 23, grid, requests: 2, closed: 1 }])
 */
export function talksFragment(talks: readonly PublicTalk[]): Html {
  return html`${talks.map(
    (talk) =>
      html`<li>${t("grid.village.talk", {
        date: talk.heldOn,
        grid: gridById(talk.grid)?.name ?? "",
        place: talk.place,
        attendees: talk.attendees,
        requests: talk.requests,
        closed: talk.closed,
      })}</li>`,
  )}`;
}
