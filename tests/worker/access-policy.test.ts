/**
 * One access policy (issue 11): the SQL predicate the case queries carry and the TypeScript check on one
 * case are both derived from the permissions table in schema/access.ts, and must agree. For any member of
 * any role and scope (real and unreal ones) and any cases that satisfy the table's CHECKs, the list query
 * and the bare predicate admit exactly the cases the TypeScript check does not answer "none" for, and mark
 * as moved exactly those it answers "moved" for. Villages: a member reaches a village exactly when the SQL
 * admits a fresh question of it.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CasePlace,
  canSeeTown,
  canSeeVillage,
  caseAccess,
  caseScope,
  mayHandle,
  permissions,
} from "#core/access.ts";
import { villages } from "#core/reference.ts";
import { reportRoutes } from "#core/report.ts";
import { type StaffMember, staffRoles } from "#core/staff.ts";
import { type CaseRow, caseById, scopedCases } from "../../worker/src/cases/queries.ts";

const TOWNS = ["371603104", "371603105", "371603001"];
const VILLAGES = ["371603104201", "371603104202", "371603105201", "371603001201"];
/** Grid workers' scopes: one grid, two grids of one village, grids in two towns (issue 15). */
const GRIDS = ["37160310420101", "37160310420101,37160310420102", "37160310420201,37160310520101"];

/** Scopes worth trying for each role: real ones in and out of the fixtures' places, and codes of the wrong level. */
const scopes = fc.constantFrom(
  "371603",
  "371604",
  ...TOWNS,
  "371603400",
  ...VILLAGES,
  "371603107201",
  "",
  ...GRIDS,
  "37160310720101",
);
const member = fc
  .record({ role: fc.constantFrom(...staffRoles), scope: scopes })
  .map((m): StaffMember => ({ id: 1, username: "policy", ...m }));

/** A case as the reports table allows it: a misconduct report is always on the discipline route and queue. */
const caseShape = fc
  .record({
    village: fc.constantFrom(...VILLAGES),
    kind: fc.constantFrom("question", "request", "misconduct"),
    route: fc.constantFrom(null, ...reportRoutes),
    queue: fc.constantFrom("village", "discipline"),
    handlingTown: fc.constantFrom(null, ...TOWNS),
    // filed by the member under test, by someone else, or by the villager
    filedBy: fc.constantFrom(null, "policy", "other"),
  })
  .map((c) => (c.kind === "misconduct" ? { ...c, route: "discipline" as const, queue: "discipline" as const } : c));
type CaseShape = typeof caseShape extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;

/** Inserts cases straight into the reports table (its CHECKs still apply) and returns their ids. */
async function insertCases(cases: CaseShape[]): Promise<number[]> {
  const results = await env.DB.batch(
    cases.map((c) => {
      const hash = (++serial).toString(16).padStart(64, "0");
      return env.DB.prepare(
        `INSERT INTO reports (receipt_hash, village_code, kind, topic, content, body_hash, route, queue, handling_town,
                              received_on, filed_by)
         VALUES (?1, ?2, ?3, 'affairs', '政策核对', ?1, ?4, ?5, ?6, '2026-11-02', ?7) RETURNING id`,
      ).bind(hash, c.village, c.kind, c.route, c.queue, c.handlingTown, c.filedBy ?? null);
    }),
  );
  return results.map((r) => (r.results[0] as { id: number }).id);
}

/** The cases as the worker reads them (the row mapper the case routes use). */
async function readCases(ids: number[]): Promise<CaseRow[]> {
  return Promise.all(ids.map(async (id) => (await caseById(env.DB, id)) as CaseRow));
}

/** A case as the worker would read it, straight from its shape, for the larger sets. */
const placeOf = (c: CaseShape): CasePlace => ({
  village: c.village,
  town: c.handlingTown ?? c.village.slice(0, 9),
  transferred: c.handlingTown !== null,
  kind: c.kind,
  queue: c.queue,
  route: c.route,
  filedBy: c.filedBy ?? null,
});

/** What the TypeScript check says of each case: id → "full" | "moved" (cases it answers "none" for left out). */
function byTypeScript(staff: StaffMember, ids: number[], places: CasePlace[]): Map<number, string> {
  const seen = new Map<number, string>();
  places.forEach((place, i) => {
    const access = caseAccess(staff, place);
    if (access !== "none") seen.set(ids[i] as number, access);
  });
  return seen;
}

/** What the bare SQL predicate says of the same cases. */
async function bySql(staff: StaffMember, ids: number[]): Promise<Map<number, string>> {
  const scope = caseScope(staff);
  const { results } = await env.DB.prepare(
    `SELECT r.id, ${scope.moved} AS moved FROM reports r JOIN villages v ON v.code = r.village_code
      WHERE ${scope.where} AND r.id IN (SELECT value FROM json_each(?2))`,
  )
    .bind(...scope.params, JSON.stringify(ids))
    .all<{ id: number; moved: number }>();
  return new Map(results.map((r) => [r.id, r.moved === 1 ? "moved" : "full"]));
}

/** What the staff list query (the one the console and the export read) says of them. */
async function byListQuery(staff: StaffMember, ids: number[]): Promise<Map<number, string>> {
  const all = { state: null, kind: null, village: null, town: null, receiptHash: null };
  const rows = await scopedCases(env.DB, staff, all);
  const wanted = new Set(ids);
  return new Map(rows.filter((r) => wanted.has(r.id)).map((r) => [r.id, r.movedToTown ? "moved" : "full"]));
}

