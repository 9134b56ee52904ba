/**
 * What replacing the plan in view by an imported plan changes, field by field (issue 11.2): pure, so
 * the dialog's preview is tested without a browser. Every number through fmt.
 */
import { fmt, type Doctor, type Plan, type QuantityKind } from '../engine/index';
import { CATEGORY_LABELS } from '../strings/engine.sv';
import { IMPORT_SV as T } from '../strings/io.sv';
import { DOCTOR_FIELDS as FIELD_NAMES } from '../strings/fields.sv';
import { SETTINGS } from '../strings/settings.sv';
import { UNIT } from '../strings/ui.sv';

export type ImportMode = 'new' | 'replace';

export interface FieldChange {
  label: string;
  from: string;
  to: string;
}

export interface ImportPreview {
  /** The unit and plan that "replace" would change. */
  unitName: string;
  planName: string;
  isScenario: boolean;
  /** The unit's own fields, time assumptions, model and profile that differ. */
  changes: FieldChange[];
  doctorsAdded: string[];
  doctorsRemoved: string[];
  doctorsChanged: { name: string; fields: FieldChange[] }[];
  /** Scenarios the file brings along (a plan file with all plans); added, never replacing. */
  scenarios: number;
}

export interface ImportOffer {
  plan: Plan;
  /** The file's name, said in the dialog. */
  source: string;
  scenarios?: number;
}

const UNIT_FIELDS: { key: keyof Plan['unit']; label: string; kind: QuantityKind }[] = [
  { key: 'listed', label: UNIT.listed, kind: 'patients' },
  { key: 'careWeight', label: UNIT.careWeight, kind: 'careWeight' },
  { key: 'withNamedDoctor', label: UNIT.withNamedDoctor, kind: 'patients' },
  { key: 'withNamedDoctorNursingHome', label: UNIT.withNamedDoctorNursingHome, kind: 'patients' },
  { key: 'targetCoverage', label: UNIT.targetCoverage, kind: 'percent' },
];

/** The grid's column names, without the soft hyphens that let them wrap there. */
const col = (k: keyof typeof FIELD_NAMES): string => FIELD_NAMES[k].replace(/\u00ad/g, '');

const DOCTOR_COLUMNS: { key: keyof Doctor; label: string; kind: QuantityKind | 'text' }[] = [
  { key: 'name', label: col('name'), kind: 'text' },
  { key: 'category', label: col('category'), kind: 'text' },
  { key: 'employment', label: col('employment'), kind: 'percent' },
  { key: 'stMonthsDone', label: col('stMonthsDone'), kind: 'months' },
  { key: 'stMonthsTotal', label: col('stMonthsTotal'), kind: 'months' },
  { key: 'absenceWeeks', label: col('absenceWeeks'), kind: 'weeks' },
  { key: 'listed', label: col('listed'), kind: 'patients' },
  { key: 'listPoints', label: col('listPoints'), kind: 'points' },
  { key: 'careWeight', label: col('careWeight'), kind: 'careWeight' },
  { key: 'plannedEnd', label: col('plannedEnd'), kind: 'text' },
];

function show(kind: QuantityKind | 'text', v: unknown): string {
  if (v === undefined || v === null || v === '') return '–';
  if (kind === 'text') return typeof v === 'string' && v in CATEGORY_LABELS ? CATEGORY_LABELS[v as keyof typeof CATEGORY_LABELS] : String(v);
  return typeof v === 'number' ? fmt[kind](v) : String(v);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What replacing `current` by `incoming` changes, field by field (pure; the unit's name is kept). */
export function importPreview(current: Plan, incoming: Plan, names: { unitName: string; planName: string; isScenario: boolean }, scenarios = 0): ImportPreview {
  const changes: FieldChange[] = [];
  for (const f of UNIT_FIELDS) {
    const a = current.unit[f.key];
    const b = incoming.unit[f.key];
    if (!same(a, b)) changes.push({ label: f.label, from: show(f.kind, a), to: show(f.kind, b) });
  }
  for (const [k, label] of Object.entries(UNIT.priority)) {
    const a = current.unit.priority[k as keyof Plan['unit']['priority']];
    const b = incoming.unit.priority[k as keyof Plan['unit']['priority']];
    if (!same(a, b)) changes.push({ label: `${UNIT.priorityHeading}: ${label}`, from: show('patients', a), to: show('patients', b) });
  }
  for (const [k, label] of Object.entries(SETTINGS.time)) {
    const key = k as keyof NonNullable<Plan['time']>;
    const a = current.time?.[key];
    const b = incoming.time?.[key];
    const t = (x: unknown) => (typeof x === 'number' ? fmt.factor(x) : T.defaultValue);
    if (!same(a, b)) changes.push({ label, from: t(a), to: t(b) });
  }
  if (current.model !== incoming.model) {
    const m = (x: string) => (x === 'time' ? SETTINGS.modelTime : SETTINGS.modelGuideline);
    changes.push({ label: SETTINGS.modelHeading, from: m(current.model), to: m(incoming.model) });
  }
  if (!same(current.profile, incoming.profile)) {
    const p = (x: Plan['profile']) => (typeof x === 'string' ? x : x.name);
    changes.push({ label: SETTINGS.profileLabel, from: p(current.profile), to: p(incoming.profile) });
  }
  const byId = new Map(current.doctors.map((d) => [d.id, d]));
  const incomingIds = new Set(incoming.doctors.map((d) => d.id));
  const doctorsAdded: string[] = [];
  const doctorsChanged: ImportPreview['doctorsChanged'] = [];
  for (const d of incoming.doctors) {
    const old = byId.get(d.id);
    if (!old) {
      doctorsAdded.push(d.name);
      continue;
    }
    const fields: FieldChange[] = [];
    for (const f of DOCTOR_COLUMNS) if (!same(old[f.key], d[f.key])) fields.push({ label: f.label, from: show(f.kind, old[f.key]), to: show(f.kind, d[f.key]) });
    if (!same(old.duties, d.duties)) fields.push({ label: T.duties, from: T.dutyCount(old.duties.length), to: T.dutyCount(d.duties.length) });
    if (fields.length) doctorsChanged.push({ name: d.name, fields });
  }
  const doctorsRemoved = current.doctors.filter((d) => !incomingIds.has(d.id)).map((d) => d.name);
  return { ...names, changes, doctorsAdded, doctorsRemoved, doctorsChanged, scenarios };
}

