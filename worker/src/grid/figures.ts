/**
 * The grid's work in figures, from rows: per third-level grid, summed up to 管区, town and district by
 * the reference data, each group beside its denominators (its grids and villages; requests, patrol
 * reports and 代办 beside how many of them are closed). Cases villagers filed themselves by QR code are
 * counted per village, so they show from 管区 level up. No misconduct report is counted anywhere.
 */
import { gridAreaById, gridAreas, grids } from "#core/grid.ts";
import type { GridFigures } from "#core/grid-work.ts";
import { district, townByCode, towns, villages } from "#core/reference.ts";
import type { GridCountRow } from "./queries.ts";

const counted = ["talks", "requests", "requestsClosed", "patrols", "patrolsClosed", "behalf", "behalfClosed"] as const;

/** The figures of a set of grids and villages, from the per-grid counts and per-village QR counts. */
function sum(
  gridIds: readonly string[],
  villageCodes: readonly string[] | null,
  byGrid: ReadonlyMap<string, GridCountRow>,
  qrByVillage: ReadonlyMap<string, number>,
): GridFigures {
  const figures: GridFigures = {
    grids: gridIds.length,
    villages: villageCodes?.length ?? 1,
    talks: 0,
    requests: 0,
    requestsClosed: 0,
    patrols: 0,
    patrolsClosed: 0,
    behalf: 0,
    behalfClosed: 0,
    qr: villageCodes ? villageCodes.reduce((n, v) => n + (qrByVillage.get(v) ?? 0), 0) : null,
  };
  for (const id of gridIds) {
    const row = byGrid.get(id);
    if (row) for (const key of counted) figures[key] += row[key];
  }
  return figures;
}

/** What a level groups by, and its groups: towns, a town's 管区, or a 管区's grids. */
function groupsOf(scope: { town?: string | undefined; area?: string | undefined }) {
  const gridsIn = (test: (village: string, area: string) => boolean) =>
    grids.filter((g) => test(g.village, g.area)).map((g) => g.id);
  const villagesIn = (test: (village: string) => boolean) => villages.filter((v) => test(v.code)).map((v) => v.code);
  if (scope.area) {
    const area = gridAreaById(scope.area);
    return {
      scope: { level: "area", code: scope.area, name: area?.name ?? scope.area },
      by: "grid" as const,
      groups: grids
        .filter((g) => g.area === scope.area)
        .map((g) => ({ code: g.id, name: g.name, grids: [g.id], villages: null })),
      all: {
        grids: gridsIn((_, a) => a === scope.area),
        villages: [...new Set(grids.filter((g) => g.area === scope.area).map((g) => g.village))],
      },
    };
  }
  if (scope.town) {
    const areas = gridAreas.filter((a) => a.town === scope.town);
    return {
      scope: { level: "town", code: scope.town, name: townByCode(scope.town)?.name ?? scope.town },
      by: "area" as const,
      groups: areas.map((a) => {
        const own = grids.filter((g) => g.area === a.id);
        return {
          code: a.id,
          name: a.name,
          grids: own.map((g) => g.id),
          villages: [...new Set(own.map((g) => g.village))],
        };
      }),
      all: {
        grids: gridsIn((v) => v.startsWith(scope.town as string)),
        villages: villagesIn((v) => v.startsWith(scope.town as string)),
      },
    };
  }
  return {
    scope: { level: "district", code: district.code, name: district.name },
    by: "town" as const,
    groups: towns.map((tw) => ({
      code: tw.code,
      name: tw.name,
      grids: gridsIn((v) => v.startsWith(tw.code)),
      villages: villagesIn((v) => v.startsWith(tw.code)),
    })),
    all: { grids: grids.map((g) => g.id), villages: villages.map((v) => v.code) },
  };
}

/**
 * The figures of a scope (the district; `town`; or `area`, a 管区), by its groups and in total.
 * @example gridFigures({ town: "371603104" }, rows, qr).by // "area"
 */
export function gridFigures(
  scope: { town?: string | undefined; area?: string | undefined },
  rows: readonly GridCountRow[],
  qrRows: readonly { village: string; cases: number }[],
) {
  const byGrid = new Map(rows.map((r) => [r.grid, r]));
  const qrByVillage = new Map(qrRows.map((r) => [r.village, r.cases]));
  const { scope: named, by, groups, all } = groupsOf(scope);
  return {
    scope: named,
    by,
    total: sum(all.grids, all.villages, byGrid, qrByVillage),
    groups: groups.map((g) => ({ code: g.code, name: g.name, ...sum(g.grids, g.villages, byGrid, qrByVillage) })),
  };
}
