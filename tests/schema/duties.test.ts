/**
 * Issue 15: the 职责任务清单 and 属地责任事项清单 add up to the district's published counts, every item
 * names what carries it, and 定责 can name any item by id.
 */
import { describe, expect, it } from "vitest";
import dutiesData from "#core/data/duties.json" with { type: "json" };
import { duties, dutiesFile, dutyLists, listProblems, matters, responsibleItem } from "#core/duties.ts";
import { parseData } from "#core/reference.ts";

describe("三张清单", () => {
  it("add up to 7 areas and 178 duties, 14 areas and 165 matters (8 main, 157 support), labelled 演示数据", () => {
    expect(listProblems(dutyLists)).toEqual([]);
    expect(dutiesData.demo).toBe(true);
  });

  it("name what carries each item, for 定责", () => {
    for (const d of duties)
      expect(responsibleItem(d.id)).toEqual({ id: d.id, list: "duty", name: d.name, body: d.body });
    const main = matters.find((m) => m.role === "main");
    expect(responsibleItem(main?.id ?? "")?.body).toBe(`${main?.lead}牵头，镇里负主体责任`);
    expect(responsibleItem("d999")).toBeUndefined();
    expect(responsibleItem("toString")).toBeUndefined();
  });

  it("refuses a broken file and counts that do not add up", () => {
    const broken = structuredClone(dutiesData);
    (broken.duties[2] as { area: string }).area = "da99";
    (broken.matters[1] as { id: string }).id = (broken.matters[0] as { id: string }).id;
    expect(() => parseData("duties.json", dutiesFile, broken)).toThrow("duties.2.area: not an area");
    expect(() => parseData("duties.json", dutiesFile, broken)).toThrow("matters.1.id: duplicate");
    const short = { ...dutyLists, duties: dutyLists.duties.slice(1) };
    expect(listProblems(short)).toEqual(["三张清单: 177 duties, expected 178"]);
  });
});
