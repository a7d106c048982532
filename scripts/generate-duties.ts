/**
 * Writes schema/data/duties.json: two of 沾化's 三张清单 (DOMAIN.md). The 职责任务清单 (7 areas, 178
 * duties, each with the body that carries it and the person responsible) and the 属地责任事项清单 (14
 * areas, 165 matters; the town holds main responsibility for 8 and supports on 157, each with the
 * department that leads). The district publishes them in handbooks that are not online, so the items
 * here are generated, deterministic (the project's one seeded PRNG), and the file says `demo: true` so
 * every page that shows them says 演示数据. Replace with the real lists when the district provides them.
 *
 * @example
 *   node scripts/generate-duties.ts
 */
import { writeFileSync } from "node:fs";
import { prng } from "./lib/prng.ts";

const random = prng(15_178_165);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Each area: its name, how many duties, the bodies that carry them, and what they are about. */
const dutyAreas = [
  [
    "党的建设",
    30,
    ["镇党委办公室", "镇组织办", "镇宣传办"],
    [
      "基层党组织建设",
      "党员教育管理",
      "村级后备干部培养",
      "党建品牌创建",
      "意识形态工作",
      "发展党员",
      "党费收缴管理",
      "主题党日",
      "驻村第一书记管理",
      "党务公开",
      "软弱涣散村整顿",
    ],
  ],
  [
    "经济发展",
    28,
    ["镇经济发展办公室", "镇财政所", "镇招商服务中心"],
    [
      "招商引资",
      "项目建设",
      "企业服务",
      "村集体经济增收",
      "统计调查",
      "税源培植",
      "营商环境",
      "小微企业帮扶",
      "农村集体资产管理",
      "乡村产业项目",
    ],
  ],
  [
    "乡村振兴",
    26,
    ["镇农业农村办公室", "镇农业综合服务中心", "镇经管站"],
    [
      "高标准农田建设",
      "粮食生产",
      "防返贫监测",
      "农村人居环境整治",
      "耕地保护",
      "农业技术推广",
      "冬枣产业服务",
      "农村改厕",
      "美丽乡村建设",
      "土地流转服务",
    ],
  ],
  [
    "社会事业",
    24,
    ["镇社会事务办公室", "镇文化站", "镇卫生院"],
    [
      "义务教育控辍保学",
      "公共文化服务",
      "全民健身",
      "基本公共卫生",
      "计划生育服务",
      "退役军人服务",
      "残疾人服务",
      "养老服务",
      "移风易俗",
    ],
  ],
  [
    "平安建设",
    24,
    ["镇综治中心", "镇司法所", "镇信访办"],
    [
      "矛盾纠纷排查化解",
      "信访接待",
      "网格化服务管理",
      "法治宣传",
      "社区矫正",
      "禁毒工作",
      "反诈宣传",
      "重点人员服务管理",
      "人民调解",
    ],
  ],
  [
    "生态环境",
    24,
    ["镇生态环境办公室", "镇应急管理办公室", "镇自然资源所"],
    [
      "秸秆禁烧",
      "大气污染防治",
      "河湖长制",
      "林长制",
      "散乱污整治",
      "安全生产检查",
      "森林防火",
      "防汛抗旱",
      "违法用地巡查",
    ],
  ],
  [
    "民生保障",
    22,
    ["镇便民服务中心", "镇社会救助站", "镇人社所"],
    [
      "最低生活保障",
      "特困人员供养",
      "临时救助",
      "城乡居民养老保险",
      "医疗保险参保",
      "就业服务",
      "公益性岗位管理",
      "残疾人两项补贴",
      "高龄津贴",
    ],
  ],
] as const;
const dutyVerbs = ["组织", "落实", "统筹", "督促", "开展", "做好", "推进", "监督检查"];
const posts = ["党委书记", "镇长", "分管副书记", "分管副镇长", "党委委员", "站所负责人"];

/** Each area of matters: its name, how many, and the district departments that lead them. */
const matterAreas = [
  ["自然资源", 12, ["区自然资源局"]],
  ["住房城乡建设", 12, ["区住房城乡建设局"]],
  ["生态环境", 12, ["市生态环境局沾化分局"]],
  ["农业农村", 12, ["区农业农村局"]],
  ["水利", 12, ["区水利局"]],
  ["交通运输", 12, ["区交通运输局"]],
  ["市场监管", 12, ["区市场监管局"]],
  ["应急管理", 12, ["区应急管理局"]],
  ["卫生健康", 12, ["区卫生健康局"]],
  ["民政", 12, ["区民政局"]],
  ["人力资源社会保障", 12, ["区人力资源社会保障局"]],
  ["教育体育", 11, ["区教育体育局"]],
  ["公安", 11, ["公安沾化分局"]],
  ["综合执法", 11, ["区综合行政执法局"]],
] as const;
const matterVerbs = ["发现报告", "配合核查", "协助整治", "宣传引导", "日常巡查", "配合执法", "协助排查", "信息报送"];
const matterObjects = [
  "违法建设",
  "安全隐患",
  "无证经营",
  "环境污染",
  "私搭乱建",
  "违规用地",
  "食品安全问题",
  "河道垃圾",
  "道路占用",
  "燃气隐患",
  "欠薪线索",
  "困难群众",
];
/** The 8 matters where the town holds main responsibility (all others it supports). */
const mainMatters = [
  "农村人居环境整治",
  "秸秆禁烧",
  "矛盾纠纷化解",
  "农村宅基地管理",
  "防汛物资储备",
  "农村饮水安全巡查",
  "村级公益事业建设",
  "困难群众走访",
];

const pad = (n: number) => String(n).padStart(3, "0");

const duties = dutyAreas.flatMap(([, count, bodies, subjects], a) => {
  const names = new Set<string>();
  while (names.size < count) names.add(`${pick(dutyVerbs)}${pick(subjects)}`);
  return [...names].map((name) => ({ area: a + 1, name, body: pick(bodies), responsible: pick(posts) }));
});
const matters = matterAreas.flatMap(([area, count, leads], a) => {
  const names = new Set<string>();
  while (names.size < count) names.add(`${area}领域${pick(matterObjects)}${pick(matterVerbs)}`);
  return [...names].map((name) => ({ area: a + 1, name, lead: leads[0] }));
});
// the town's 8 main responsibilities take the places of 8 supporting matters spread over the areas
mainMatters.forEach((name, i) => {
  const at = Math.floor((i * matters.length) / mainMatters.length) + 3;
  Object.assign(matters[at] as object, { name, main: true });
});

const file = {
  demo: true,
  dutyAreas: dutyAreas.map(([name], i) => ({ id: `da${i + 1}`, name })),
  duties: duties.map((d, i) => ({
    id: `d${pad(i + 1)}`,
    area: `da${d.area}`,
    name: d.name,
    body: d.body,
    responsible: d.responsible,
  })),
  matterAreas: matterAreas.map(([name], i) => ({ id: `ma${i + 1}`, name })),
  matters: matters.map((m, i) => ({
    id: `m${pad(i + 1)}`,
    area: `ma${m.area}`,
    name: m.name,
    role: (m as { main?: boolean }).main ? "main" : "support",
    lead: m.lead,
  })),
};
writeFileSync(new URL("../schema/data/duties.json", import.meta.url), `${JSON.stringify(file, null, 1)}\n`);
console.log(`wrote ${file.duties.length} duties in ${file.dutyAreas.length} areas, ${file.matters.length} matters`);
