/**
 * The plan file's shape against the in-memory shape (contracts.md: unknown fields are kept on import
 * and written back on export). A file object may carry any field; the in-memory Plan, UnitInputs,
 * PriorityGroups, TimeAssumptions, Doctor and Duty are exact and keep a file's unknown fields in one
 * `extra` bag each. `planFromFile` moves them in (parsePlan calls it), `planToFile` spreads them back
 * (serializePlan calls it).
 */
import { PRIORITY_KEYS } from './types';
import type { Doctor, Duty, ExtraFields, Plan, PlanError, PriorityGroups, TimeAssumptions, UnitInputs } from './types';
import { migratePlanObject } from './migrate';
import { TIME_KEYS } from './time';

/** An object of the file: known fields plus anything else a file may hold. */
export type FileObject<T> = Omit<T, 'extra'> & { [field: string]: unknown };

export type DutyFile = FileObject<Duty>;
export type DoctorFile = Omit<FileObject<Doctor>, 'duties'> & { duties: DutyFile[] };
export type UnitInputsFile = Omit<FileObject<UnitInputs>, 'priority'> & { priority: FileObject<PriorityGroups> };
export type PlanFile = Omit<FileObject<Plan>, 'unit' | 'doctors' | 'time'> & {
  unit: UnitInputsFile;
  time?: FileObject<Partial<TimeAssumptions>>;
  doctors: DoctorFile[];
};

/** Every known field of T but `extra`; a compile error when T gains a field the list lacks. */
type AllKeys<T, L extends readonly (keyof T)[]> = Exclude<keyof T, L[number] | 'extra'> extends never ? L : never;
const allKeys =
  <T>() =>
  <const L extends readonly (keyof T)[]>(keys: AllKeys<T, L>): readonly string[] =>
    keys as readonly string[];

/** The known fields of each object of the plan (the rest of a file object goes to `extra`). */
export const KNOWN_FIELDS = {
  plan: allKeys<Plan>()(['format', 'version', 'profile', 'model', 'unit', 'time', 'doctors']),
  unit: allKeys<UnitInputs>()([
    'name', 'listed', 'careWeight', 'withNamedDoctor', 'withNamedDoctorNursingHome', 'targetCoverage', 'priority', 'careWeightBasis', 'listAges',
    'delegation', 'ageReference',
  ]),
  priority: allKeys<PriorityGroups>()(PRIORITY_KEYS),
  time: allKeys<TimeAssumptions>()(TIME_KEYS),
  doctor: allKeys<Doctor>()([
    'id', 'name', 'category', 'employment', 'stMonthsDone', 'stMonthsTotal', 'duties', 'absenceWeeks', 'listed',
    'listPoints', 'careWeight', 'plannedEnd', 'fictiveListName', 'careWeightPoints', 'careWeightBasis', 'listAges', 'delegation',
    // The agreement (domain.md §8, engine/agreement.ts).
    'agreedListSize', 'agreedOn', 'agreedUntil', 'agreementNote',
  ]),
  duty: allKeys<Duty>()(['kind', 'hoursPerWeek', 'label']),
} as const;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Sets a field as an own property, also for the key "__proto__" (a JSON file may hold it). */
function put(o: Obj, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/**
 * Splits one file object into its known fields and an `extra` bag of the rest. With `bag` true, an
 * object already in memory form (a plain-object `extra`) keeps that bag; a file read from text passes
 * false, so a file's own field named "extra" is an unknown field like any other.
 */
function split(o: Obj, known: readonly string[], bag: boolean): Obj {
  const out: Obj = {};
  let extra: Obj | undefined = bag && isObj(o.extra) ? { ...o.extra } : undefined;
  for (const k of Object.keys(o)) {
    if (known.includes(k)) {
      if (o[k] !== undefined) put(out, k, o[k]);
    } else if (k === 'extra' && bag && isObj(o.extra)) {
      continue;
    } else {
      extra ??= {};
      put(extra, k, o[k]);
    }
  }
  if (extra && Object.keys(extra).length > 0) out.extra = extra;
  return out;
}

/**
 * A validated plan object (file form, or memory form when `memoryForm`) → the exact in-memory Plan.
 * Only objects are split; anything else is passed on as it is (validation has refused it already).
 */
export function planFromFile(file: Obj, memoryForm = true): Plan {
  const b = memoryForm;
  const plan = split(file, KNOWN_FIELDS.plan, b);
  if (isObj(plan.unit)) {
    const unit = split(plan.unit, KNOWN_FIELDS.unit, b);
    if (isObj(unit.priority)) unit.priority = split(unit.priority, KNOWN_FIELDS.priority, b);
    plan.unit = unit;
  }
  if (isObj(plan.time)) plan.time = split(plan.time, KNOWN_FIELDS.time, b);
  if (Array.isArray(plan.doctors)) {
    plan.doctors = plan.doctors.map((d: unknown) => {
      if (!isObj(d)) return d;
      const doctor = split(d, KNOWN_FIELDS.doctor, b);
      if (Array.isArray(doctor.duties)) doctor.duties = doctor.duties.map((x: unknown) => (isObj(x) ? split(x, KNOWN_FIELDS.duty, b) : x));
      return doctor;
    });
  }
  return plan as unknown as Plan;
}

/** One in-memory object → its file form: the unknown fields first, then the known ones (which win). */
function spread<T extends { extra?: ExtraFields }>(o: T): Obj {
  const { extra, ...known } = o;
  if (!extra) return known;
  const out: Obj = {};
  for (const k of Object.keys(extra)) if (!Object.hasOwn(known, k)) put(out, k, extra[k]);
  for (const k of Object.keys(known)) put(out, k, (known as Obj)[k]);
  return out;
}

/** The in-memory Plan → the file object (unknown fields back in place). Never changes its input. */
export function planToFile(plan: Plan): PlanFile {
  const out = spread(plan);
  if (isObj(plan.unit)) {
    const unit = spread(plan.unit);
    if (isObj(plan.unit.priority)) unit.priority = spread(plan.unit.priority);
    out.unit = unit;
  }
  if (isObj(plan.time)) out.time = spread(plan.time);
  if (Array.isArray(plan.doctors)) {
    out.doctors = plan.doctors.map((d) => {
      if (!isObj(d)) return d;
      const doctor = spread(d);
      if (Array.isArray(d.duties)) doctor.duties = d.duties.map((x) => (isObj(x) ? spread(x) : x));
      return doctor;
    });
  }
  return out as PlanFile;
}

/**
 * The one entry for a plan stored by an earlier version of the app (db layer): a body in any earlier
 * shape — a file's unknown fields flattened onto the objects (before the `extra` bags), or already in
 * memory form — upgraded through the migration chain (migratePlanObject) and brought into the exact
 * in-memory shape. No validation: a stored plan was validated by parsePlan when it was written, and a
 * stored plan must never vanish because a later version checks more.
 */
export function planFromStored(raw: unknown): { ok: true; plan: Plan; fromVersion: number; migrated: boolean } | { ok: false; errors: PlanError[] } {
  const m = migratePlanObject(raw);
  if (!m.ok) return m;
  return { ok: true, plan: planFromFile(m.value, true), fromVersion: m.fromVersion, migrated: m.migrated };
}
