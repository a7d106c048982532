/**
 * Where the 代办 page leaves the slip for the slip page: this tab's sessionStorage only, so the receipt
 * (shown once) never travels in an address, a referrer or the server's logs, and is gone with the tab.
 */
import type { InferResponseType } from "hono/client";
import type { api } from "./staff-request.ts";

const SLIP_KEY = "cunma-grid-slip";

/** The slip as POST /api/staff/grid/cases answers it. */
export type Slip = InferResponseType<typeof api.api.staff.grid.cases.$post, 201>;

/** @example keepSlip(await staffRequest(api.api.staff.grid.cases.$post({ json: filing }), messages)) */
export const keepSlip = (slip: Slip): void => sessionStorage.setItem(SLIP_KEY, JSON.stringify(slip));

/** @example const slip = keptSlip(); if (slip) show(slip); */
export const keptSlip = (): Slip | null => JSON.parse(sessionStorage.getItem(SLIP_KEY) ?? "null") as Slip | null;