const sorted = (m: Map<number, string>) => [...m].sort(([a], [b]) => a - b);

describe("the SQL predicate and the TypeScript check", () => {
  it("agree on every case for every role and scope", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseShape, { minLength: 1, maxLength: 6 }), member, async (cases, staff) => {
        const ids = await insertCases(cases);
        const rows = await readCases(ids);
        expect(rows).toEqual(rows.map((r, i) => ({ ...r, ...placeOf(cases[i] as CaseShape) })));
        const expected = sorted(byTypeScript(staff, ids, rows));
        expect(sorted(await bySql(staff, ids)), JSON.stringify({ staff, cases })).toEqual(expected);
        expect(sorted(await byListQuery(staff, ids)), JSON.stringify({ staff, cases })).toEqual(expected);
        // the list query reads every case in the database: keep it to this run's
        await env.DB.prepare("DELETE FROM reports WHERE id IN (SELECT value FROM json_each(?1))")
          .bind(JSON.stringify(ids))
          .run();
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it("agree on every combination of a case's kind, route, queue and handling town, for every role", async () => {
    const every: CaseShape[] = [];
    for (const village of VILLAGES)
      for (const kind of ["question", "request", "misconduct"] as const)
        for (const route of [null, ...reportRoutes])
          for (const queue of ["village", "discipline"] as const)
            for (const handlingTown of [null, ...TOWNS])
              for (const filedBy of [null, "policy"] as const) {
                if (kind === "misconduct" && (route !== "discipline" || queue !== "discipline")) continue;
                every.push({ village, kind, route, queue, handlingTown, filedBy });
              }
    const ids = await insertCases(every);
    for (const role of staffRoles) {
      for (const scope of ["371603", ...TOWNS, ...VILLAGES, ...GRIDS]) {
        const staff: StaffMember = { id: 1, username: "policy", role, scope };
        const expected = sorted(byTypeScript(staff, ids, every.map(placeOf)));
        expect(sorted(await bySql(staff, ids)), `${role} ${scope}`).toEqual(expected);
      }
    }
  }, 60_000);

  it("agree on villages: a member who sees cases reaches a village exactly when the SQL admits a fresh question of it", async () => {
    const sample = villages.filter((_, i) => i % 7 === 0).map((v) => v.code);
    const ids = await insertCases(
      sample.map((village) => ({
        village,
        kind: "question",
        route: null,
        queue: "village",
        handlingTown: null,
        filedBy: null,
      })),
    );
    await fc.assert(
      fc.asyncProperty(member, async (staff) => {
        const admitted = await bySql(staff, ids);
        // the points roles reach their village but see none of its cases (issue 16)
        const reached = permissions[staff.role].cases ? sample.filter((code) => canSeeVillage(staff, code)) : [];
        expect(ids.filter((id) => admitted.has(id)).length).toBe(reached.length);
        expect(sample.filter((_, i) => admitted.get(ids[i] as number) === "full")).toEqual(reached);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe("a grid worker (issue 15)", () => {
  const worker: StaffMember = { id: 1, username: "policy", role: "grid_worker", scope: "37160310420101" };
  const place = (over: Partial<CasePlace>): CasePlace => ({
    village: "371603104201",
    town: "371603104",
    transferred: false,
    kind: "question",
    queue: "village",
    route: null,
    filedBy: null,
    ...over,
  });

  it("sees the cases of their grids' villages and what they filed, never others' misconduct reports", () => {
    expect(caseAccess(worker, place({}))).toBe("full");
    expect(caseAccess(worker, place({ village: "371603104202" }))).toBe("none");
    expect(caseAccess(worker, place({ village: "371603104202", filedBy: "policy" }))).toBe("full");
    expect(caseAccess(worker, place({ kind: "misconduct", queue: "discipline", route: "discipline" }))).toBe("none");
    // a misconduct report they filed went to the town's discipline inspectors: they see only that
    const filed = place({ kind: "misconduct", queue: "discipline", route: "discipline", filedBy: "policy" });
    expect(caseAccess(worker, filed)).toBe("moved");
    expect(caseAccess(worker, place({ route: "township" }))).toBe("moved");
    expect(caseAccess(worker, place({ route: "township", filedBy: "policy" }))).toBe("full");
  });

  it("may never triage or handle a case", () => {
    expect(permissions.grid_worker.triage).toBe(false);
    for (const route of [null, ...reportRoutes]) expect(mayHandle(worker, route)).toBe(false);
  });
});

describe("the permissions table", () => {
  it("keeps a village's cadres on their side of the wall and whole towns from them", () => {
    for (const role of staffRoles) {
      const row = permissions[role];
      if (row.reach === "village" || row.reach === "grid") expect(row.seeMisconduct, role).toBe(false);
      const staff: StaffMember = { id: 1, username: "policy", role, scope: "371603104201" };
      if (row.reach === "village") expect(canSeeTown(staff, "371603104"), role).toBe(false);
      const gridWorker: StaffMember = { id: 1, username: "policy", role, scope: "37160310420101" };
      if (row.reach === "grid") expect(canSeeTown(gridWorker, "371603104"), role).toBe(false);
      // two people, always: no role both records and confirms points
      expect(row.recordPoints && row.confirmPoints, role).toBe(false);
    }
  });
});
