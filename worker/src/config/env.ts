/**
 * The worker's configuration, parsed once per environment object: the [vars] of wrangler.toml (or a
 * `--var` override) and whether the deployment's secrets are in place. A bad value fails with one error
 * naming every bad variable, instead of quietly falling back somewhere deep in a rule.
 */
import { z } from "zod";
import { AUTO_CLOSE_DAYS_DEFAULT } from "#core/case.ts";
import { ATTACHMENT_DAYS_DEFAULT } from "#core/media.ts";
import { baseUrlProblem } from "#core/qr.ts";
import { DEV_FLAG } from "../security/dev-markers.ts";
import { secretProblem } from "../security/secrets.ts";

/** District-wide new reports per minute when INTAKE_PER_MINUTE is not set. */
export const INTAKE_PER_MINUTE_DEFAULT = 120;

const positiveWhole = (fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^[1-9]\d*$/, "must be a positive whole number")
    .transform(Number)
    .optional()
    .transform((n) => n ?? fallback);

const envSchema = z.object({
  PUBLIC_BASE_URL: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = value === undefined ? null : baseUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  AUTO_CLOSE_DAYS: positiveWhole(AUTO_CLOSE_DAYS_DEFAULT),
  INTAKE_PER_MINUTE: positiveWhole(INTAKE_PER_MINUTE_DEFAULT),
  ATTACHMENT_DAYS: positiveWhole(ATTACHMENT_DAYS_DEFAULT),
  [DEV_FLAG]: z.enum(["1"], { message: 'is "1" in .dev.vars, or not set at all' }).optional(),
});

export interface Config {
  /** Address printed on posters and encoded in QR codes (null when not set). */
  publicBaseUrl: string | null;
  /** Days an answered case waits for the villager's rating before it closes itself. */
  autoCloseDays: number;
  /** District-wide ceiling on new reports per minute. */
  intakePerMinute: number;
  /** Days a closed case keeps its photos and voice messages before the daily cron deletes them. */
  attachmentDays: number;
  /** A development server (`CUNMA_DEV=1` in .dev.vars): never true on a deployment. */
  dev: boolean;
  /** The first required secret a deployment lacks, as "NAME reason", or null (see security/secrets.ts). */
  secretProblem: string | null;
}

/** Thrown when a variable cannot be used; its message names each bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

type ConfigEnv = Partial<Record<keyof z.input<typeof envSchema>, string>> & {
  CHECKPOINT_KEY?: string;
  RATE_LIMIT_SALT?: string;
};

const parsed = new WeakMap<object, Config>();

/**
 * The configuration of `env`, parsed on first use and remembered for that object (one per isolate).
 * @example config(env).autoCloseDays // 7
 * @example config({ AUTO_CLOSE_DAYS: "soon" }) // throws ConfigError "AUTO_CLOSE_DAYS must be a positive whole number"
 */
export function config(env: ConfigEnv): Config {
  const known = parsed.get(env);
  if (known) return known;
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}`;
    });
    throw new ConfigError(`bad configuration in wrangler.toml [vars] or .dev.vars: ${lines.join("; ")}`);
  }
  const vars = result.data;
  const value: Config = {
    publicBaseUrl: vars.PUBLIC_BASE_URL ?? null,
    autoCloseDays: vars.AUTO_CLOSE_DAYS,
    intakePerMinute: vars.INTAKE_PER_MINUTE,
    attachmentDays: vars.ATTACHMENT_DAYS,
    dev: vars[DEV_FLAG] === "1",
    secretProblem: secretProblem(env),
  };
  parsed.set(env, value);
  return value;
}
