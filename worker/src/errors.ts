/**
 * One error shape for every JSON route: `{"error": {"code", "message", "fields"?}}`, with a Chinese
 * message a villager understands and the offending fields named.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** An error a handler throws to answer with a given status and the shared shape. */
export class ApiError extends Error {
  // plain fields, not parameter properties: the scripts run under Node's type stripping, which refuses those
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly fields?: Record<string, string> | undefined;

  constructor(status: ContentfulStatusCode, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** @example new ApiError(404, "not_found", "没有找到").body() // { error: { code: "not_found", message: "没有找到" } } */
  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

/**
 * The app's onError: known errors keep their status; anything else is a 500 that reveals nothing.
 * @example app.onError(handleError)
 */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return c.json(err.body(), err.status);
  // a 4xx HTTPException from Hono itself (the contract's body reader normally answers first, in its words)
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(
      { error: { code: "bad_request", message: "提交的内容格式不对，没有收到。" } } satisfies ApiErrorBody,
      err.status,
    );
  }
  console.error("unhandled", err.name, err.message);
  return c.json({ error: { code: "internal", message: "系统出了点问题，请稍后再试。" } } satisfies ApiErrorBody, 500);
}
