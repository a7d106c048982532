/**
 * Issue 11: the reference data is validated with zod when schema/reference.ts loads, and a broken file is
 * refused with an error naming the file and each bad field.
 */
import { describe, expect, it } from "vitest";
import villagesData from "#core/data/villages.json" with { type: "json" };
import { parseData, referenceFiles, villages } from "#core/reference.ts";

describe("reference data", () => {
  it("loads the district's 438 villages, validated", () => {
    expect(villages).toHaveLength(438);
    expect(parseData("villages.json", referenceFiles["villages.json"], villagesData)).toEqual(villages);
  });

  it("refuses a broken file naming the file, the row and the field", () => {
    const broken = structuredClone(villagesData);
    (broken[3] as { code: string }).code = "37160300120X";
    (broken[5] as { code: string; town: string }).town = "371603002";
    (broken[7] as { code: string }).code = (broken[6] as { code: string }).code;
    (broken[8] as { name: string }).name = " ";
    const parse = () => parseData("villages.json", referenceFiles["villages.json"], broken);
    expect(parse).toThrow("schema/data/villages.json is not valid");
    expect(parse).toThrow("3.code: must be 12 digits");
    expect(parse).toThrow("5.code: not in its town");
    expect(parse).toThrow("7.code: duplicate");
    expect(parse).toThrow("8.name: must not be empty");
  });

  it("refuses a catalogue item with an unknown cadence", () => {
    const catalogue = {
      categories: [],
      cadences: [],
      items: [{ id: "x-y", category: "party", name: "某项", cadence: "weekly", table: null }],
    };
    expect(() => parseData("catalogue.json", referenceFiles["catalogue.json"], catalogue)).toThrow(/items\.0\.cadence/);
  });
});
