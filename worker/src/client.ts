/**
 * The worker's public module for the site and the tests: the type of the API as its routes declare it
 * (path, params, query, body, and the JSON each one answers), and Hono's typed client over it. The site
 * imports this module and nothing else from worker/ (biome.json), for the client and its types only.
 *
 * Every JSON route declares its answer with `json<T>()` or `created<T>()` (contract/router.ts) and is
 * collected in its feature's `…Api` type, as are the CSV exports (their answer is text); the HTML pages,
 * redirects and attachments are not in it.
 */
import type { Hono } from "hono";
import { type ClientRequestOptions, type ClientResponse, hc } from "hono/client";
import type { BlankEnv, MergeSchemaPath, Schema } from "hono/types";
import type { AuditApi } from "./audit/index.ts";
import type { CaseApi } from "./cases/index.ts";
import type { CheckpointApi } from "./checkpoints/index.ts";
import type { FormApi } from "./disclosures/form.ts";
import type { DisclosureApi } from "./disclosures/index.ts";
import type { InspectApi } from "./disclosures/inspect.ts";
import type { PublishApi } from "./disclosures/publish.ts";
import type { GridApi, GridPublicApi } from "./grid/index.ts";
import type { HealthApi } from "./health/index.ts";
import type { MeetingApi } from "./meetings/index.ts";
import type { PointsApi } from "./points/index.ts";
import type { PointsPublicApi } from "./points/public.ts";
import type { ReportApi } from "./reports/index.ts";
import type { StaffApi } from "./staff/index.ts";

/** The routes of one or more registered `openapi()` calls (their return values), as Hono's schema. */
// biome-ignore lint/suspicious/noExplicitAny: matches a sub-app of any env and base path
type Routes<R> = R extends Hono<any, infer S extends Schema, any> ? S : never;

/** The staff console's API, /api/staff/*. */
type StaffConsole = MergeSchemaPath<
  Routes<StaffApi | AuditApi | CaseApi | PublishApi | FormApi | InspectApi | MeetingApi | GridApi | PointsApi>,
  "/api/staff"
>;

/** The public API: reports and receipts, chains and checkpoints, the catalogue, talks and figures. */
type PublicApi = Routes<DisclosureApi | GridPublicApi | PointsPublicApi | ReportApi | CheckpointApi | HealthApi>;

/** The app as the typed client sees it: the staff console and the public API. */
export type AppType = Hono<BlankEnv, StaffConsole | PublicApi>;

/**
 * What a typed call answers when it succeeds (200 or 201).
 * @example type Me = Answer<Awaited<ReturnType<typeof client.api.staff.me.$get>>>; // { staff: {…} }
 */
export type Answer<R> =
  R extends ClientResponse<infer T, infer S, infer _F> ? (S extends 200 | 201 ? T : never) : never;

/**
 * A typed client for this site's API (same origin unless `base` says otherwise).
 * @example const res = await apiClient().api.staff.me.$get(); if (res.ok) (await res.json()).staff.scopeName;
 */
export const apiClient = (base = "/", options?: ClientRequestOptions) => hc<AppType>(base, options);
