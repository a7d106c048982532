/**
 * `npm run staff`: staff accounts on the local D1 (default) or the deployed one (`--remote`). Passwords
 * come from STAFF_PASSWORD, or are generated and printed once. Every change appends its audit entry in
 * the same SQL file as the change itself; the entries are then sealed exactly as the worker seals them.
 *
 * @example
 *   npm run staff -- add --username botou-jw --role town_inspector --scope 371603104
 *   npm run staff -- list
 *   npm run staff -- disable --username botou-jw
 *   STAFF_PASSWORD='…' npm run staff -- reset-password --username botou-jw --remote
 */
import { parseArgs } from "node:util";
import { isStaffRole, type StaffRole, scopeName, usernamePattern, validScope } from "../schema/staff.ts";
import { t } from "../site/src/i18n/index.ts";
import {
  type AuditEntry,
  type AuditEntryRow,
  entryColumns,
  GENESIS_HASH,
  sealLinks,
} from "../worker/src/audit/chain.ts";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from "../worker/src/staff/password.ts";
import { type D1Target, executeSql, query } from "./wrangler.ts";

const sql = (value: string | number | null): string =>
  value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replaceAll("'", "''")}'`;

/** INSERTs appending `entries` to the audit log's entries, to run in the same file as the change. */
function auditSql(entries: AuditEntry[]): string {
  return entries
    .map((entry) => {
      const row = entryColumns(entry);
      const values = [row.at, row.actor_id, row.actor, row.action, row.target, row.detail];
      return `INSERT INTO audit_entries (at, actor_id, actor, action, target, detail) VALUES (${values.map(sql).join(", ")});`;
    })
    .join("\n");
}

/**
 * Seals pending audit entries into the chain exactly as the worker's sealer does (a running worker that
 * seals the same entries at the same time writes identical links, and one is kept).
 */
async function sealAuditSql(target: D1Target): Promise<void> {
  const [head] = query<{ seq: number; hash: string }>(
    "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
    target,
  );
  const pending = query<AuditEntryRow>(
    `SELECT id, at, actor_id, actor, action, target, detail FROM audit_entries
      WHERE id > COALESCE((SELECT MAX(entry_id) FROM audit_log), 0) ORDER BY id`,
    target,
  );
  if (pending.length === 0) return;
  const links = await sealLinks(head ?? { seq: 0, hash: GENESIS_HASH }, pending);
  executeSql(
    links
      .map((l) => {
        const values = [
          l.seq,
          l.at,
          l.actor_id,
          l.actor,
          l.action,
          l.target,
          l.detail,
          l.entry_id ?? null,
          l.prev_hash,
          l.hash,
        ];
        return `INSERT OR IGNORE INTO audit_log (seq, at, actor_id, actor, action, target, detail, entry_id, prev_hash, hash) VALUES (${values.map(sql).join(", ")});`;
      })
      .join("\n"),
    target,
  );
}

/**
 * Runs a change with its audit entries as one file, then seals them.
 * @example await executeAudited({ persistTo }, [], [{ action: "staff_add", actorId: null, actor: "cli" }]);
 */
export async function executeAudited(target: D1Target, statements: string[], entries: AuditEntry[]): Promise<void> {
  executeSql([...statements, auditSql(entries)].join("\n"), target);
  await sealAuditSql(target);
}

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
  if (!validScope(input.role, input.scope)) throw new Error(t("staff.cli.scope", input));
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new Error(t("staff.cli.shortPassword", { min: MIN_PASSWORD_LENGTH }));
}

const exists = (target: D1Target, username: string) =>
  query<{ n: number }>(`SELECT COUNT(*) AS n FROM staff WHERE username = ${sql(username)}`, target)[0]?.n === 1;

async function insertSql(account: NewStaff, now: string): Promise<string> {
  const values = [account.username, account.role, account.scope, await hashPassword(account.password), now, now];
  return `INSERT INTO staff (username, role, scope, password_hash, created_at, password_changed_at) VALUES (${values.map(sql).join(", ")});`;
}

/**
 * Creates accounts (none may exist yet), audited as one file.
 * @example await addStaff({}, [{ username: "botou-jw", role: "town_inspector", scope: "371603104", password }]);
 */
export async function addStaff(target: D1Target, accounts: NewStaff[]): Promise<void> {
  const now = new Date().toISOString();
  const statements: string[] = [];
  for (const account of accounts) {
    checkAccount(account);
    checkPassword(account.password);
    if (exists(target, account.username)) throw new Error(t("staff.cli.exists", { username: account.username }));
    statements.push(await insertSql(account, now));
  }
  const audit = accounts.map((a) => cli("staff_add", a.username, { role: a.role, scope: a.scope }));
  await executeAudited(target, statements, audit);
}

export interface ListedStaff {
  username: string;
  role: StaffRole;
  scope: string;
  created_at: string;
  disabled_at: string | null;
}

