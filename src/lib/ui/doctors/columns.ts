/**
 * The doctor part as spreadsheet columns: what each cell shows, and how typed/pasted text becomes a
 * `Partial<Doctor>` patch (sv-SE numbers via parseSwedishNumber, "80 %" → 0,8, categories in Swedish
 * or English). Pure functions, so the grid, paste and tests share one definition.
 */
import {
  DOCTOR_CATEGORIES,
  DUTY_KINDS,
  categoryFromText,
  readShare,
  formatDecimal,
  formatNumber,
  formatPercent,
  looksLikePersonnummer,
  parseSwedishNumber,
} from '../../engine/index';
import type { Doctor, DoctorCategory, DoctorResult, Duty, DutyKind } from '../../engine/index';
import { CATEGORY_LABELS, DUTY_LABELS } from '../../strings/engine.sv';
import { DOCTORS, NUMBER_ERRORS } from '../../strings/ui.sv';
import type { GridColumn } from '../grid/types';
import { PEER_COLUMNS, PEER_COMPUTED_KEYS, displayPeerComputed, type PeerComputedKey } from '../peers/peerColumns';

export type DoctorInputKey =
  | 'name'
  | 'category'
  | 'employment'
  | 'stMonthsDone'
  | 'stMonthsTotal'
  | `duty.${DutyKind}`
  | 'absenceWeeks'
  | 'listed'
  | 'listPoints'
  | 'careWeight'
  | 'careWeightPoints'
  | 'fictiveListName'
  | 'plannedEnd';
export type DoctorComputedKey = 'capacityGuideline' | 'capacityTime' | 'loadRatio' | PeerComputedKey;
export type DoctorColumnKey = DoctorInputKey | DoctorComputedKey;

export const COMPUTED_KEYS: readonly DoctorComputedKey[] = ['capacityGuideline', 'capacityTime', 'loadRatio', ...PEER_COMPUTED_KEYS];

const CATEGORY_OPTIONS = DOCTOR_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

/** The columns of the doctor grid, in order. */
export const DOCTOR_COLUMNS: readonly GridColumn[] = [
  { key: 'name', header: DOCTORS.col.name, kind: 'text', widthRem: 11 },
  { key: 'category', header: DOCTORS.col.category, kind: 'select', options: CATEGORY_OPTIONS, widthRem: 8 },
  { key: 'employment', header: DOCTORS.col.employment, kind: 'number', widthRem: 11 },
  { key: 'stMonthsDone', header: DOCTORS.col.stMonthsDone, kind: 'number' },
  { key: 'stMonthsTotal', header: DOCTORS.col.stMonthsTotal, kind: 'number' },
  ...DUTY_KINDS.map((k): GridColumn => ({ key: `duty.${k}`, header: DOCTORS.dutyCol(DUTY_LABELS[k]), kind: 'number', widthRem: 8 })),
  { key: 'absenceWeeks', header: DOCTORS.col.absenceWeeks, kind: 'number' },
  { key: 'listed', header: DOCTORS.col.listed, kind: 'number' },
  { key: 'listPoints', header: DOCTORS.col.listPoints, kind: 'number', widthRem: 8 },
  { key: 'careWeight', header: DOCTORS.col.careWeight, kind: 'number' },
  { key: 'careWeightPoints', header: DOCTORS.col.careWeightPoints, kind: 'number', widthRem: 10 },
  { key: 'plannedEnd', header: DOCTORS.col.plannedEnd, kind: 'date', widthRem: 8 },
  { key: 'fictiveListName', header: DOCTORS.col.fictiveListName, kind: 'text', widthRem: 14 },
  { key: 'capacityGuideline', header: DOCTORS.col.capacityGuideline, kind: 'computed', description: DOCTORS.computedHint, widthRem: 8 },
  { key: 'capacityTime', header: DOCTORS.col.capacityTime, kind: 'computed', description: DOCTORS.computedHint, widthRem: 8 },
  { key: 'loadRatio', header: DOCTORS.col.loadRatio, kind: 'computed', description: DOCTORS.computedHint, widthRem: 8 },
  // Free places and visits per working day (issue 16), defined with the peers' figures.
  ...PEER_COLUMNS,
];

