/**
 * The optional top-level `scenarios` field of a plan file ("alla planer"): split off by the data
 * layer's splitPlanFile (db/planFileSplit.ts, also the v0 step of the backup chain, db/backupFile.ts).
 * Re-exported here for the state classes that read such files.
 */
export { freeScenarioName, splitPlanFile, type ScenarioBackupEntry, type SplitPlanFile } from '../db/index';
