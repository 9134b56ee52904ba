/**
 * Plan-file versions and their upgrade chain (contracts.md: an earlier version is migrated,
 * a later one refused). Pure; the db layer uses the same chain for stored plans.
 *
 * Version history
 * - 0: the pre-release draft format. No `format` field; `version` 0 or absent; employment in
 *      percent as `employmentPercent` (0–100); duties as flat hour fields on the doctor
 *      (`supervisionHours`, `managementHours`, `researchHours`, `sideHours`, `meetingsHours`,
 *      `otherHours`); `profile` and `model` could be missing.
 * - 1: contracts.md (current).
 * A future version adds one `{ from, to, migrate }` step to MIGRATIONS and raises CURRENT_PLAN_VERSION.
 */
import { PARSE_TEXT } from '../strings/engine.sv';
import type { DutyKind, PlanError } from './types';

export const CURRENT_PLAN_VERSION = 1 as const;
export const PLAN_FORMAT = 'kapacitet/plan';

type Obj = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  /** Takes a plain object of version `from` (a private copy: it may be changed) and returns version `to`. */
  migrate: (plan: Obj) => Obj;
}

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A deep copy of JSON-like data. Not structuredClone: callers may hand us a Svelte $state proxy,
 * which structuredClone refuses. Functions and undefined values are dropped, as JSON would.
 */
export function copyJson<T>(x: T): T {
  if (Array.isArray(x)) return x.map((v) => (v === undefined || typeof v === 'function' ? null : copyJson(v))) as T;
  if (typeof x === 'object' && x !== null) {
    const out: Obj = {};
    for (const k of Object.keys(x)) {
      const v = (x as Obj)[k];
      if (v === undefined || typeof v === 'function') continue;
      // A JSON file may hold a field "__proto__": kept as an own field, never as the object's prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: copyJson(v), enumerable: true, writable: true, configurable: true });
      else out[k] = copyJson(v);
    }
    return out as T;
  }
  return x;
}

/** v0 flat duty fields → v1 duty kinds. */
export const V0_DUTY_FIELDS: Record<string, DutyKind> = {
  supervisionHours: 'supervision',
  managementHours: 'management',
  researchHours: 'research',
  sideHours: 'side',
  meetingsHours: 'meetings',
  otherHours: 'other',
};

function migrateDoctorV0(d: unknown): unknown {
  if (!isObj(d)) return d;
  const out: Obj = { ...d };
  if ('employmentPercent' in out) {
    const p = out.employmentPercent;
    // Percent → share; a non-number is passed on unchanged so validation names it.
    out.employment = typeof p === 'number' ? Math.round(p * 1e7) / 1e9 : p;
    delete out.employmentPercent;
  }
  const duties: unknown[] = Array.isArray(out.duties) ? [...out.duties] : [];
  for (const [field, kind] of Object.entries(V0_DUTY_FIELDS)) {
    if (!(field in out)) continue;
    const h = out[field];
    delete out[field];
    if (h === null || h === undefined || h === 0) continue;
    duties.push({ kind, hoursPerWeek: h });
  }
  out.duties = duties;
  return out;
}

function migrate0to1(plan: Obj): Obj {
  const out: Obj = { format: PLAN_FORMAT, version: 1, ...plan };
  out.format = PLAN_FORMAT;
  out.version = 1;
  if (out.profile === undefined) out.profile = 'national';
  if (out.model === undefined) out.model = 'guideline';
  if (Array.isArray(out.doctors)) out.doctors = out.doctors.map(migrateDoctorV0);
  return out;
}

export const MIGRATIONS: readonly Migration[] = [{ from: 0, to: 1, migrate: migrate0to1 }];

export type MigrationResult =
  | { ok: true; value: Obj; fromVersion: number; migrated: boolean }
  | { ok: false; errors: PlanError[] };

/** The file version of a plain plan object: `version`, or 0 for a draft file without `format` and `version`. */
export function detectVersion(raw: Obj): number | PlanError {
  const v = raw.version;
  if (v === undefined || v === null) {
    if (raw.format === undefined) return 0;
    return { path: 'version', message: PARSE_TEXT.versionMissing };
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return { path: 'version', message: PARSE_TEXT.versionInvalid };
  return v;
}

/**
 * Upgrade a plain plan object to CURRENT_PLAN_VERSION step by step. Never changes its input.
 * Refuses a later version with a clear message.
 */
export function migratePlanObject(raw: unknown, migrations: readonly Migration[] = MIGRATIONS, current: number = CURRENT_PLAN_VERSION): MigrationResult {
  if (!isObj(raw)) return { ok: false, errors: [{ path: '', message: PARSE_TEXT.notObject }] };
  const version = detectVersion(raw);
  if (typeof version !== 'number') return { ok: false, errors: [version] };
  if (version > current) return { ok: false, errors: [{ path: 'version', message: PARSE_TEXT.versionTooNew(version, current) }] };
  let value: Obj = copyJson(raw);
  let v = version;
  while (v < current) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, errors: [{ path: 'version', message: PARSE_TEXT.migrationMissing(v) }] };
    value = step.migrate(value);
    v = step.to;
  }
  return { ok: true, value, fromVersion: version, migrated: version !== current };
}