/** Every account, enabled first. @example listStaff({}).map((s) => s.username) */
export function listStaff(target: D1Target): ListedStaff[] {
  return query<ListedStaff>(
    "SELECT username, role, scope, created_at, disabled_at FROM staff ORDER BY disabled_at IS NOT NULL, role, scope, username",
    target,
  );
}

function requireAccount(target: D1Target, username: string): void {
  if (!exists(target, username)) throw new Error(t("staff.cli.missing", { username }));
}

const endSessionsSql = (username: string) =>
  `DELETE FROM staff_sessions WHERE staff_id = (SELECT id FROM staff WHERE username = ${sql(username)});`;

/** Disables an account and ends its sessions. @example await disableStaff({}, "botou-jw") */
export async function disableStaff(target: D1Target, username: string): Promise<void> {
  requireAccount(target, username);
  const now = new Date().toISOString();
  await executeAudited(
    target,
    [
      `UPDATE staff SET disabled_at = ${sql(now)} WHERE username = ${sql(username)} AND disabled_at IS NULL;`,
      endSessionsSql(username),
    ],
    [cli("staff_disable", username)],
  );
}

/**
 * Sets a new password, ends the account's sessions and lifts its lock.
 * @example await resetPassword({}, "botou-jw", generatePassword())
 */
export async function resetPassword(target: D1Target, username: string, password: string): Promise<void> {
  requireAccount(target, username);
  checkPassword(password);
  const now = new Date().toISOString();
  await executeAudited(
    target,
    [
      `UPDATE staff SET password_hash = ${sql(await hashPassword(password))}, password_changed_at = ${sql(now)} WHERE username = ${sql(username)};`,
      endSessionsSql(username),
      // the account-wide lock and each known client's own
      `DELETE FROM staff_login_failures WHERE key = ${sql(`user:${username}`)} OR substr(key, 1, ${`user:${username}:`.length}) = ${sql(`user:${username}:`)};`,
    ],
    [cli("staff_reset_password", username)],
  );
}

/** The demo accounts `npm start` creates for the demo villages; all share {@link DEMO_PASSWORD}. */
export const DEMO_PASSWORD = "cunma-demo";
export const demoAccounts: readonly Omit<NewStaff, "password">[] = [
  { username: "demo-qu", role: "district_admin", scope: "371603" },
  { username: "demo-botou", role: "town_inspector", scope: "371603104" },
  { username: "demo-xuwanliang", role: "village_secretary", scope: "371603104201" },
  { username: "demo-botoucun", role: "village_secretary", scope: "371603104202" },
];

/**
 * Creates whichever demo accounts are missing on a local D1 (never the deployed one) and prints them.
 * @example await ensureDemoStaff({ persistTo: "/tmp/state" })
 */
export async function ensureDemoStaff(target: { persistTo?: string }, log = console.log): Promise<void> {
  if ((target as D1Target).remote) throw new Error("demo accounts are for a local database only");
  const missing = demoAccounts.filter((a) => !exists(target, a.username));
  if (missing.length > 0)
    await addStaff(
      target,
      missing.map((a) => ({ ...a, password: DEMO_PASSWORD })),
    );
  log(`  ${t("staff.demo.title", { password: DEMO_PASSWORD })}`);
  for (const a of demoAccounts)
    log(`    ${a.username.padEnd(16)} ${t(`staff.role.${a.role}` as const)} · ${scopeName(a.role, a.scope)}`);
}

const roleName = (role: StaffRole) => t(`staff.role.${role}` as const);

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: "string" },
      role: { type: "string" },
      scope: { type: "string" },
      remote: { type: "boolean" },
      "persist-to": { type: "string" },
    },
  });
  const target: D1Target = values.remote ? { remote: true } : { persistTo: values["persist-to"] };
  const [command] = positionals;
  const username = (values.username ?? "").trim().toLowerCase();
  const given = process.env.STAFF_PASSWORD;
  const password = given ?? generatePassword();
  const showPassword = () => given === undefined && console.log(t("staff.cli.generated", { password }));

  if (command === "list") {
    const rows = listStaff(target);
    if (rows.length === 0) console.log(t("staff.cli.none"));
    for (const s of rows) {
      const state = s.disabled_at ? `停用于 ${s.disabled_at.slice(0, 10)}` : "启用";
      console.log(
        `${s.username.padEnd(20)} ${roleName(s.role)} · ${scopeName(s.role, s.scope)}（${s.scope}） ${state}`,
      );
    }
  } else if (command === "add") {
    const account = { username, role: values.role ?? "", scope: values.scope ?? "", password };
    checkAccount(account);
    await addStaff(target, [account]);
    console.log(
      t("staff.cli.added", { username, role: roleName(account.role), place: scopeName(account.role, account.scope) }),
    );
    showPassword();
  } else if (command === "disable") {
    await disableStaff(target, username);
    console.log(t("staff.cli.disabled", { username }));
  } else if (command === "reset-password") {
    await resetPassword(target, username, password);
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
