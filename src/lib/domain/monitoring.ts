/**
 * Implementation monitoring (Umsetzung, issue 14) as pure domain logic, in three parts:
 * monitoring-status.ts (status vocabulary, transitions, the record's shape), monitoring-validation.ts
 * (reported data and Sachstand notes, date helpers) and monitoring-rollup.ts (progress, overdue,
 * roll-up per field and goal). No I/O: the service (server/monitoring) stores what this returns.
 * Import from here; the parts are re-exported unchanged.
 */
export * from './monitoring-status';
export * from './monitoring-validation';
export * from './monitoring-rollup';
