/**
 * Deterministic demo disclosures: for a given China date, every village gets plausible disclosures for
 * the last two quarters (six months of monthly items, the previous year for yearly ones), with some
 * items deliberately left unpublished so the overdue badges show. Same date in, same rows out.
 */
import { type DisclosureContent, type DisclosureTables, disclosureHash, GENESIS_HASH } from "#core/disclosure.ts";
import { addDays, expectedPeriod, periodLabel, previousPeriod } from "#core/period.ts";
import { type CatalogueItem, catalogueItems, type Village } from "#core/reference.ts";
import { prng } from "./lib/prng.ts";

export interface DemoDisclosure extends DisclosureContent {
  seq: number;
  prevHash: string;
  hash: string;
}

type Random = () => number;
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** First day after the period ends, as `YYYY-MM-DD`. */
function periodEnd(period: string): string {
  const q = /^(\d{4})-Q(\d)$/.exec(period);
  if (q)
    return Number(q[2]) === 4
      ? `${Number(q[1]) + 1}-01-01`
      : `${q[1]}-${String(Number(q[2]) * 3 + 1).padStart(2, "0")}-01`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m)
    return Number(m[2]) === 12
      ? `${Number(m[1]) + 1}-01-01`
      : `${m[1]}-${String(Number(m[2]) + 1).padStart(2, "0")}-01`;
  return `${Number(period) + 1}-01-01`;
}
/** 09:xx China time on `date`, as an ISO instant. */
const morning = (date: string, random: Random) =>
  new Date(Date.parse(`${date}T01:00:00Z`) + between(random, 0, 7) * 600_000).toISOString();

const incomeLines = [
  ["补助收入", "上级村级组织运转经费", 1_500_000, 4_000_000],
  ["经营收入", "坑塘水面承包费", 300_000, 1_200_000],
  ["经营收入", "集体厂房租金", 500_000, 1_800_000],
  ["投资收益", "合作社分红", 200_000, 900_000],
  ["其他收入", "一事一议筹资", 100_000, 500_000],
] as const;
const expenseLines = [
  ["管理费用", "办公用品及报刊费", 20_000, 150_000],
  ["管理费用", "村委会电费", 30_000, 120_000],
  ["公益支出", "村内道路维修", 300_000, 1_500_000],
  ["公益支出", "路灯维修及电费", 50_000, 300_000],
  ["公益支出", "保洁员工资", 150_000, 300_000],
  ["其他支出", "困难户慰问品", 50_000, 200_000],
  ["经营支出", "机井维修", 80_000, 400_000],
] as const;
const people = ["王会计", "李报账员", "张建国", "刘红霞", "陈志刚"];

function ledger(period: string, random: Random, lines: number): DisclosureTables {
  const start = periodEnd(previousPeriod(period));
  const rows = Array.from({ length: lines }, (_, i) => {
    const [category, summary, lo, hi] = i < 2 ? pick(random, incomeLines) : pick(random, expenseLines);
    return {
      date: addDays(start, between(random, 0, 25)),
      voucher: `记${String(i + 1).padStart(3, "0")}`,
      summary,
      category,
      amount: Math.round(between(random, lo, hi) / 100) * 100,
      handler: pick(random, people),
      approver: "村党组织书记",
    };
  });
  rows.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { kind: "ledger", rows };
}

function assets(random: Random): DisclosureTables {
  const list = [
    ["村委会办公楼", "非经营性", "村委会大院", "1 栋", 45_000_000],
    ["文化广场", "非经营性", "村东头", "1 处", 18_000_000],
    ["集体厂房", "经营性", "村北工业路", "2 间", 32_000_000],
    ["农用机井", "经营性", "村南农田", "6 眼", 9_000_000],
    ["光伏发电设备", "经营性", "村委会屋顶", "1 套", 12_000_000],
  ] as const;
  return {
    kind: "assets",
    rows: list.slice(0, between(random, 3, 5)).map(([name, type, location, quantity, value], i) => ({
      no: `ZC-${String(i + 1).padStart(3, "0")}`,
      name,
      type,
      location,
      quantity,
      originalValue: value,
      depreciation: Math.round((value * between(random, 5, 40)) / 100),
      acquired: `${between(random, 2008, 2023)}-0${between(random, 1, 9)}-15`,
      status: "在用",
      keeper: pick(random, people),
    })),
  };
}

function resources(random: Random, today: string): DisclosureTables {
  const kinds = ["耕地", "坑塘水面", "林地", "四荒地", "建设用地"] as const;
  const year = Number(today.slice(0, 4));
  return {
    kind: "resources",
    rows: Array.from({ length: between(random, 3, 5) }, (_, i) => {
      const areaMu = between(random, 5, 120);
      const annualFee = areaMu * between(random, 300, 800) * 100;
      const endYear = i === 0 ? year + (random() < 0.4 ? 0 : 1) : year + between(random, 1, 8);
      return {
        category: pick(random, kinds),
        location: pick(random, ["村东", "村西", "村南洼地", "村北"]),
        areaMu,
        contractNo: `CB-${year - between(random, 1, 6)}-${String(i + 1).padStart(2, "0")}`,
        contractor: `${pick(random, ["王", "李", "张", "刘"])}某某`,
        start: `${year - between(random, 1, 6)}-03-01`,
        end: `${endYear}-${random() < 0.5 ? "02-28" : "12-31"}`,
        annualFee,
        paid: random() < 0.8 ? annualFee : Math.round(annualFee / 2),
      };
    }),
  };
}

