/**
 * `npm run staff`: staff accounts on the local D1 (default) or the deployed one (`--remote`). Passwords
 * come from STAFF_PASSWORD, or are generated and printed once. Every change appends its audit entry in
 * the same batch as the change itself, by the worker's own query functions on the `DB` binding; the
 * entries are then sealed exactly as the worker seals them. `--persist-to DIR` for another local state.
 *
 * @example
 *   npm run staff -- add --username botou-jw --role town_inspector --scope 371603104
 *   npm run staff -- add --username xwl-wg1 --role grid_worker --scope 37160310420101 --scope 37160310420102
 *   npm run staff -- list
 *   npm run staff -- disable --username botou-jw
 *   STAFF_PASSWORD='…' npm run staff -- reset-password --username botou-jw --remote
 */
import { parseArgs } from "node:util";
import { t } from "#core/i18n/index.ts";
import { district, districtArea, towns, villagesOfTown } from "#core/reference.ts";
import { gridScope, isStaffRole, type StaffRole, scopeName, usernamePattern, validScope } from "#core/staff.ts";
import {
  type AuditEntry,
  disableStaffStatements,
  generatePassword,
  hashPassword,
  insertStaff,
  type ListedStaff,
  listStaff,
  MIN_PASSWORD_LENGTH,
  resetPasswordStatements,
  runAuditedAll,
  staffExists,
} from "../worker/src/scripting.ts";
import { type D1Target, withD1 } from "./wrangler.ts";

export { type ListedStaff, listStaff };

/**
 * Runs a change with its audit entries in one batch, then seals them exactly as the worker does.
 * @example await executeAudited(db, [], [{ action: "staff_add", actorId: null, actor: "cli" }]);
 */
export const executeAudited = runAuditedAll;

const cli = (action: string, username: string, detail: Record<string, unknown> | null = null): AuditEntry => ({
  action,
  actorId: null,
  actor: "cli",
  target: `staff:${username}`,
  detail,
});

export interface NewStaff {
  username: string;
  role: StaffRole;
  scope: string;
  password: string;
}

/** Checks an account's fields; throws with a Chinese message naming the bad one. */
function checkAccount(input: { username: string; role: string; scope: string }): asserts input is NewStaff {
  if (!usernamePattern.test(input.username)) throw new Error(t("staff.cli.username", { username: input.username }));
  if (!isStaffRole(input.role)) throw new Error(t("staff.cli.role", { role: input.role }));
  if (!validScope(input.role, input.scope)) throw new Error(t("staff.cli.scope", { ...input, area: districtArea }));
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new Error(t("staff.cli.shortPassword", { min: MIN_PASSWORD_LENGTH }));
}

/**
 * Creates accounts (none may exist yet), audited in the same batch.
 * @example await addStaff(db, [{ username: "botou-jw", role: "town_inspector", scope: "371603104", password }]);
 */
export async function addStaff(db: D1Database, accounts: NewStaff[], now = new Date()): Promise<void> {
  const statements: D1PreparedStatement[] = [];
  for (const account of accounts) {
    checkAccount(account);
    checkPassword(account.password);
    if (await staffExists(db, account.username)) throw new Error(t("staff.cli.exists", { username: account.username }));
    const passwordHash = await hashPassword(account.password);
    statements.push(insertStaff(db, { ...account, passwordHash, now: now.toISOString() }));
  }
  const audit = accounts.map((a) => cli("staff_add", a.username, { role: a.role, scope: a.scope }));
  await runAuditedAll(db, statements, audit);
}

async function requireAccount(db: D1Database, username: string): Promise<void> {
  if (!(await staffExists(db, username))) throw new Error(t("staff.cli.missing", { username }));
}

/** Disables an account and ends its sessions. @example await disableStaff(db, "botou-jw") */
export async function disableStaff(db: D1Database, username: string, now = new Date()): Promise<void> {
  await requireAccount(db, username);
  await runAuditedAll(db, disableStaffStatements(db, username, now.toISOString()), [cli("staff_disable", username)]);
}

/**
 * Sets a new password, ends the account's sessions and lifts its lock.
 * @example await resetPassword(db, "botou-jw", generatePassword())
 */
export async function resetPassword(
  db: D1Database,
  username: string,
  password: string,
  now = new Date(),
): Promise<void> {
  await requireAccount(db, username);
  checkPassword(password);
  const statements = resetPasswordStatements(db, username, await hashPassword(password), now.toISOString());
  await runAuditedAll(db, statements, [cli("staff_reset_password", username)]);
}

