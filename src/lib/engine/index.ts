// Public contract of the engine (shared/spec/contracts.md). Pure: importable from plain Node.
export * from './types';
export * from './format';
export * from './personnummer';
