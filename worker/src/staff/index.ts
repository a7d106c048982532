/**
 * Staff accounts' routes: login, logout, who am I. Mounted under /api/staff with every other staff
 * feature; the guards of that sub-app (app.ts) cover them all.
 */
import type { Context } from "hono";
import { sha256Hex } from "#core/hash.ts";
import { t } from "#core/i18n/index.ts";
import { type StaffMember, scopeName } from "#core/staff.ts";
import { recordAudit, runAudited } from "../audit/queries.ts";
import { nowOf } from "../config/context.ts";
import { body, createRouter, json, route } from "../contract/router.ts";
import { ApiError } from "../errors.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import {
  claimAttempt,
  clearFailures,
  endSession,
  isKnownClient,
  loginAccount,
  loginFailures,
  refundAttempt,
  rememberClient,
  startSession,
} from "./queries.ts";
import { loginBodyRules, loginInput, loginRefusal } from "./schema.ts";
import {
  ABSOLUTE_MS,
  clearSessionCookie,
  newSessionToken,
  requestTokenHash,
  type StaffEnv,
  setSessionCookie,
} from "./session.ts";
import { afterFailure, CLIENT_POLICY, type ThrottleState, throttleState, USER_POLICY } from "./throttle.ts";

export { canSeeMisconduct, canSeeTown, canSeeVillage, requirePermission } from "./scope.ts";
export { requireStaff, type StaffEnv } from "./session.ts";

export const staffRoutes = createRouter<StaffEnv>();

/** A member as login and /me answer: the account and its scope's name. */
const member = ({ id, username, role, scope }: StaffMember) => ({
  id,
  username,
  role,
  scope,
  scopeName: scopeName(role, scope),
});
type Member = ReturnType<typeof member>;

/** Checked against when the username is unknown, so a miss costs the same time as a wrong password. */
let decoyHash: Promise<string> | undefined;

/** Throws the 423/429 a throttled key gets (the username's lock first), with Retry-After. */
function refuseThrottled(c: Context, user: ThrottleState, client: ThrottleState): void {
  for (const [state, lockedMessage, lockedStatus] of [
    [user, "staff.error.locked", 423],
    [client, "staff.error.clientLocked", 429],
  ] as const) {
    if (state.state === "open") continue;
    c.header("Retry-After", String(state.seconds));
    if (state.state === "locked") {
      throw new ApiError(lockedStatus, "locked", t(lockedMessage, { minutes: Math.ceil(state.seconds / 60) }));
    }
    throw new ApiError(429, "too_many_attempts", t("staff.error.wait", { seconds: state.seconds }));
  }
}

/**
 * The keys a login is throttled on. A client (its address, kept only hashed with the deploy's secret
 * salt) is throttled across usernames by `client:…`. For a username, a client the account has logged in
 * from before is throttled on its own failures only (`user:<name>:client:…`), so strangers cannot lock
 * the real user out of their usual client; every other client shares the account-wide `user:<name>`, so
 * guessing from any number of addresses is slowed, then locked, for all of them together.
 */
async function throttleKeys(c: Context<StaffEnv>, username: string, now: number) {
  const address = c.req.header("CF-Connecting-IP") ?? "unknown";
  const clientHash = await sha256Hex(`${c.env.RATE_LIMIT_SALT}\nstaff-login\n${address}`);
  const knownClientKey = await sha256Hex(`${c.env.RATE_LIMIT_SALT}\nstaff-login-known\n${username}\n${address}`);
  const known = await isKnownClient(c.env.DB, knownClientKey, now);
  return {
    userKey: known ? `user:${username}:client:${clientHash}` : `user:${username}`,
    clientKey: `client:${clientHash}`,
    knownClientKey,
  };
}

