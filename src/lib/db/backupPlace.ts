/**
 * Where a backup-file problem is, in the user's words ("Plan 3 i filen: enhet", "Planen ”Nuläge” i
 * enheten ”Vårdcentralen Exempel”, Läkare 2 (Anna Berg): Namn"): never the JSON path
 * (`stores.plans[2].unitId`) or a store's key (TEAM.md). The path stays on the error for code.
 */
import { pathSegments, type PlanError } from '../engine/index';
import { PLAN_PLACE as P } from '../strings/planfile.sv';
import { BACKUP_SV } from '../strings/data.sv';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, 40) : '');

/** The place of a path in a backup file ('' for the file as a whole). */
export function placeOfBackupPath(path: string): string {
  const [head, store, i, field] = pathSegments(path);
  if (head === 'format') return P.format;
  if (head === 'version') return P.version;
  if (head !== 'stores') return '';
  if (typeof store !== 'string') return P.backup;
  const what = P.storeRecord[store];
  if (!what) return P.backup;
  if (typeof i !== 'number') return `${P.backup}: ${BACKUP_SV.stores[store as keyof typeof BACKUP_SV.stores] ?? what}`;
  const record = P.record(what, i + 1);
  if (typeof field !== 'string') return record;
  return `${record}: ${P.recordFields[field] ?? P.field}`;
}

/** A plan's problem inside a backup: the plan and its unit by name, then the place inside the plan. */
export function placeInBackupPlan(e: PlanError, plan: Obj, units: readonly unknown[]): string {
  const unit = units.find((u) => isObj(u) && u.id === plan.unitId);
  const where = P.planOfUnit(text(plan.name), isObj(unit) ? text(unit.name) : '');
  return e.place ? `${where}, ${e.place}` : where;
}

/** The errors with their places (those that have one keep it). */
export function withBackupPlaces(errors: readonly PlanError[]): PlanError[] {
  return errors.map((e) => (e.place !== undefined || !e.path ? e : { ...e, place: placeOfBackupPath(e.path) }));
}