/** The demo accounts `npm start` creates for the demo villages; all share {@link DEMO_PASSWORD}. */
export const DEMO_PASSWORD = "cunma-demo";
const demoDistrictAccounts: readonly Omit<NewStaff, "password">[] = [
  { username: "demo-qu", role: "district_admin", scope: "371603" },
  { username: "demo-botou", role: "town_inspector", scope: "371603104" },
  { username: "demo-xuwanliang", role: "village_secretary", scope: "371603104201" },
  { username: "demo-botoucun", role: "village_secretary", scope: "371603104202" },
  { username: "demo-wangge", role: "grid_worker", scope: "37160310420101,37160310420102" },
  // confirms the points 徐万粮村's secretary records (two people, always)
  { username: "demo-jifen", role: "points_supervisor", scope: "371603104201" },
];

/** For another district (CUNMA_DATA_DIR, or one imported): the district, its first town and that town's first village. */
function otherDistrictAccounts(): Omit<NewStaff, "password">[] {
  const town = towns.find((each) => each.villages > 0);
  const village = town && villagesOfTown(town.code)[0];
  return [
    { username: "demo-qu", role: "district_admin", scope: district.code },
    ...(town ? [{ username: "demo-zhen", role: "town_inspector" as const, scope: town.code }] : []),
    ...(village ? [{ username: "demo-cun", role: "village_secretary" as const, scope: village.code }] : []),
  ];
}

export const demoAccounts: readonly Omit<NewStaff, "password">[] = demoDistrictAccounts.every((a) =>
  validScope(a.role, a.scope),
)
  ? demoDistrictAccounts
  : otherDistrictAccounts();

/**
 * Creates whichever demo accounts are missing on a local D1 (never the deployed one) and prints them.
 * Takes a binding, or the local state directory to open one on.
 * @example await ensureDemoStaff({ persistTo: "/tmp/state" })
 */
export async function ensureDemoStaff(d1: { persistTo?: string } | D1Database, log = console.log): Promise<void> {
  if ((d1 as D1Target).remote) throw new Error("demo accounts are for a local database only");
  await withD1(d1, async (db) => {
    const missing: NewStaff[] = [];
    for (const a of demoAccounts)
      if (!(await staffExists(db, a.username))) missing.push({ ...a, password: DEMO_PASSWORD });
    if (missing.length > 0) await addStaff(db, missing);
  });
  printDemoStaff(log);
}

/**
 * Prints the demo accounts and their password.
 * @example printDemoStaff(console.log)
 */
export function printDemoStaff(log = console.log): void {
  log(`  ${t("staff.demo.title", { password: DEMO_PASSWORD })}`);
  for (const a of demoAccounts) log(`    ${a.username.padEnd(16)} ${roleName(a.role)} · ${scopeName(a.role, a.scope)}`);
}

/**
 * The scope as stored, from every --scope given: a grid worker's grids in ascending order, each once;
 * for any other role the one code given (several are refused by the scope check).
 */
function scopeOf(role: string | undefined, given: readonly string[]): string {
  const codes = given.flatMap((s) => s.split(/[,，\s]+/)).filter(Boolean);
  if (role === "grid_worker") return gridScope(codes) ?? codes.join(",");
  return codes.join(",");
}

const roleName = (role: StaffRole) => t(`staff.role.${role}` as const, { area: districtArea });

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: "string" },
      role: { type: "string" },
      // a grid worker may be given several grids: --scope a --scope b, or --scope a,b
      scope: { type: "string", multiple: true },
      remote: { type: "boolean" },
      "persist-to": { type: "string" },
    },
  });
  const target: D1Target = values.remote ? { remote: true } : { persistTo: values["persist-to"] };
  await withD1(target, (db) => run(db, positionals[0], values));
}

/** One command of the CLI on `db`. */
async function run(
  db: D1Database,
  command: string | undefined,
  values: { username?: string; role?: string; scope?: string[] },
): Promise<void> {
  const username = (values.username ?? "").trim().toLowerCase();
  const given = process.env.STAFF_PASSWORD;
  const password = given ?? generatePassword();
  const showPassword = () => given === undefined && console.log(t("staff.cli.generated", { password }));

  if (command === "list") {
    const rows = await listStaff(db);
    if (rows.length === 0) console.log(t("staff.cli.none"));
    for (const s of rows) {
      const state = s.disabled_at ? `停用于 ${s.disabled_at.slice(0, 10)}` : "启用";
      console.log(
        `${s.username.padEnd(20)} ${roleName(s.role)} · ${scopeName(s.role, s.scope)}（${s.scope}） ${state}`,
      );
    }
  } else if (command === "add") {
    const account = { username, role: values.role ?? "", scope: scopeOf(values.role, values.scope ?? []), password };
    checkAccount(account);
    await addStaff(db, [account]);
    console.log(
      t("staff.cli.added", { username, role: roleName(account.role), place: scopeName(account.role, account.scope) }),
    );
    showPassword();
  } else if (command === "disable") {
    await disableStaff(db, username);
    console.log(t("staff.cli.disabled", { username }));
  } else if (command === "reset-password") {
    await resetPassword(db, username, password);
    console.log(t("staff.cli.reset", { username }));
    showPassword();
  } else {
    throw new Error(t("staff.cli.usage"));
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
