/**
 * The worker's public module for the command-line scripts (`npm run seed`, `staff`, `verify`): the same
 * D1 query functions and rules the worker runs, so a script never writes SQL of its own nor reaches into
 * a feature folder. Every function takes the D1 binding as its first argument (wrangler's
 * getPlatformProxy() gives one over the local or deployed database; a SQLite adapter can stand in).
 */
export { type AuditEntry, checkAuditRows, GENESIS_HASH } from "./audit/chain.ts";
export { auditLinks, runAuditedAll } from "./audit/queries.ts";
export { appendVersions, disclosureCount, everyChainRow } from "./disclosures/queries.ts";
export { everyLedgerRow, reissueCards, villageHouseholds } from "./points/queries.ts";
export { referenceStatements } from "./reference/queries.ts";
export { type DemoCaseRow, demoCaseStatements, intakeRows, upgradeLegacyRows } from "./reports/queries.ts";
export { DEV_FLAG, DEV_VALUE_PREFIX } from "./security/dev-markers.ts";
export { securityHeaders } from "./security/headers.ts";
export { secretProblem } from "./security/secrets.ts";
export { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from "./staff/password.ts";
export {
  disableStaffStatements,
  insertStaff,
  type ListedStaff,
  listStaff,
  resetPasswordStatements,
  staffExists,
} from "./staff/queries.ts";
