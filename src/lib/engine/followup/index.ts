// Follow-up (domain.md §6): snapshots, continuity, allocation. Pure; importable from plain Node.
export * from './types';
export * from './snapshots';
export * from './continuity';
export * from './continuityPeriod';
export * from './continuityDefinitions';
export * from './contactTypeWords';
export * from './continuityRows';
export * from './continuityBaseline';
export * from './continuityUnits';
export * from './allocation';
export * from './contactLog';
export * from './goals';
export * from './ageVisits';
