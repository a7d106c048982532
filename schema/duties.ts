/**
 * Two of the 三张清单 that say who is responsible: the 职责任务清单 (7 areas, 178 duties, each with the
 * body that carries it and the person responsible) and the 属地责任事项清单 (14 areas, 165 matters: the
 * town holds main responsibility for 8 and supports on 157, each with the department that leads). One
 * source (schema/data/duties.json, labelled 演示数据 until the district's own lists replace it) read by the
 * /duties/ page, the worker (定责 at triage names an item) and the scripts; validated with zod at load.
 */
import { z } from "zod";
import dutiesData from "./data/duties.json" with { type: "json" };
import { t } from "./i18n/index.ts";
import { parseData } from "./reference.ts";

const text = z.string().trim().min(1, "must not be empty");
const area = (prefix: string) => z.object({ id: z.string().regex(new RegExp(`^${prefix}\\d+$`)), name: text });

export const dutiesFile = z
  .object({
    demo: z.boolean(),
    dutyAreas: z.array(area("da")),
    duties: z.array(
      z.object({ id: z.string().regex(/^d\d{3}$/), area: text, name: text, body: text, responsible: text }),
    ),
    matterAreas: z.array(area("ma")),
    matters: z.array(
      z.object({
        id: z.string().regex(/^m\d{3}$/),
        area: text,
        name: text,
        role: z.enum(["main", "support"]),
        lead: text,
      }),
    ),
  })
  .superRefine((file, ctx) => {
    const check = (list: "duties" | "matters", areas: "dutyAreas" | "matterAreas") => {
      const known = new Set(file[areas].map((a) => a.id));
      const seen = new Set<string>();
      file[list].forEach((item, i) => {
        if (!known.has(item.area)) ctx.addIssue({ code: "custom", path: [list, i, "area"], message: "not an area" });
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [list, i, "id"], message: "duplicate" });
        seen.add(item.id);
      });
    };
    check("duties", "dutyAreas");
    check("matters", "matterAreas");
  });

export type DutiesFile = z.infer<typeof dutiesFile>;
/** An item of the 职责任务清单. */
export type Duty = DutiesFile["duties"][number];
/** An item of the 属地责任事项清单. */
export type Matter = DutiesFile["matters"][number];

const data = parseData("duties.json", dutiesFile, dutiesData);

export const dutiesAreDemo = data.demo;
export const dutyAreas = data.dutyAreas;
export const duties: readonly Duty[] = data.duties;
export const matterAreas = data.matterAreas;
export const matters: readonly Matter[] = data.matters;

/** The counts the district publishes (DOMAIN.md). */
export const listCounts = { dutyAreas: 7, duties: 178, matterAreas: 14, matters: 165, main: 8, support: 157 } as const;

/**
 * What does not add up to the published counts (empty when all do).
 * @example listProblems(data) // []
 */
export function listProblems(file: DutiesFile): string[] {
  const got = {
    dutyAreas: file.dutyAreas.length,
    duties: file.duties.length,
    matterAreas: file.matterAreas.length,
    matters: file.matters.length,
    main: file.matters.filter((m) => m.role === "main").length,
    support: file.matters.filter((m) => m.role === "support").length,
  };
  return Object.entries(listCounts)
    .filter(([key, expected]) => got[key as keyof typeof got] !== expected)
    .map(([key, expected]) => `三张清单: ${got[key as keyof typeof got]} ${key}, expected ${expected}`);
}

/** The lists as read, for {@link listProblems}. */
export const dutyLists: DutiesFile = data;

const byId = new Map<string, Duty | Matter>([...duties, ...matters].map((item) => [item.id, item]));

/** A body a case can be given to at 定责: an item of either list, named by what carries it. */
export interface ResponsibleItem {
  id: string;
  list: "duty" | "matter";
  name: string;
  /** Who carries it: a duty's body, or the department leading a matter (with the town's part). */
  body: string;
}

/**
 * An item of either list by id, as 定责 names it; undefined for anything else.
 * @example responsibleItem("d001")?.body // "镇党委办公室"
 * @example responsibleItem("m004")?.body // "区自然资源局牵头，镇里负主体责任"
 */
export function responsibleItem(id: string): ResponsibleItem | undefined {
  const item = byId.get(id);
  if (!item) return undefined;
  if ("body" in item) return { id, list: "duty", name: item.name, body: item.body };
  return { id, list: "matter", name: item.name, body: t(`duties.matter.${item.role}`, { lead: item.lead }) };
}
