// Data layer: Dexie schema, migrations and repositories. Only src/lib/state imports this.
export * from './schema';
export * from './records';
export * from './planOps';
export * from './planRepo';
export * from './backupRepo';
export * from './unitRepo';
export * from './settingsRepo';
export * from './errors';
export * from './open';
export * from './notices';
export { newId } from './ids';
export { uniqueDoctorIds } from './upgrades';
export { planChainProblems, migrateStoredPlans, rewriteStoredPlans, storedPlan, StoredPlanMigrationError } from './planMigration';
export type { PlanRewrite } from './planMigration';
export { PersonnummerRefusedError, personnummerGuard, personnummerInMutation } from './personnummerGuard';
export * from './backupFile';
export * from './planFileSplit';
export * from './demoSeed';
