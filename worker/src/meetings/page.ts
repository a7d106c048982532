/**
 * The public page of a village's quarterly 阳光报告会 (/v/<code>/meetings/<YYYY-Qn>/): when and where,
 * who came, the disclosures reported (述), each question raised and where it stands (询 · 定), and the
 * ratings (评) with their denominator. Plain HTML, no receipts, no contact details, never misconduct.
 */

import { t } from "#core/i18n/index.ts";
import { periodLabel } from "#core/period.ts";
import { catalogueItemById, type Village } from "#core/reference.ts";
import { meetingFingerprint } from "../checkpoints/fingerprint.ts";
import { figureSpans, type Html, html } from "../html.ts";
import type { MeetingQuestionRow, MeetingRow, ReportedDisclosure } from "./queries.ts";

const dateLabel = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function question(q: MeetingQuestionRow): Html {
  const deadline =
    q.deadline && !q.answer
      ? html`<p class="m">${t("meetings.page.deadline", { date: dateLabel(q.deadline) })}</p>`
      : "";
  const answer =
    q.answer && q.answeredOn
      ? html`<p class="plain">${t("meetings.page.answer", { date: dateLabel(q.answeredOn), answer: q.answer })}</p>`
      : "";
  return html`<li><p><b>${t(`reports.kind.${q.kind}`)}</b> · ${t(`reports.state.${q.state}`)}</p><p class="q">${q.content}</p>${deadline}${answer}</li>`;
}

/**
 * The page's title and the inner HTML of its main part; `meeting` null when none was recorded.
 * @example meetingPage(village, "2026-Q3", meeting, detail).html
 */
export function meetingPage(
  village: Village,
  quarter: string,
  meeting: MeetingRow | null,
  detail: { reported: ReportedDisclosure[]; questions: MeetingQuestionRow[] },
): { title: string; html: Html } {
  const title = t("meetings.page.heading", { village: village.name, quarter: periodLabel(quarter) });
  const parts = [
    html`<p class="sub"><a href="/v/${village.code}/">${t("meetings.page.back", { village: village.name })}</a></p>`,
    html`<h1>${figureSpans(title)}</h1>`,
    html`<p class="m">${t("meetings.page.steps")}</p>`,
  ];
  if (!meeting) {
    parts.push(html`<p>${t("meetings.page.none", { quarter: periodLabel(quarter) })}</p>`);
    return { title, html: html`${parts}` };
  }
  parts.push(
    html`<p>${t("meetings.page.facts", {
      date: dateLabel(meeting.heldOn),
      place: meeting.place,
      attendees: meeting.attendees,
      party: meeting.partyMembers,
      reps: meeting.representatives,
    })}</p>`,
  );
  parts.push(html`${meetingFingerprint(meeting)}`);
  parts.push(html`<h2>${t("meetings.page.reported")}</h2>`);
  if (detail.reported.length === 0) parts.push(html`<p class="m">${t("meetings.page.noReported")}</p>`);
  else {
    const items = detail.reported.map(
      (d) =>
        html`<li><a href="/v/${village.code}/d/${d.id}/">${catalogueItemById(d.item)?.name ?? d.item} · ${figureSpans(periodLabel(d.period))}</a> ${figureSpans(d.title)}</li>`,
    );
    parts.push(html`<ul class="questions">${items}</ul>`);
  }
  parts.push(html`<h2>${t("meetings.page.questions", { count: detail.questions.length })}</h2>`);
  if (detail.questions.length === 0) parts.push(html`<p class="m">${t("meetings.page.noQuestions")}</p>`);
  else parts.push(html`<ul class="questions">${detail.questions.map(question)}</ul>`);
  const rated = meeting.satisfied + meeting.basic + meeting.unsatisfied;
  parts.push(
    html`<h2>${t("meetings.page.ratingsTitle")}</h2><p>${
      rated === 0
        ? t("meetings.page.noRatings")
        : t("meetings.page.ratings", {
            rated,
            satisfied: meeting.satisfied,
            basic: meeting.basic,
            unsatisfied: meeting.unsatisfied,
            attendees: meeting.attendees,
          })
    }</p>`,
  );
  return { title, html: html`${parts}` };
}

/**
 * The village page's link to its latest meeting.
 * @example meetingLink("371603104201", { quarter: "2026-Q3", questions: 2 })
 */
export function meetingLink(village: string, meeting: { quarter: string; questions: number }): Html {
  const text = t("meetings.village.link", { quarter: periodLabel(meeting.quarter), questions: meeting.questions });
  return html`<a href="/v/${village}/meetings/${meeting.quarter}/">${figureSpans(text)}</a>`;
}