/** Hours a week of one duty kind (several duties of a kind add up, as in the workbook). */
export function dutyHours(duties: readonly Duty[], kind: DutyKind): number {
  return duties.filter((d) => d.kind === kind).reduce((s, d) => s + d.hoursPerWeek, 0);
}

/**
 * Set the total hours of one duty kind. 0 removes that kind; one duty is updated in place (label and
 * extra fields kept); none adds one; several: the first takes what the others leave, or, when the new
 * total is below the others' sum, they merge into the first.
 */
export function setDutyHours(duties: readonly Duty[], kind: DutyKind, hours: number): Duty[] {
  const same = duties.filter((d) => d.kind === kind);
  if (hours === 0) return duties.filter((d) => d.kind !== kind);
  if (same.length === 0) return [...duties, { kind, hoursPerWeek: hours }];
  const others = same.slice(1).reduce((s, d) => s + d.hoursPerWeek, 0);
  if (hours >= others) {
    return duties.map((d) => (d === same[0] ? { ...d, hoursPerWeek: hours - others } : d));
  }
  const merged: Duty = {
    ...same[0],
    hoursPerWeek: hours,
    label: same.map((d) => d.label).filter(Boolean).join(' + ') || undefined,
  };
  if (merged.label === undefined) delete merged.label;
  return duties.filter((d) => d.kind !== kind || d === same[0]).map((d) => (d === same[0] ? merged : d));
}

/** Text shown in an input cell. */
export function displayInput(d: Doctor, key: string): string {
  switch (key) {
    case 'name':
      return d.name;
    case 'category':
      return CATEGORY_LABELS[d.category] ?? d.category;
    case 'employment':
      return formatPercent(d.employment);
    case 'stMonthsDone':
    case 'stMonthsTotal':
      return d.category === 'st' || d[key] !== undefined ? optNumber(d[key]) : '';
    case 'absenceWeeks':
      return optDecimal(d.absenceWeeks);
    case 'listed':
      return optNumber(d.listed);
    case 'listPoints':
      return optDecimal(d.listPoints);
    case 'careWeight':
      return d.careWeight === undefined ? '' : formatDecimal(d.careWeight, 2);
    case 'careWeightPoints':
      return optDecimal(d.careWeightPoints);
    case 'plannedEnd':
      return d.plannedEnd ?? '';
    case 'fictiveListName':
      return d.fictiveListName ?? '';
    default:
      if (key.startsWith('duty.')) {
        const h = dutyHours(d.duties, key.slice(5) as DutyKind);
        return h === 0 ? '' : formatDecimal(h, 2);
      }
      return '';
  }
}

/** Text put in the editor (the category's code, so the select preselects it). */
export function editInput(d: Doctor, key: string): string {
  return key === 'category' ? d.category : displayInput(d, key);
}

/** Text shown in a computed cell. */
export function displayComputed(r: DoctorResult | undefined, key: string): string {
  if (!r) return '–';
  if (key === 'capacityGuideline') return formatNumber(r.capacityGuideline);
  if (key === 'capacityTime') return formatNumber(r.capacityTime);
  if (key === 'loadRatio') {
    if (r.loadRatio === null) return '–';
    // A list with no capacity behind it (e.g. a locum on a fictive list): "∞", not "∞ %".
    return Number.isFinite(r.loadRatio) ? formatPercent(r.loadRatio) : '∞';
  }
  return displayPeerComputed(r, key);
}

export type ParseOutcome = { ok: true; patch: Partial<Doctor> } | { ok: false; message: string };

function optNumber(v: number | undefined): string {
  return v === undefined ? '' : formatNumber(v);
}
function optDecimal(v: number | undefined): string {
  return v === undefined ? '' : formatDecimal(v, 2);
}

function nonNegative(text: string): number | string {
  const n = parseSwedishNumber(text);
  if (n === null) return NUMBER_ERRORS.notNumber;
  if (n < 0) return NUMBER_ERRORS.negative;
  return n;
}

/** A category from what was typed: the engine's one vocabulary (the same words as the plan file and the workbook). */
export function parseCategory(text: string): DoctorCategory | null {
  return categoryFromText(text);
}

/**
 * Parse text typed or pasted into an input cell into a patch of that doctor.
 * Empty text removes an optional value; required values (name, category, employment) refuse it.
 */
