/**
 * Every feature's routes are declared with @hono/zod-openapi: params, query and body as zod schemas on
 * the route, read with `c.req.valid(...)`, so the OpenAPI document is generated from the same
 * declarations that validate. `createRouter()` gives a feature its sub-app; `route()` adds to a
 * `createRoute` config how the route refuses bad input (one hook for all, see refusal.ts), how it reads
 * its body (body.ts) and which error answers it documents.
 */
import { createRoute, OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { Env as HonoEnv } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type BodyRules, readBody } from "./body.ts";
import { type Refusals, refuseInvalid, refusing } from "./refusal.ts";

/** The shared error shape, as the document shows it. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi("Error");

/**
 * A feature's sub-app: its routes' validation failures all go through the one hook.
 * @example export const reports = createRouter<{ Bindings: Env }>();
 */
export const createRouter = <E extends HonoEnv>() => new OpenAPIHono<E>({ defaultHook: refuseInvalid as never });

/** What a route adds to its `createRoute` config. */
export interface Contract {
  /** How each validated part is refused (see refusal.ts). */
  refusals?: Refusals;
  /** How the body is read (see body.ts); the route's `request.body` declares its schema. */
  body?: BodyRules;
  /** Other error answers the handler gives, documented with their meaning. */
  errors?: Partial<Record<ContentfulStatusCode, string>>;
}

const documented: Partial<Record<number, string>> = {
  400: "格式不对的请求",
  401: "没有登录",
  403: "没有权限，或不是从本网站发出",
  404: "没有找到",
  409: "和现有的记录冲突",
  413: "内容太大",
  415: "不接受的格式",
  422: "有字段没填好，fields 说明每一处",
  429: "太频繁，请看 Retry-After",
};

/** The error answers a route documents: those its refusals and body reader give, and its own. */
function errorResponses(contract: Contract): RouteConfig["responses"] {
  const statuses = new Set<number>(Object.keys(contract.errors ?? {}).map(Number));
  for (const refusal of Object.values(contract.refusals ?? {})) if (!refusal.page) statuses.add(refusal.status);
  if (contract.body) for (const status of [400, 413, 415, 422]) statuses.add(status);
  const responses: RouteConfig["responses"] = {};
  for (const status of statuses) {
    const description = contract.errors?.[status as ContentfulStatusCode] ?? documented[status] ?? "出错";
    responses[status] = { description, content: { "application/json": { schema: errorSchema } } };
  }
  return responses;
}

/**
 * A `createRoute` config with the route's refusals, body reader and error answers added.
 * @example
 *   const triage = route(
 *     { method: "post", path: "/reports/{id}/triage", request: { params: caseParams, body: body(triageInput) }, responses: json<CaseView>("案件") },
 *     { refusals: { param: caseNotFound, json: caseFields }, body: caseBody },
 *   );
 *   staff.openapi(triage, (c) => c.json(view, 200));
 */
export function route<const R extends RouteConfig>(config: R, contract: Contract = {}): R {
  const middleware = [
    refusing(contract.refusals ?? {}),
    ...(contract.body ? [readBody(contract.body)] : []),
    ...[config.middleware ?? []].flat(),
  ];
  return createRoute({
    ...config,
    middleware,
    responses: { ...errorResponses(contract), ...config.responses },
  }) as R;
}

type FormContent<F> = [F] extends [never] ? unknown : { "application/x-www-form-urlencoded": { schema: F } };

/**
 * A JSON request body of `json`, and when given, the same body as a plain HTML form parsed by `form`.
 * @example request: { body: body(triageInput) }
 * @example request: { body: body(reportInput, reportForm) }
 */
export function body<S extends z.ZodType, F extends z.ZodType = never>(json: S, form?: F) {
  return {
    // with two formats each validator runs only on its own Content-Type (the reader refuses any other)
    required: form === undefined,
    content: {
      "application/json": { schema: json },
      ...(form ? { "application/x-www-form-urlencoded": { schema: form } } : {}),
    } as { "application/json": { schema: S } } & FormContent<F>,
  };
}

/**
 * A success answer that is not JSON (a CSV file), described in words; a JSON answer is `json` or `created`.
 * @example responses: ok("CSV 文件")
 */
export const ok = (description: string) => ({ 200: { description } });

/** A success answer with status `status` whose JSON body is `T` (see `json` and `created`). */
const typedAnswer =
  <S extends 200 | 201>(status: S) =>
  <T>(description: string) =>
    ({
      [status]: {
        description,
        content: { "application/json": { schema: z.custom<T>().openapi({ type: "object" }) } },
      },
    }) as Record<S, { description: string; content: { "application/json": { schema: z.ZodType<T> } } }>;

/**
 * A 200 answer whose JSON body is `T`, the type of what the handler builds (a view function's result):
 * the handler must answer `c.json(view, 200)` with exactly that, and the typed client (client.ts) reads
 * it. The document shows the body as an object with the description.
 * @example responses: json<CaseView>("案件的全部内容")
 */
export const json = typedAnswer(200);

/**
 * A 201 answer whose JSON body is `T`, like `json`.
 * @example responses: created<Published>("公开了")
 */
export const created = typedAnswer(201);

/**
 * Documents what a sub-app's guards add to every route registered on it so far (a login cookie, and
 * the errors the guards give), before it is mounted; `except` routes are left as they are.
 * @example documentGuards(staff, { 401: "没有登录", 403: "不是从本网站发出" }, ["/login"]);
 */
export function documentGuards(
  app: { openAPIRegistry: OpenAPIHono["openAPIRegistry"] },
  errors: Partial<Record<ContentfulStatusCode, string>>,
  except: readonly string[] = [],
): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "staffSession", {
    type: "apiKey",
    in: "cookie",
    name: "cunma_staff",
  });
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== "route" || except.includes(definition.route.path)) continue;
    definition.route.security = [{ staffSession: [] }];
    definition.route.responses = { ...errorResponses({ errors }), ...definition.route.responses };
  }
}