const bodies: Record<string, string> = {
  "party-meetings": "本月召开支部委员会、党员大会各一次，开展主题党日活动，学习上级文件精神，研究村内重点工作。",
  "party-dues": "本季度应缴党费与实缴党费一致，全部按规定上缴镇党委，无截留挪用。",
  "party-annual-goals": "年度目标：村集体经济收入稳步增长，完成村内道路硬化，办好民生实事三件。",
  "party-member-review": "经党员自评、互评和群众测评，评定优秀党员若干名，其余均为合格。",
  "party-organisation": "村党支部设书记一名、委员两名，分别分管组织宣传、纪检和经济发展。",
  "village-homestead": "本季度受理宅基地申请，经村民代表会议审核、公示无异议后报镇政府审批。",
  "village-dibao": "本季度低保、特困人员名单经民主评议、公示无异议，名单有变动的已注明原因。",
  "village-disability": "本季度残疾人两项补贴发放对象与上季度一致，金额按标准发放到本人账户。",
  "village-relief": "本季度对因病、因灾困难家庭给予临时救助，并走访慰问困难群众。",
  "village-veterans": "本季度优抚对象名单及优待金发放情况如下，如有疑问可向村委会询问。",
  "village-points": "本季度积分评定结果已经村民代表评议，积分可到村爱心超市兑换物品。",
  "village-public-jobs": "本季度公益性岗位人员：保洁、护林、看护等岗位，按月发放岗位补贴。",
  "village-grid": "全村划分为若干网格，每个网格有网格员一名，负责走访和收集村民诉求。",
  "village-rules": "村规民约经村民会议讨论通过，倡导移风易俗、邻里和睦、爱护公共设施。",
  "village-four-two": "经党支部提议、两委商议、党员大会审议、村民代表会议决议，同意实施村内道路硬化工程。",
  "village-farm-subsidy": "本批耕地地力保护补贴已按确权面积发放到户，明细在村公示栏同步张贴。",
  "finance-ledger": "本月收支明细如下，每一笔都有经手人、审批人和村务监督委员会审核签字。",
  "finance-quarterly": "本季度收支汇总如下，收支情况已经民主理财小组审核。",
  "finance-budget": "上年度收支决算与本年度预算已经村民代表会议通过。",
  "finance-debts": "本季度末村集体债权、债务余额如下，无新增举债。",
  "finance-assets": "本季度末村集体资产台账如下，资产使用状态良好。",
  "finance-resources": "本季度末村集体资源发包出租情况如下。",
  "finance-contracts": "本季度承包、租赁合同履行情况如下，到期合同将按程序重新发包。",
  "finance-distribution": "上年度集体收益按章程提取公积公益金后，剩余部分按成员份额分配。",
  "finance-cadre-pay": "上年度村干部基本报酬和绩效报酬由镇里统一核定发放，误工补贴按实际出勤计算。",
};

function tablesFor(item: CatalogueItem, period: string, random: Random, today: string): DisclosureTables | null {
  if (item.id === "finance-ledger") return ledger(period, random, between(random, 4, 8));
  if (item.id === "finance-quarterly") return ledger(period, random, between(random, 8, 12));
  if (item.table === "assets") return assets(random);
  if (item.table === "resources") return resources(random, today);
  return null;
}

/** Periods a village has published for an item (oldest first), some latest ones deliberately missing. */
function periodsFor(item: CatalogueItem, today: string, random: Random): string[] {
  const expected = expectedPeriod(item.cadence, today);
  if (expected === null) {
    const chance = item.cadence === "on_change" ? 0.9 : 0.25;
    return random() < chance ? [previousPeriod(today.slice(0, 7), between(random, 1, 5))] : [];
  }
  const count = item.cadence === "monthly" ? 6 : item.cadence === "quarterly" ? 2 : 1;
  const periods = Array.from({ length: count }, (_, i) => previousPeriod(expected, count - 1 - i));
  return random() < 0.08 ? periods.slice(0, -1) : periods;
}

/**
 * One village's demo disclosures for `today`, hash-chained in publication order.
 * @example const rows = await demoDisclosures(villageByCode("371603104201")!, "2026-11-29");
 */
export async function demoDisclosures(village: Village, today: string): Promise<DemoDisclosure[]> {
  const random = prng(Number(village.code.slice(-7)) ^ Number(today.replaceAll("-", "")));
  const drafts: DisclosureContent[] = [];
  for (const item of catalogueItems) {
    for (const period of periodsFor(item, today, random)) {
      const publishedOn = addDays(periodEnd(period), between(random, 1, 9));
      if (publishedOn > today) continue;
      drafts.push({
        village: village.code,
        item: item.id,
        period,
        title: `${periodLabel(period)}${item.name}`,
        content: bodies[item.id] ?? `${item.name}情况已按规定公开，如有疑问可码上问。`,
        tables: tablesFor(item, period, random, today),
        publishedBy: "演示账号",
        publishedAt: morning(publishedOn, random),
        corrects: null,
        reason: null,
      });
    }
  }
  drafts.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
  const chain: DemoDisclosure[] = [];
  let prevHash = GENESIS_HASH;
  for (const [i, draft] of drafts.entries()) {
    const hash = await disclosureHash(draft, prevHash);
    chain.push({ ...draft, seq: i + 1, prevHash, hash });
    prevHash = hash;
  }
  return chain;
}
