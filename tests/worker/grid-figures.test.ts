/**
 * Issue 15: the grid's work in figures, from rows, by grid, 管区, town and district, each beside its
 * denominator, and as CSV: talks held, requests collected and closed, patrol reports, cases filed on a
 * villager's behalf, next to the cases villagers filed themselves by QR code. No figure counts a
 * misconduct report, so none can single one out.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { gridAreas, gridById, grids } from "#core/grid.ts";
import type { GridFigures as Figures } from "#core/grid-work.ts";
import { chinaDate } from "#core/period.ts";
import { villagesOfTown } from "#core/reference.ts";
import { fileReport } from "../fixtures/cases.ts";
import { answered, loginAs, publicClient, refused, staffClient, TEST_ORIGIN } from "../fixtures/staff.ts";

const TOWN = "371603203"; // 下河乡: no other test files cases here
const GRID = grids.find((g) => g.village.startsWith(TOWN))?.id as string;
const AREA = gridById(GRID)?.area as string;

const figures = (query: { town?: string; area?: string } = {}) =>
  answered(publicClient().api.figures.grid.$get({ query }));

describe("the grid's figures", () => {
  it("count talks, requests, patrols and 代办 from rows at every level, with their denominators", async () => {
    const before = await figures({ town: TOWN });
    const { cookie } = await loginAs(env.DB, { role: "grid_worker", scope: GRID });
    const village = gridById(GRID)?.village as string;
    const grid = staffClient(cookie).api.staff.grid;
    const talk = await grid.talks.$post({
      json: {
        grid: GRID,
        heldOn: chinaDate(),
        place: "文化广场",
        attendees: 31,
        requests: [
          { kind: "request", topic: "livelihood", content: "村北的桥栏杆断了一截，要修。" },
          { kind: "question", topic: "policy", content: "今年的耕地地力补贴什么时候发？" },
        ],
      },
    });
    expect(talk.status).toBe(201);
    await grid.patrols.$post({ json: { grid: GRID, category: "living", content: "村口垃圾堆了三天没人清。" } });
    await grid.cases.$post({
      json: { grid: GRID, kind: "question", topic: "affairs", content: "刘大爷问村里的账什么时候公开。" },
    });
    await grid.cases.$post({
      json: { grid: GRID, kind: "misconduct", topic: "conduct", content: "村干部优亲厚友，这事要反映。" },
    });
    await fileReport(village);

    const after = await figures({ town: TOWN });
    expect(after.scope).toMatchObject({ level: "town", code: TOWN });
    expect(after.by).toBe("area");
    const delta = (key: keyof Figures) => (after.total[key] as number) - (before.total[key] as number);
    expect([delta("talks"), delta("requests"), delta("patrols"), delta("behalf"), delta("qr")]).toEqual([
      1, 2, 1, 1, 1,
    ]);
    expect(after.total.villages).toBe(villagesOfTown(TOWN).length);
    expect(after.total.grids).toBe(grids.filter((g) => g.village.startsWith(TOWN)).length);
    expect(after.groups.map((g) => g.code)).toEqual(gridAreas.filter((a) => a.town === TOWN).map((a) => a.id));

    const byGrid = await figures({ area: AREA });
    expect(byGrid.by).toBe("grid");
    const line = byGrid.groups.find((g) => g.code === GRID);
    expect(line).toMatchObject({ grids: 1, villages: 1, qr: null });
    expect(line?.talks).toBeGreaterThanOrEqual(1);

    const district = await figures();
    expect(district.scope.level).toBe("district");
    expect(district.total.grids).toBe(586);
    expect(district.total.villages).toBe(438);
    expect(district.groups.find((g) => g.code === TOWN)?.talks).toBe(after.total.talks);

    const csvRes = await SELF.fetch(`${TEST_ORIGIN}/api/figures/grid.csv?town=${TOWN}`);
    expect(csvRes.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain("百姓夜话");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(after.groups.length + 2);
  });

  it("refuses an unknown town or 管区 naming the field", async () => {
    const grid = publicClient().api.figures.grid;
    const town = await refused(grid.$get({ query: { town: "371603999" } }), 404);
    expect(Object.keys(town.error.fields ?? {})).toEqual(["town"]);
    const area = await refused(grid.$get({ query: { area: "37160310499" } }), 404);
    expect(Object.keys(area.error.fields ?? {})).toEqual(["area"]);
  });
});
