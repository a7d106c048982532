/**
 * The cadres of a village and the duties they hold. Real deployments load the roster from the town;
 * until then each village gets a deterministic demo roster, always marked 演示数据.
 */
export interface Cadre {
  role: string;
  name: string;
  duties: string;
}

const roles = [
  { role: "村党组织书记、村委会主任", duties: "主持全面工作，重大事项决策，公开事项审核签字" },
  { role: "村务监督委员会主任", duties: "监督村务公开、财务收支和工程项目，审核每笔报销" },
  { role: "村委会委员（报账员）", duties: "财务报账、三资台账登记和每月财务公开" },
  { role: "村委会委员（妇女主任）", duties: "妇女儿童、计生、民生救助事项" },
  { role: "网格员", duties: "走访收集村民诉求，帮不方便的村民码上问、码上办" },
];
const surnames = [..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"];
const given = [..."建国军华明玉秀英文强海平红霞志刚立新春梅德福"];

/**
 * The demo roster of a village, the same on every build.
 * @example demoCadres("371603104201")[0].role // "村党组织书记、村委会主任"
 */
export function demoCadres(villageCode: string): Cadre[] {
  let seed = Number(villageCode.slice(-6));
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return roles.map((r) => ({
    ...r,
    name: `${surnames[next(surnames.length)]}${given[next(given.length)]}${given[next(given.length)]}`,
  }));
}
