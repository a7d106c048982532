/**
 * The staff CLI against a temporary local D1, run as an administrator runs it (`node scripts/staff.ts …`).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../scripts/seed.ts";
import { migrate, query, root, withD1 } from "../../scripts/wrangler.ts";
import { type AuditRow, checkAuditRows, GENESIS_HASH } from "../../worker/src/audit/chain.ts";
import { verifyPassword } from "../../worker/src/staff/password.ts";

let persistTo: string;

function staff(args: string[], password?: string) {
  const env = { ...process.env };
  delete env.STAFF_PASSWORD;
  if (password !== undefined) env.STAFF_PASSWORD = password;
  const run = spawnSync(process.execPath, ["scripts/staff.ts", ...args, "--persist-to", persistTo], {
    cwd: root,
    encoding: "utf8",
    env,
  });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

const account = (username: string) =>
  query<{ role: string; scope: string; password_hash: string; disabled_at: string | null }>(
    `SELECT role, scope, password_hash, disabled_at FROM staff WHERE username = '${username}'`,
    { persistTo },
  )[0];

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), "cunma-staff-cli-"));
  migrate({ persistTo });
  await withD1({ persistTo }, (db) => seed(db, { demo: false }));
});
afterAll(() => rmSync(persistTo, { recursive: true, force: true }));

describe("npm run staff", { timeout: 300_000 }, () => {
  it("add: generates a password printed once, or takes STAFF_PASSWORD and prints none", async () => {
    const generated = staff(["add", "--username", "Botou-JW", "--role", "town_inspector", "--scope", "371603104"]);
    expect(generated.status, generated.err).toBe(0);
    expect(generated.out).toContain("已开通账号 botou-jw（镇街纪委 · 泊头镇）");
    const password = /初始密码[^：]*：(\S+)/.exec(generated.out)?.[1] as string;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const stored = account("botou-jw");
    expect(stored).toMatchObject({ role: "town_inspector", scope: "371603104", disabled_at: null });
    expect(stored?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(stored?.password_hash).not.toContain(password);
    expect(await verifyPassword(password, stored?.password_hash as string)).toBe(true);

    const given = staff(
      ["add", "--username", "xwl-sj", "--role", "village_secretary", "--scope", "371603104201"],
      "given-password-1",
    );
    expect(given.status, given.err).toBe(0);
    expect(given.out).not.toContain("given-password-1");
    expect(given.out).not.toContain("初始密码");
    expect(await verifyPassword("given-password-1", account("xwl-sj")?.password_hash as string)).toBe(true);
  });

  it("add: refuses a bad role, a scope at the wrong level, a taken name or a short password, writing nothing", () => {
    const before = query<{ n: number }>("SELECT COUNT(*) AS n FROM staff", { persistTo })[0]?.n;
    const cases: [string[], string | undefined, string][] = [
      [["--username", "abc", "--role", "mayor", "--scope", "371603"], undefined, "角色只能是"],
      [["--username", "abc", "--role", "village_secretary", "--scope", "371603104"], undefined, "管辖范围代码不对"],
      [["--username", "abc", "--role", "district_admin", "--scope", "371602"], undefined, "管辖范围代码不对"],
      [["--username", "botou-jw", "--role", "town_inspector", "--scope", "371603104"], undefined, "已经有了"],
      [["--username", "abc", "--role", "district_admin", "--scope", "371603"], "short", "太短"],
    ];
    for (const [args, password, message] of cases) {
      const run = staff(["add", ...args], password);
      expect(run.status, args.join(" ")).toBe(1);
      expect(run.err).toContain(message);
    }
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM staff", { persistTo })[0]?.n).toBe(before);
  });

  it("disable, reset-password and list", async () => {
    expect(staff(["disable", "--username", "botou-jw"]).out).toContain("已停用账号 botou-jw");
    expect(account("botou-jw")?.disabled_at).toMatch(/^\d{4}-/);

    const reset = staff(["reset-password", "--username", "xwl-sj"]);
    expect(reset.status, reset.err).toBe(0);
    const password = /初始密码[^：]*：(\S+)/.exec(reset.out)?.[1] as string;
    const hash = account("xwl-sj")?.password_hash as string;
    expect(await verifyPassword(password, hash)).toBe(true);
    expect(await verifyPassword("given-password-1", hash)).toBe(false);

    const missing = staff(["reset-password", "--username", "nobody"]);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain("没有用户名为 nobody 的账号");

    const lines = staff(["list"]).out.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^xwl-sj\s+村党组织书记 · 泊头镇徐万粮村（371603104201） 启用$/);
    expect(lines[1]).toMatch(/^botou-jw\s+镇街纪委 · 泊头镇（371603104） 停用于 \d{4}-\d{2}-\d{2}$/);
  });

  it("audits every change in a chain the worker's verifier accepts", async () => {
    const rows = query<AuditRow>("SELECT * FROM audit_log ORDER BY seq", { persistTo });
    expect(rows.map((r) => [r.actor, r.action, r.target])).toEqual([
      ["cli", "staff_add", "staff:botou-jw"],
      ["cli", "staff_add", "staff:xwl-sj"],
      ["cli", "staff_disable", "staff:botou-jw"],
      ["cli", "staff_reset_password", "staff:xwl-sj"],
    ]);
    expect((await checkAuditRows(rows, { seq: 0, hash: GENESIS_HASH })).broken).toBeUndefined();
  });

  it("add: a grid worker with one or more third-level grids (issue 15), never a village or a made-up grid", () => {
    const two = staff(
      [
        "add",
        "--username",
        "xwl-wg",
        "--role",
        "grid_worker",
        "--scope",
        "37160310420102",
        "--scope",
        "37160310420101",
      ],
      "given-password-2",
    );
    expect(two.status, two.err).toBe(0);
    expect(two.out).toContain("网格员 · 泊头镇徐万粮村第1网格、泊头镇徐万粮村第2网格");
    expect(account("xwl-wg")).toMatchObject({ role: "grid_worker", scope: "37160310420101,37160310420102" });
    const comma = staff(
      ["add", "--username", "btc-wg", "--role", "grid_worker", "--scope", "37160310420201,37160310420101"],
      "given-password-3",
    );
    expect(comma.status, comma.err).toBe(0);
    expect(account("btc-wg")?.scope).toBe("37160310420101,37160310420201");
    for (const scope of ["371603104201", "37160310420199", "37160310420101,371603104"]) {
      const run = staff(["add", "--username", "bad-wg", "--role", "grid_worker", "--scope", scope], "given-password-4");
      expect(run.status, scope).toBe(1);
      expect(run.err).toContain("管辖范围代码不对");
    }
    expect(account("bad-wg")).toBeUndefined();
  });
});
