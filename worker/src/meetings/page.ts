/**
 * The public page of a village's quarterly 阳光报告会 (/v/<code>/meetings/<YYYY-Qn>/): when and where,
 * who came, the disclosures reported (述), each question raised and where it stands (询 · 定), and the
 * ratings (评) with their denominator. Plain HTML, no receipts, no contact details, never misconduct.
 */
import { periodLabel } from "../../../schema/period.ts";
import { catalogueItemById, type Village } from "../../../schema/reference.ts";
import { t } from "../../../site/src/i18n/index.ts";
import { meetingFingerprint } from "../checkpoints/fingerprint.ts";
import { escapeHtml } from "../html.ts";
import type { MeetingQuestionRow, MeetingRow, ReportedDisclosure } from "./queries.ts";

const dateLabel = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function question(q: MeetingQuestionRow): string {
  const parts = [
    `<li><p><b>${t(`reports.kind.${q.kind}`)}</b> · ${t(`reports.state.${q.state}`)}</p>`,
    `<p class="q">${escapeHtml(q.content)}</p>`,
  ];
  if (q.deadline && !q.answer)
    parts.push(`<p class="m">${t("meetings.page.deadline", { date: dateLabel(q.deadline) })}</p>`);
  if (q.answer && q.answeredOn) {
    parts.push(
      `<p class="plain">${escapeHtml(t("meetings.page.answer", { date: dateLabel(q.answeredOn), answer: q.answer }))}</p>`,
    );
  }
  parts.push("</li>");
  return parts.join("");
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
): { title: string; html: string } {
  const title = t("meetings.page.heading", { village: village.name, quarter: periodLabel(quarter) });
  const parts = [
    `<p class="sub"><a href="/v/${village.code}/">${t("meetings.page.back", { village: escapeHtml(village.name) })}</a></p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="m">${t("meetings.page.steps")}</p>`,
  ];
  if (!meeting) {
    parts.push(`<p>${t("meetings.page.none", { quarter: periodLabel(quarter) })}</p>`);
    return { title, html: parts.join("") };
  }
  parts.push(
    `<p>${escapeHtml(
      t("meetings.page.facts", {
        date: dateLabel(meeting.heldOn),
        place: meeting.place,
        attendees: meeting.attendees,
        party: meeting.partyMembers,
        reps: meeting.representatives,
      }),
    )}</p>`,
  );
  parts.push(meetingFingerprint(meeting));
  parts.push(`<h2>${t("meetings.page.reported")}</h2>`);
  if (detail.reported.length === 0) parts.push(`<p class="m">${t("meetings.page.noReported")}</p>`);
  else {
    const items = detail.reported.map(
      (d) =>
        `<li><a href="/v/${village.code}/d/${d.id}/">${escapeHtml(catalogueItemById(d.item)?.name ?? d.item)} · ${periodLabel(d.period)}</a> ${escapeHtml(d.title)}</li>`,
    );
    parts.push(`<ul class="questions">${items.join("")}</ul>`);
  }
  parts.push(`<h2>${t("meetings.page.questions", { count: detail.questions.length })}</h2>`);
  if (detail.questions.length === 0) parts.push(`<p class="m">${t("meetings.page.noQuestions")}</p>`);
  else parts.push(`<ul class="questions">${detail.questions.map(question).join("")}</ul>`);
  const rated = meeting.satisfied + meeting.basic + meeting.unsatisfied;
  parts.push(
    `<h2>${t("meetings.page.ratingsTitle")}</h2><p>${
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
  return { title, html: parts.join("") };
}

/**
 * The village page's link to its latest meeting.
 * @example meetingLink("371603104201", { quarter: "2026-Q3", questions: 2 })
 */
export function meetingLink(village: string, meeting: { quarter: string; questions: number }): string {
  const text = t("meetings.village.link", { quarter: periodLabel(meeting.quarter), questions: meeting.questions });
  return `<a href="/v/${village}/meetings/${meeting.quarter}/">${text}</a>`;
}
