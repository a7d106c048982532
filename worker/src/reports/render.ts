/**
 * The report pages filled at the edge with HTMLRewriter: the form pages (a fresh idempotency key per
 * view, prefilled topic, the villager's words back after an error) and the receipt page (timeline,
 * answer, rating form). Complete HTML with JS off.
 */

import { type StringKey, t } from "#core/i18n/index.ts";
import { dateLabel } from "#core/period.ts";
import { powerById } from "#core/power.ts";
import { villageByCode } from "#core/reference.ts";
import {
  caseFigures,
  formatReceipt,
  type Rating,
  type ReportKind,
  type ReportTopic,
  reportTopics,
} from "#core/report.ts";
import type { ApiError } from "../errors.ts";
import { attributeValue, figureSpans, type Html, html, lines, type RewriterElement, setHtml } from "../html.ts";
import type { PublicEvent, PublicReport } from "./queries.ts";

export interface FormFill {
  key: string;
  topic?: string | undefined;
  power?: string | undefined;
  disclosure?: string | undefined;
  /** The title of that disclosure, when it is one of this village's: what the villager sees, not its id. */
  disclosureTitle?: string | undefined;
  /** After a refused submission: what the villager typed, and why it was refused. */
  values?: Record<string, unknown>;
  error?: ApiError;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

function errorHtml(error: ApiError): Html {
  const fields = Object.values(error.fields ?? {});
  const list = fields.length ? html`<ul>${fields.map((f) => html`<li>${f}</li>`)}</ul>` : "";
  return html`<p><strong>${error.status === 422 ? t("reports.form.errorTitle") : error.message}</strong></p>${list}`;
}

/**
 * What fills a form page: its hidden key and prefills, and after an error the message and the villager's
 * words put back.
 * @example return servePage(c, formPath, formRewriter({ key: crypto.randomUUID(), topic: "conduct" }));
 */
export function formRewriter(fill: FormFill): HTMLRewriter {
  const values = fill.values ?? {};
  const topic = text(values.topic) || fill.topic;
  const power = text(values.power) || fill.power || "";
  const disclosure = text(values.disclosure) || fill.disclosure || "";
  const inputValues: Record<string, string> = {
    key: fill.key,
    power: /^[a-z0-9-]{1,40}$/.test(power) ? power : "",
    disclosure: /^[0-9]{1,15}$/.test(disclosure) ? disclosure : "",
    contact_name: text(values.contact_name),
    contact_phone: text(values.contact_phone),
  };
  const powerName = inputValues.power ? powerById(inputValues.power)?.name : undefined;
  const ref = powerName
    ? t("reports.form.power", { name: powerName })
    : inputValues.disclosure && fill.disclosureTitle
      ? t("reports.form.disclosure", { title: fill.disclosureTitle })
      : "";
  return new HTMLRewriter()
    .on("form[data-outbox] input", {
      element(el) {
        const name = el.getAttribute("name") ?? "";
        if (name === "topic") {
          if (topic && (reportTopics as readonly string[]).includes(topic)) {
            if (el.getAttribute("value") === topic) el.setAttribute("checked", "");
            else el.removeAttribute("checked");
          }
        } else if (Object.hasOwn(inputValues, name)) {
          el.setAttribute("value", attributeValue(inputValues[name] as string));
        }
      },
    })
    .on("form[data-outbox] textarea[name=content]", {
      element(el) {
        if (values.content !== undefined) el.setInnerContent(text(values.content));
      },
    })
    .on("[data-ref]", {
      element(el) {
        if (!ref) {
          el.remove();
          return;
        }
        el.setInnerContent(ref);
        el.removeAttribute("hidden");
      },
    })
    .on("[data-error]", {
      element(el) {
        if (!fill.error) return; // stays hidden, for the outbox script to use
        setHtml(el, errorHtml(fill.error));
        el.removeAttribute("hidden");
      },
    });
}

function eventLabel(event: PublicEvent, kind: ReportKind): string {
  if (event.kind === "received") return t(`reports.event.received.${kind}`);
  if (event.kind === "rated") return t("reports.event.rated", { rating: t(`reports.rating.${event.body as Rating}`) });
  const label = t(`reports.event.${event.kind}` as StringKey);
  return event.body && event.kind !== "answered" ? `${label}：${event.body}` : label;
}

function summaryHtml(report: PublicReport): Html {
  const village = villageByCode(report.village);
  const rows = [
    [t("reports.receipt.village"), html`<a href="/v/${report.village}/">${village?.name ?? report.village}</a>`],
    [
      t("reports.receipt.kind"),
      `${t(`reports.kind.${report.kind}`)} · ${t(`reports.topic.${report.topic as ReportTopic}`)}`,
    ],
    [t("reports.receipt.state"), html`<strong>${t(`reports.state.${report.state}`)}</strong>`],
  ];
  const deadline =
    report.deadline && report.state !== "answered" && report.state !== "closed"
      ? html`<p>${figureSpans(t("reports.receipt.deadline", { date: dateLabel(report.deadline) }))}</p>`
      : "";
  const content = report.content
    ? html`<details><summary>${t("reports.receipt.content")}</summary><p>${lines(report.content)}</p></details>`
    : "";
  return html`${rows.map(([k, v]) => html`<p>${k}${v}</p>`)}${deadline}${content}${attachmentsHtml(report)}`;
}

/** The villager's own photos and voice message (none for misconduct: the list is empty then). */
function attachmentsHtml(report: PublicReport): Html | string {
  if (report.attachments.length === 0) return "";
  const items = report.attachments.map((a) =>
    a.field === "photo"
      ? html`<p><img src="${a.url}" alt="${t("media.field.photo")} ${a.name.slice(-1)}" class="att" loading="lazy"></p>`
      : html`<p><audio controls preload="none" src="${a.url}"></audio></p>`,
  );
  return html`<h2>${t("media.receipt.attachments")}</h2>${items}`;
}

/**
 * What fills the receipt page: a found report, or the lookup form with a message (not found, mistyped)
 * and what the villager typed kept in the box, so a mistake is corrected rather than typed again.
 * @example return servePage(c, "/r/", receiptRewriter(await publicReport(db, receipt), null));
 */
export function receiptRewriter(report: PublicReport | null, message: string | null, typed = ""): HTMLRewriter {
  const answered = report?.state === "answered";
  const show = (el: RewriterElement, fragment: Html | null): void => {
    if (fragment === null) {
      el.remove();
      return;
    }
    setHtml(el, fragment);
    el.removeAttribute("hidden");
  };
  const keepIf = (el: RewriterElement, keep: boolean): void => {
    if (keep) el.removeAttribute("hidden");
    else el.remove();
  };
  return new HTMLRewriter()
    .on("[data-message]", { element: (el) => show(el, message === null ? null : html`${message}`) })
    .on("input[name=receipt]", {
      element(el) {
        if (!report && typed) el.setAttribute("value", attributeValue(typed));
      },
    })
    .on("[data-lookup-title]", { element: (el) => keepIf(el, !report) })
    .on("[data-found]", { element: (el) => keepIf(el, report !== null) })
    .on("[data-receipt]", { element: (el) => show(el, report ? html`${formatReceipt(report.receipt)}` : null) })
    .on("[data-summary]", { element: (el) => show(el, report ? summaryHtml(report) : null) })
    .on("[data-timeline]", {
      element: (el) =>
        show(
          el,
          report
            ? html`${report.timeline.map((e) => html`<li><b class="n">${dateLabel(e.on)}</b> ${eventLabel(e, report.kind)}</li>`)}`
            : null,
        ),
    })
    .on("[data-answer]", {
      element: (el) =>
        show(
          el,
          report?.answer
            ? html`<h2>${t("reports.receipt.answer")}</h2><p class="m">${figureSpans(t("reports.receipt.answeredOn", { date: dateLabel(report.answeredOn as string) }))}</p><p>${lines(report.answer)}</p>`
            : null,
        ),
    })
    .on("form[data-rating]", {
      element(el) {
        keepIf(el, answered);
        if (report && answered) el.setAttribute("action", `/api/reports/${report.receipt}/rating`);
      },
    })
    .on("[data-rated]", {
      element: (el) =>
        show(
          el,
          report?.rating && !answered
            ? html`${t("reports.receipt.rated", { rating: t(`reports.rating.${report.rating}`) })}`
            : null,
        ),
    });
}

/**
 * A village's live case figures (questions and requests; misconduct is never counted on the village
 * page), each computed from rows, satisfaction with its denominator. Ratings of cases staff registered at
 * a meeting on a villager's behalf are given apart, with their own denominator: staff saw their receipts.
 * @example casesFragment(await villageCaseRows(db, code)) // "收到 3 件 · 已答复 2 件 · …"
 */
export function casesFragment(rows: Parameters<typeof caseFigures>[0]): string {
  const f = caseFigures(rows);
  return [
    t("reports.village.received", { count: f.received }),
    t("reports.village.answered", { count: f.answered }),
    f.medianDays === null ? t("reports.village.noMedian") : t("reports.village.median", { days: f.medianDays }),
    f.rated === 0
      ? t("reports.village.noRating")
      : t("reports.village.satisfaction", {
          rated: f.rated,
          satisfied: f.satisfied,
          basic: f.basic,
          unsatisfied: f.unsatisfied,
        }),
    ...(f.staffFiled.received === 0 ? [] : [t("reports.village.staffFiled", { ...f.staffFiled })]),
  ].join(" · ");
}
