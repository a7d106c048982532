/**
 * The API's contract is generated from the routes themselves: GET /api/openapi.json must be a valid
 * OpenAPI 3.1 document by an independent validator, list every route the app answers, and document the
 * error answers of every route that validates input or sits behind the staff guards. Runs in Node
 * (the validator compiles schemas with `new Function`, which workerd forbids), type-checked with the
 * worker's types (worker/tsconfig.json); the document is the one the app serves.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../worker/src/app.ts";

interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: unknown[];
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const app = createApp();
let doc: Document;

/** A Hono path as OpenAPI writes it: `:code{[0-9]{12}}` and `:code` both become `{code}`. */
const openApiPath = (path: string) => path.replace(/:(\w+)(\{[^/]*\})?/g, "{$1}");

beforeAll(async () => {
  const res = await app.request("https://cunma.test/api/openapi.json", {}, {} as Env);
  expect(res.status, await res.clone().text()).toBe(200);
  doc = (await res.json()) as Document;
});

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as Parameters<typeof validator.validate>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every route the app answers", () => {
    const answered = app.routes
      .filter((r) => r.method !== "ALL" && r.path !== "/api/openapi.json")
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`);
    expect(answered.length).toBeGreaterThan(50);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`)),
    );
    expect(answered.filter((route) => !documented.has(route))).toEqual([]);
  });

  it("documents the shared error shape for every route that validates what it is sent", () => {
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith("/api/")) continue;
      for (const [method, op] of Object.entries(ops)) {
        if (!op.parameters?.length && !op.requestBody) continue;
        const errors = Object.entries(op.responses).filter(([status]) => status.startsWith("4"));
        const shared = errors.some(([, r]) => r.content?.["application/json"]?.schema?.$ref?.endsWith("/Error"));
        if (!shared) missing.push(`${method} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("documents the staff guards on every staff route but login", () => {
    const unguarded: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith("/api/staff/") || path === "/api/staff/login") continue;
      for (const [method, op] of Object.entries(ops)) {
        if (!op.responses["401"] || !op.responses["403"] || !op.security?.length) unguarded.push(`${method} ${path}`);
      }
    }
    expect(unguarded).toEqual([]);
    expect(doc.paths["/api/staff/reports/{id}/triage"]?.post?.responses).toHaveProperty("422");
  });
});
