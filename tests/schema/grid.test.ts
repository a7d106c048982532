/**
 * Issue 15: the grid's reference data adds up to the district's published counts, places every
 * third-level grid in one village and every village in one 管区 of its own town, and a broken file is
 * refused naming the field.
 */
import { describe, expect, it } from "vitest";
import gridsData from "#core/data/grids.json" with { type: "json" };
import {
  gridAreaById,
  gridAreas,
  gridById,
  gridName,
  gridProblems,
  grids,
  gridsFile,
  gridsOfVillage,
  liaisons,
  liaisonsOfVillage,
  villageArea,
} from "#core/grid.ts";
import { parseData, villageByCode, villages } from "#core/reference.ts";

describe("the grid", () => {
  it("has the published counts: 74 管区, 586 grids, 1,406 grid workers, 902 包联干部", () => {
    expect(gridProblems(grids, gridAreas, liaisons, villages)).toEqual([]);
    expect(new Set(gridAreas.map((a) => a.town)).size).toBe(11); // 海防办事处 has no villages
  });

  it("puts each grid in one village and each village in one 管区 of its town, with 包联干部", () => {
    for (const v of villages) {
      const own = gridsOfVillage(v.code);
      expect(own.length, v.code).toBeGreaterThan(0);
      expect(new Set(own.map((g) => g.area)).size, v.code).toBe(1);
      expect(villageArea(v.code)?.town).toBe(v.town);
      expect(liaisonsOfVillage(v.code).length, v.code).toBeGreaterThanOrEqual(2);
    }
    const grid = gridById("37160310420101");
    expect(grid?.village).toBe("371603104201");
    expect(gridAreaById(grid?.area ?? "")?.town).toBe("371603104");
    expect(gridName("37160310420101")).toBe(`泊头镇${villageByCode("371603104201")?.name}第1网格`);
  });

  it("is the same on every run of the generator (deterministic, labelled 演示数据)", () => {
    expect(gridsData.demo).toBe(true);
    expect(parseData("grids.json", gridsFile, gridsData).grids).toEqual(grids);
  });

  it("refuses a grid outside its village's town or 管区, naming the field", () => {
    const broken = structuredClone(gridsData);
    const first = broken.grids[0] as { area: string; village: string };
    first.area = "37160310401"; // a 管区 of another town
    (broken.grids[1] as { village: string }).village = "371603999999";
    (broken.liaisons[0] as { phone: string }).phone = "12345";
    const parse = () => parseData("grids.json", gridsFile, broken);
    expect(parse).toThrow("grids.0.area: not a 管区 of the village's town");
    expect(parse).toThrow("grids.1.village: not a village");
    expect(parse).toThrow("liaisons.0.phone: must be a phone number");
  });
});
