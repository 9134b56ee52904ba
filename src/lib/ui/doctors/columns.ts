/**
 * The doctor part as spreadsheet columns: what each cell shows, and how typed/pasted text becomes a
 * `Partial<Doctor>` patch (sv-SE numbers via parseSwedishNumber, "80 %" → 0,8, categories in Swedish
 * or English). Pure functions, so the grid, paste and tests share one definition.
 */
import {
  DOCTOR_CATEGORIES,
  DUTY_KINDS,
  categoryFromText,
  fmt,
  isIsoDate,
  looksLikePersonnummer,
  parseSwedishNumber,
  readShare,
} from '../../engine/index';
import type { Doctor, DoctorCategory, DoctorResult, Duty, DutyKind } from '../../engine/index';
import { CATEGORY_LABELS, DUTY_LABELS } from '../../strings/engine.sv';
import { DOCTORS } from '../../strings/doctors.sv';
import { DOCTOR_FIELDS, dutyField } from '../../strings/fields.sv';
import { NUMBER_ERRORS } from '../../strings/ui.sv';
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
  | 'plannedEnd'
  | 'agreedListSize'
  | 'agreedUntil';
export type DoctorComputedKey = 'capacityGuideline' | 'capacityTime' | 'loadRatio' | PeerComputedKey;
/** The row's findings marker and the link to the doctor's page. */
export type DoctorMarkerKey = 'findings' | 'page';
export type DoctorColumnKey = DoctorInputKey | DoctorComputedKey | DoctorMarkerKey;

export const COMPUTED_KEYS: readonly DoctorComputedKey[] = ['capacityGuideline', 'capacityTime', 'loadRatio', ...PEER_COMPUTED_KEYS];

const CATEGORY_OPTIONS = DOCTOR_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

/** Input column groups that collapse to one summary column (issue 13: ST, duties, absence, list and points, care weight). */
export const DOCTOR_GROUPS = ['st', 'duties', 'absence', 'list', 'careWeight', 'agreement'] as const;
export type DoctorGroup = (typeof DOCTOR_GROUPS)[number];

export interface DoctorColumn extends GridColumn {
  group?: DoctorGroup;
}

/**
 * Every column of the läkardel grid, in order. The key figures come first (name, category,
 * employment, listed, both capacities, load, findings, the doctor's page), so they fit a 1 366 px
 * laptop without sideways scrolling; the input groups follow, each collapsible. Widths in em of the
 * grid's type.
 */
