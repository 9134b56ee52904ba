// Follow-up (domain.md §6): snapshots, continuity, allocation. Pure; importable from plain Node.
export * from './types';
export * from './snapshots';
export * from './continuity';
export * from './allocation';
export * from './contactLog';
export * from './goals';
export * from './ageVisits';
