/**
 * Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie (Secure on HTTPS); D1 keeps only
 * its SHA-256. A session ends after 8 idle hours or 7 days, whichever comes first.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { sha256Hex } from "#core/hash.ts";
import { t } from "#core/i18n/index.ts";
import type { StaffMember } from "#core/staff.ts";
import { nowOf } from "../config/context.ts";
import { ApiError } from "../errors.ts";
import { endSession, sessionStaff, touchSession } from "./queries.ts";

/** Hono env of every staff route: `c.get("staff")` is the logged-in member. */
export interface StaffEnv {
  Bindings: Env;
  Variables: { staff: StaffMember };
}

export const SESSION_COOKIE = "cunma_staff";
export const IDLE_MS = 8 * 3600_000;
export const ABSOLUTE_MS = 7 * 24 * 3600_000;
/** Don't rewrite last_seen_at on every request; a minute's precision is plenty for an 8-hour idle limit. */
const TOUCH_EVERY_MS = 60_000;
const COOKIE_PATH = "/api/staff/";

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

/**
 * A fresh unguessable session token (256 bits) and the hash D1 stores for it.
 * @example const { token, tokenHash } = await newSessionToken();
 */
export async function newSessionToken(): Promise<{ token: string; tokenHash: string }> {
  const token = base64url(crypto.getRandomValues(new Uint8Array(32)));
  return { token, tokenHash: await sha256Hex(token) };
}

/** Sets the session cookie on the response. @example setSessionCookie(c, token) */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: new URL(c.req.url).protocol === "https:",
    path: COOKIE_PATH,
    maxAge: ABSOLUTE_MS / 1000,
  });
}

/** Tells the browser to forget the session cookie. @example clearSessionCookie(c) */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH, secure: new URL(c.req.url).protocol === "https:" });
}

/** The hash of the request's session token, if it carries one. */
export async function requestTokenHash(c: Context): Promise<string | null> {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? sha256Hex(token) : null;
}

const notLoggedIn = () => new ApiError(401, "not_logged_in", t("staff.error.notLoggedIn"));

/**
 * Middleware: answers 401 unless the request carries a live session of an enabled account, then puts
 * `{id, username, role, scope}` on the context. Safe to stack: a second use reuses the first lookup.
 * @example
 *   const reports = new Hono<StaffEnv>();
 *   reports.get("/api/staff/reports", requireStaff(), (c) => c.json({ me: c.get("staff").username }));
 */
export function requireStaff(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (c.get("staff")) return next();
    const tokenHash = await requestTokenHash(c);
    if (!tokenHash) throw notLoggedIn();
    const found = await sessionStaff(c.env.DB, tokenHash);
    const now = nowOf(c).getTime();
    if (!found) throw notLoggedIn();
    const idle = now - Date.parse(found.session.lastSeenAt);
    if (idle > IDLE_MS || now > Date.parse(found.session.expiresAt)) {
      await endSession(c.env.DB, tokenHash).run();
      clearSessionCookie(c);
      throw notLoggedIn();
    }
    if (idle > TOUCH_EVERY_MS) await touchSession(c.env.DB, tokenHash, new Date(now).toISOString());
    c.set("staff", found.staff);
    return next();
  };
}