export const DOCTOR_COLUMNS: readonly DoctorColumn[] = [
  { key: 'name', header: DOCTOR_FIELDS.name, kind: 'text', widthRem: 10, sortable: true },
  { key: 'category', header: DOCTOR_FIELDS.category, kind: 'select', options: CATEGORY_OPTIONS, widthRem: 7.5, sortable: true },
  { key: 'employment', header: DOCTOR_FIELDS.employment, kind: 'number', widthRem: 7.5, sortable: true },
  { key: 'listed', header: DOCTOR_FIELDS.listed, kind: 'number', widthRem: 5.5, sortable: true },
  { key: 'capacityGuideline', header: DOCTOR_FIELDS.capacityGuideline, kind: 'computed', description: DOCTORS.computedHint, widthRem: 6.5, sortable: true },
  { key: 'capacityTime', header: DOCTOR_FIELDS.capacityTime, kind: 'computed', description: DOCTORS.computedHint, widthRem: 6.5, sortable: true },
  { key: 'loadRatio', header: DOCTOR_FIELDS.loadRatio, kind: 'computed', description: DOCTORS.computedHint, widthRem: 6.5, sortable: true },
  { key: 'findings', header: DOCTOR_FIELDS.findings, kind: 'computed', description: DOCTORS.findingsHint, widthRem: 5.5, sortable: true, align: 'start' },
  { key: 'page', header: DOCTOR_FIELDS.page, kind: 'link', widthRem: 5.5, align: 'start' },
  // Free places and visits per working day (issue 16), defined with the peers' figures.
  ...PEER_COLUMNS,
  { key: 'stMonthsDone', header: DOCTOR_FIELDS.stMonthsDone, kind: 'number', group: 'st', widthRem: 6, sortable: true },
  { key: 'stMonthsTotal', header: DOCTOR_FIELDS.stMonthsTotal, kind: 'number', group: 'st', widthRem: 6, sortable: true },
  ...DUTY_KINDS.map(
    (k): DoctorColumn => ({ key: `duty.${k}`, header: dutyField(DUTY_LABELS[k]), kind: 'number', group: 'duties', widthRem: 7.5, sortable: true }),
  ),
  { key: 'absenceWeeks', header: DOCTOR_FIELDS.absenceWeeks, kind: 'number', group: 'absence', widthRem: 6.5, sortable: true },
  { key: 'plannedEnd', header: DOCTOR_FIELDS.plannedEnd, kind: 'date', group: 'absence', widthRem: 7.5, sortable: true },
  { key: 'listPoints', header: DOCTOR_FIELDS.listPoints, kind: 'number', group: 'list', widthRem: 7.5, sortable: true },
  { key: 'fictiveListName', header: DOCTOR_FIELDS.fictiveListName, kind: 'text', group: 'list', widthRem: 13, sortable: true },
  { key: 'careWeight', header: DOCTOR_FIELDS.careWeight, kind: 'number', group: 'careWeight', widthRem: 6.5, sortable: true },
  { key: 'careWeightPoints', header: DOCTOR_FIELDS.careWeightPoints, kind: 'number', group: 'careWeight', widthRem: 9, sortable: true },
  { key: 'agreedListSize', header: DOCTOR_FIELDS.agreedListSize, kind: 'number', group: 'agreement', widthRem: 8, sortable: true },
  { key: 'agreedUntil', header: DOCTOR_FIELDS.agreedUntil, kind: 'date', group: 'agreement', widthRem: 7.5, sortable: true },
];

/** Width (em) of a collapsed group's summary column: its header and its longest value. */
const GROUP_SUMMARY_WIDTH: Record<DoctorGroup, number> = { st: 5, duties: 5.5, absence: 5.5, list: 5, careWeight: 5.5, agreement: 6.5 };

/** The summary column that stands for a collapsed group: its key, e.g. "group.duties". */
export function groupColumnKey(g: DoctorGroup): string {
  return `group.${g}`;
}

/** The columns to show: collapsed groups become one read-only summary column each. */
export function visibleColumns(expanded: ReadonlySet<DoctorGroup>): DoctorColumn[] {
  const out: DoctorColumn[] = [];
  const done = new Set<DoctorGroup>();
  for (const c of DOCTOR_COLUMNS) {
    if (!c.group || expanded.has(c.group)) {
      out.push(c);
      continue;
    }
    if (done.has(c.group)) continue;
    done.add(c.group);
    out.push({
      key: groupColumnKey(c.group),
      header: DOCTORS.groupSummary[c.group],
      description: DOCTORS.groupCollapsedHint(DOCTORS.groupNames[c.group]),
      kind: 'computed',
      group: c.group,
      widthRem: GROUP_SUMMARY_WIDTH[c.group],
      expands: true,
    });
  }
  return out;
}

/** The group a column key belongs to (a summary column's group too), if any. */
export function groupOf(key: string): DoctorGroup | undefined {
  if (key.startsWith('group.')) return key.slice(6) as DoctorGroup;
  return DOCTOR_COLUMNS.find((c) => c.key === key)?.group;
}

