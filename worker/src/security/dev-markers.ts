/** How development secrets are marked, shared by the worker's check and the script that writes `.dev.vars`. */

/** The `.dev.vars` flag that marks a development server; a deployed worker never has it. */
export const DEV_FLAG = "CUNMA_DEV";
/** Development checkpoint keys carry a JWK `kid` starting with this, and development salts start with it. */
export const DEV_VALUE_PREFIX = "dev-";