const loginRoute = route(
  {
    method: "post",
    path: "/login",
    summary: "登录（设置会话 Cookie）",
    request: { body: body(loginInput) },
    responses: json<{ staff: Member }>("登录的人：{staff: {id, username, role, scope, scopeName}}"),
  },
  {
    refusals: { json: loginRefusal },
    body: loginBodyRules,
    errors: {
      401: "用户名或密码不对",
      403: "账号已停用，或不是从本网站发出",
      423: "账号已暂时锁定",
      429: "输错太多次，请看 Retry-After",
    },
  },
);

const login = staffRoutes.openapi(loginRoute, async (c) => {
  const { username, password } = c.req.valid("json");
  const db = c.env.DB;
  const now = nowOf(c).getTime();
  const keys = await throttleKeys(c, username, now);
  const { userKey, clientKey } = keys;
  const rows = await loginFailures(db, [userKey, clientKey]);
  const userRow = rows.find((r) => r.key === userKey);
  const clientRow = rows.find((r) => r.key === clientKey);
  refuseThrottled(c, throttleState(userRow, USER_POLICY, now), throttleState(clientRow, CLIENT_POLICY, now));

  const claims = await db.batch([
    claimAttempt(db, userRow, afterFailure(userRow, userKey, USER_POLICY, now)),
    claimAttempt(db, clientRow, afterFailure(clientRow, clientKey, CLIENT_POLICY, now)),
  ]);
  if (claims.some((r) => r.meta.changes !== 1)) {
    // Another attempt on the same key got in first: this one waits like any other.
    c.header("Retry-After", "5");
    throw new ApiError(429, "too_many_attempts", t("staff.error.wait", { seconds: 5 }));
  }

  const account = await loginAccount(db, username);
  decoyHash ??= hashPassword(crypto.randomUUID());
  const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash));
  if (!account || !matches) {
    // Anonymous traffic stays off the audit chain's hot path: a guess at an unknown username is only
    // counted by the throttle; one at a real account, which the throttle has just let through (so at most
    // a few per account per window), appends an entry and leaves sealing to the next staff action.
    if (account) {
      await db.batch([
        await recordAudit(db, {
          action: "login_failed",
          actorId: null,
          actor: "anonymous",
          target: `staff:${username}`,
        }),
      ]);
    }
    throw new ApiError(401, "bad_credentials", t("staff.error.badCredentials"));
  }
  const who = { actorId: account.id, actor: account.username, target: `staff:${username}` };
  if (account.disabled) {
    await runAudited(db, { action: "login_refused_disabled", ...who }, refundAttempt(db, clientKey));
    throw new ApiError(403, "account_disabled", t("staff.error.disabled"));
  }
  const { token, tokenHash } = await newSessionToken();
  await runAudited(db, { action: "login", ...who }, [
    startSession(db, {
      tokenHash,
      staffId: account.id,
      now: new Date(now).toISOString(),
      expiresAt: new Date(now + ABSOLUTE_MS).toISOString(),
    }),
    clearFailures(db, userKey),
    rememberClient(db, keys.knownClientKey, new Date(now).toISOString()),
    ...refundAttempt(db, clientKey),
  ]);
  setSessionCookie(c, token);
  return c.json({ staff: member(account) }, 200);
});

const logout = staffRoutes.openapi(
  route({
    method: "post",
    path: "/logout",
    summary: "退出登录",
    responses: json<{ loggedOut: true }>("{loggedOut: true}"),
  }),
  async (c) => {
    const staff = c.get("staff");
    const tokenHash = (await requestTokenHash(c)) as string;
    await runAudited(c.env.DB, { action: "logout", actorId: staff.id, actor: staff.username }, [
      endSession(c.env.DB, tokenHash),
    ]);
    clearSessionCookie(c);
    return c.json({ loggedOut: true as const }, 200);
  },
);

const me = staffRoutes.openapi(
  route({ method: "get", path: "/me", summary: "我是谁", responses: json<{ staff: Member }>("{staff: {…}}") }),
  (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ staff: member(c.get("staff")) }, 200);
  },
);

/** The typed routes of this sub-app, for the typed client (client.ts). */
export type StaffApi = typeof login | typeof logout | typeof me;