/** The text a collapsed group shows for a doctor: what matters most in it. */
export function groupSummary(d: Doctor, g: DoctorGroup): string {
  switch (g) {
    case 'st':
      return d.category === 'st' || d.stMonthsDone !== undefined
        ? DOCTORS.stSummary(d.stMonthsDone === undefined ? '–' : fmt.months(d.stMonthsDone), fmt.months(d.stMonthsTotal ?? (d.category === 'st' ? 60 : undefined)))
        : '';
    case 'duties': {
      const h = d.duties.reduce((s, x) => s + (Number.isFinite(x.hoursPerWeek) ? x.hoursPerWeek : 0), 0);
      return h === 0 ? '' : fmt.hours(h);
    }
    case 'absence':
      return d.absenceWeeks ? fmt.weeks(d.absenceWeeks) : '';
    case 'list':
      return d.listPoints === undefined ? '' : fmt.points(d.listPoints);
    case 'careWeight':
      return d.careWeight === undefined ? '' : fmt.careWeight(d.careWeight);
    case 'agreement':
      return d.agreedListSize === undefined ? '' : fmt.patients(d.agreedListSize);
  }
}

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

/** Text shown in an input cell (every number through fmt.<kind>, engine/quantity.ts). */
export function displayInput(d: Doctor, key: string): string {
  switch (key) {
    case 'name':
      return d.name;
    case 'category':
      return CATEGORY_LABELS[d.category] ?? d.category;
    case 'employment':
      return fmt.percent(d.employment);
    case 'stMonthsDone':
    case 'stMonthsTotal':
      return d.category === 'st' || d[key] !== undefined ? opt(fmt.months, d[key]) : '';
    case 'absenceWeeks':
      return opt(fmt.weeks, d.absenceWeeks);
    case 'listed':
      return opt(fmt.patients, d.listed);
    case 'listPoints':
      return opt(fmt.points, d.listPoints);
    case 'careWeight':
      return opt(fmt.careWeight, d.careWeight);
    case 'careWeightPoints':
      return opt(fmt.points, d.careWeightPoints);
    case 'plannedEnd':
      return d.plannedEnd ?? '';
    case 'fictiveListName':
      return d.fictiveListName ?? '';
    case 'agreedListSize':
      return opt(fmt.patients, d.agreedListSize);
    case 'agreedUntil':
      return d.agreedUntil ?? '';
    default:
      if (key.startsWith('duty.')) {
        const h = dutyHours(d.duties, key.slice(5) as DutyKind);
        return h === 0 ? '' : fmt.hours(h);
      }
      if (key.startsWith('group.')) return groupSummary(d, key.slice(6) as DoctorGroup);
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
  if (key === 'capacityGuideline') return fmt.patients(r.capacityGuideline);
  if (key === 'capacityTime') return fmt.patients(r.capacityTime);
  // A list with no capacity behind it (e.g. a locum on a fictive list): "∞".
  if (key === 'loadRatio') return r.loadRatio === null ? '–' : fmt.load(r.loadRatio);
  return displayPeerComputed(r, key);
}

export type ParseOutcome = { ok: true; patch: Partial<Doctor> } | { ok: false; message: string };

function opt(format: (x: number) => string, v: number | undefined): string {
  return v === undefined ? '' : format(v);
}

/** A number ≥ 0 typed the Swedish way, or the Swedish message why not. */
export function nonNegative(text: string): number | string {
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
    case 'agreedListSize': {
      if (t === '') return { ok: true, patch: { agreedListSize: undefined } };
      const n = nonNegative(t);
      if (typeof n === 'string') return { ok: false, message: n };
      if (!Number.isInteger(n)) return { ok: false, message: NUMBER_ERRORS.integer };
      return { ok: true, patch: { agreedListSize: n } };
    }
    case 'plannedEnd':
    case 'agreedOn':
    case 'agreedUntil': {
      if (t === '') return { ok: true, patch: { [key]: undefined } };
      const iso = t.slice(0, 10);
      if (!isIsoDate(iso)) return { ok: false, message: DOCTORS.invalidDate };
      return { ok: true, patch: { [key]: iso } };
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

/** Column header by key (for messages): fieldLabels.ts, light enough for the unit view. */
export { columnHeader } from './fieldLabels';

/** Whether a column holds a doctor's input (typed or pasted into), not a result, marker or summary. */
export function isInputColumn(key: string): boolean {
  const c = DOCTOR_COLUMNS.find((x) => x.key === key);
  return c !== undefined && c.kind !== 'computed' && c.kind !== 'link';
}