export function parseInput(d: Doctor, key: string, text: string): ParseOutcome {
  const t = text.trim();
  switch (key) {
    case 'name':
      if (t === '') return { ok: false, message: DOCTORS_ERR.nameRequired };
      if (looksLikePersonnummer(t)) return { ok: false, message: DOCTORS_ERR.personnummer };
      return { ok: true, patch: { name: t } };
    case 'category': {
      const c = parseCategory(t);
      return c ? { ok: true, patch: { category: c } } : { ok: false, message: DOCTORS_ERR.category };
    }
    case 'employment': {
      // The engine's share rule: "80", "80 %" and "0,8" all mean 80 %.
      const s = readShare(t);
      if (!s.ok) return { ok: false, message: NUMBER_ERRORS.share };
      return { ok: true, patch: { employment: s.share } };
    }
    case 'careWeight': {
      if (t === '') return { ok: true, patch: { careWeight: undefined } };
      const n = nonNegative(t);
      if (typeof n === 'string') return { ok: false, message: n };
      if (n === 0) return { ok: false, message: DOCTORS_ERR.careWeightZero };
      return { ok: true, patch: { careWeight: n } };
    }
    case 'fictiveListName':
      if (t === '') return { ok: true, patch: { fictiveListName: undefined } };
      if (looksLikePersonnummer(t)) return { ok: false, message: DOCTORS_ERR.personnummer };
      return { ok: true, patch: { fictiveListName: t } };
    case 'stMonthsDone':
    case 'stMonthsTotal':
    case 'absenceWeeks':
    case 'listed':
    case 'listPoints':
    case 'careWeightPoints': {
      if (t === '') return { ok: true, patch: { [key]: undefined } };
      const n = nonNegative(t);
      if (typeof n === 'string') return { ok: false, message: n };
      if ((key === 'listed' || key === 'stMonthsDone' || key === 'stMonthsTotal') && !Number.isInteger(n)) {
        return { ok: false, message: NUMBER_ERRORS.integer };
      }
      return { ok: true, patch: { [key]: n } };
    }
    case 'plannedEnd': {
      if (t === '') return { ok: true, patch: { plannedEnd: undefined } };
      const iso = t.slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso + 'T00:00:00Z'))) {
        return { ok: false, message: DOCTORS.invalidDate };
      }
      return { ok: true, patch: { plannedEnd: iso } };
    }
    default:
      if (key.startsWith('duty.')) {
        const kind = key.slice(5) as DutyKind;
        const n = t === '' ? 0 : nonNegative(t);
        if (typeof n === 'string') return { ok: false, message: n };
        return { ok: true, patch: { duties: setDutyHours(d.duties, kind, n) } };
      }
      return { ok: false, message: DOCTORS_ERR.readOnly };
  }
}

const DOCTORS_ERR = {
  nameRequired: 'Namnet får inte vara tomt.',
  personnummer: 'Det ser ut som ett personnummer. Personnummer sparas aldrig – skriv läkarens namn.',
  category: `Okänd kategori. Välj en av: ${DOCTOR_CATEGORIES.map((c) => CATEGORY_LABELS[c]).join(', ')}.`,
  careWeightZero: 'Vårdtyngden måste vara större än 0.',
  readOnly: 'Beräknad cell – den går inte att ändra.',
} as const;

/**
 * Apply several cell texts to one doctor in order (a pasted row), so that e.g. two duty columns
 * build on each other. Returns the merged patch and the errors of the cells that were refused.
 */
export function parseRow(
  d: Doctor,
  cells: readonly { col: string; text: string }[],
): { patch: Partial<Doctor>; errors: { col: string; message: string }[] } {
  let current: Doctor = d;
  const patch: Partial<Doctor> = {};
  const errors: { col: string; message: string }[] = [];
  for (const c of cells) {
    const out = parseInput(current, c.col, c.text);
    if (!out.ok) {
      errors.push({ col: c.col, message: out.message });
      continue;
    }
    Object.assign(patch, out.patch);
    current = { ...current, ...out.patch };
  }
  return { patch, errors };
}

/** Column header by key (for messages). */
export function columnHeader(key: string): string {
  return DOCTOR_COLUMNS.find((c) => c.key === key)?.header ?? key;
}
