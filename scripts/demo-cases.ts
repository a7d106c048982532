/**
 * Deterministic demo cases, so a new user of the demo sees live case figures on village pages and a
 * queue to work in the staff console: a few questions, requests and misconduct reports per village in
 * every state from just received (and 已受理) to rated and closed. Content is marked 【演示】.
 */
import { concludeWithin } from "#core/case.ts";
import { addDays } from "#core/period.ts";
import type { Village } from "#core/reference.ts";
import { dammDigit, type Rating, type ReportKind, type ReportState, type ReportTopic } from "#core/report.ts";
import { addWorkingDays } from "#core/workdays.ts";
import type { DemoCaseRow } from "../worker/src/scripting.ts";
import { prng } from "./lib/prng.ts";

/** A demo case as generated: the stored row's facts (worker/src/reports/queries.ts), its receipt and stage. */
export interface DemoCase
  extends Pick<
    DemoCaseRow,
    | "village"
    | "kind"
    | "topic"
    | "content"
    | "receivedOn"
    | "responsible"
    | "deadline"
    | "measures"
    | "answer"
    | "answeredOn"
    | "closedOn"
    | "rating"
  > {
  receipt: string;
  stage: ReportState;
}

const samples: { kind: ReportKind; topic: ReportTopic; content: string; answer: string }[] = [
  {
    kind: "question",
    topic: "affairs",
    content: "上个月财务公开里的“村内道路维修”花了多少钱，修的是哪一段路？",
    answer: "修的是村西头到小学门口那一段，共 260 米，花费 3.2 万元，发票和验收单在村委会可以查看。",
  },
  {
    kind: "question",
    topic: "policy",
    content: "今年的耕地地力保护补贴什么时候发？是按确权面积还是实际种的面积算？",
    answer: "按确权面积发放，镇里已经汇总上报，预计下月中旬打到“一卡通”上，名单会在公示栏张贴。",
  },
  {
    kind: "request",
    topic: "livelihood",
    content: "村东头路灯坏了三盏，晚上出门黑，老人走路不方便，请帮忙修一下。",
    answer: "已经请电工换了灯泡和一个损坏的开关，三盏路灯都亮了。以后再坏可以直接码上办。",
  },
  {
    kind: "request",
    topic: "livelihood",
    content: "我家老人是二级残疾，想申请护理补贴，需要准备什么材料？到哪里办？",
    answer: "带上残疾证、户口本和银行卡，到镇便民服务中心残联窗口办理，村里网格员可以陪同。",
  },
  {
    kind: "question",
    topic: "livelihood",
    content: "低保名单上有一户家里有门市房，还能吃低保吗？请说明一下评议情况。",
    answer: "已请镇民政办复核，该户门市房为租赁经营且收入已核实，复核结果将在下季度公开时说明。",
  },
  {
    kind: "misconduct",
    topic: "conduct",
    content: "村里坑塘承包合同到期了，没有公开重新发包，还是原来的人在用，承包费也没见公开。",
    answer: "镇纪委已核实，合同确已到期，已责令村里按程序公开发包，并对相关人员进行了提醒谈话。",
  },
];

const responsibles = ["村委会主任", "村报账员", "包村干部", "镇民政办"];
const ratingsInOrder: Rating[] = ["satisfied", "satisfied", "basic", "satisfied"];

/** A case's state from a roll in [0, 1): every state, 已受理 included, about equally often. */
const stageOf = (roll: number): ReportState =>
  roll < 0.15 ? "received" : roll < 0.3 ? "accepted" : roll < 0.45 ? "handling" : roll < 0.65 ? "answered" : "closed";

/**
 * Two to four demo cases for a village on `today`; the same village and date give the same cases.
 * @example demoCases(villageByCode("371603104201")!, "2026-11-29").length // 2..4
 */
export function demoCases(village: Village, today: string): DemoCase[] {
  const random = prng(Number(village.code.slice(-7)) * 7 + 13);
  const count = 2 + Math.floor(random() * 3);
  return Array.from({ length: count }, (_, i) => {
    const sample = samples[Math.floor(random() * samples.length)] as (typeof samples)[number];
    const receivedOn = addDays(today, -(1 + Math.floor(random() * 40)));
    const digits = Array.from({ length: 15 }, () => Math.floor(random() * 10)).join("");
    const roll = random();
    const stage = stageOf(roll);
    // 已受理 is triaged but not yet given its 定责 · 定时 · 定措施
    const handled = stage !== "received" && stage !== "accepted";
    const deadline = addWorkingDays(receivedOn, concludeWithin[sample.kind]);
    const answeredOn = stage === "answered" || stage === "closed" ? minDate(addDays(receivedOn, 1 + i), today) : null;
    return {
      receipt: digits + String(dammDigit(digits)),
      village: village.code,
      kind: sample.kind,
      topic: sample.topic,
      content: `【演示】${sample.content}`,
      receivedOn,
      stage,
      responsible: handled ? (responsibles[i % responsibles.length] as string) : null,
      deadline: handled ? deadline : null,
      measures: handled ? "核实情况，按规定办理并答复村民" : null,
      answer: answeredOn ? sample.answer : null,
      answeredOn,
      closedOn: stage === "closed" ? answeredOn : null,
      rating: stage === "closed" ? (ratingsInOrder[Math.floor(random() * ratingsInOrder.length)] as Rating) : null,
    };
  });
}

const minDate = (a: string, b: string) => (a < b ? a : b);
