/**
 * One zod schema per entity a URL or a form names: a village, a town, a case, a disclosure version, a
 * meeting, a receipt, a figures period. The worker's params and queries and the site's forms read the
 * same ones, so "what is a village code" is answered in one place.
 */
import { z } from "zod";
import { gridAreaById } from "./grid.ts";
import { townByCode, villageByCode } from "./reference.ts";
import { isValidReceipt, normalizeReceipt } from "./report.ts";

/**
 * A known village's 12-digit statistical code.
 * @example villageCode.safeParse("371603104201").success // true
 */
export const villageCode = z
  .string()
  .regex(/^\d{12}$/)
  .refine((code) => villageByCode(code) !== undefined);

/**
 * A known town's 9-digit statistical code.
 * @example townCode.safeParse("371603104").success // true
 */
export const townCode = z
  .string()
  .regex(/^\d{9}$/)
  .refine((code) => townByCode(code) !== undefined);

/**
 * A known second-level grid's (管区's) 11-digit id: its town's code and 2 more digits.
 * @example gridAreaCode.safeParse("37160310401").success // true
 */
export const gridAreaCode = z
  .string()
  .regex(/^\d{11}$/)
  .refine((code) => gridAreaById(code) !== undefined);

/**
 * A row id as written in a path (a case, a disclosure version, a meeting): 1..15 digits, no leading zero,
 * read as a number.
 * @example rowId.parse("42") // 42
 */
export const rowId = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/)
  .transform(Number);

/**
 * A row id as a form or a query sends it (a disclosure the villager came from): digits only.
 * @example fieldRowId.safeParse("0042").success // true
 */
export const fieldRowId = z.string().regex(/^[0-9]{1,15}$/);

/**
 * A receipt as typed or read aloud (spaces, dashes, full-width digits allowed), normalized; its check
 * digit must hold.
 * @example receipt.parse("1234 5678 9012 3452") // "1234567890123452" when the check digit is right
 */
export const receipt = z
  .string()
  .max(64)
  .transform(normalizeReceipt)
  .refine((value) => isValidReceipt(value));

/**
 * A period figures are counted over: a year, a quarter or a month.
 * @example figuresPeriod.safeParse("2026-Q4").success // true
 */
export const figuresPeriod = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/);

/**
 * A quarter, as a 阳光报告会 is held in.
 * @example quarter.safeParse("2026-Q3").success // true
 */
export const quarter = z.string().regex(/^\d{4}-Q[1-4]$/);
