/**
 * exportWorkbook (contracts.md, Workbook I/O): a workbook a person can read and keep working in.
 * Every result is a live formula over input cells (domain.md §2–§4) with the engine's value cached,
 * and the file asks Excel/LibreOffice to recalculate fully when opened.
 */
import * as XLSX from 'xlsx';
import { FORMULAS as F, PROFILES, computePlan, excelFormat, shareFormula, type QuantityKind } from '../../engine/index';
import type { Doctor, DutyKind, Plan, PlanResult } from '../../engine/types';
import { CATEGORY_LABELS, DUTY_LABELS, SEVERITY_LABELS } from '../../strings/engine.sv';
import { IO_STRINGS } from '../../strings/io.sv';
import { RULE_NAMES } from '../../strings/overview.sv';
import { finishWorkbook, prepareSheet, type SheetStyle } from './styling';
import {
  ASSUMPTION_ROWS, DOCTOR_AGREEMENT, DOCTOR_INPUTS, DOCTOR_RESULTS, MODEL_WORDS, SHEET, UNIT_ROWS, colLetter,
} from './layout';
import type { ExportWorkbookOptions, ExtraSheet } from './types';

type Cell = XLSX.CellObject;
type Row = (Cell | null)[];

const S = IO_STRINGS.workbook;

/** A user's text is always a text cell: `=1+1`, `+46…`, `-x`, `@x` are never formulas (contracts.md). */
function text(v: string): Cell {
  return { t: 's', v };
}
function num(v: number, z?: string): Cell {
  return z ? { t: 'n', v, z } : { t: 'n', v };
}
/** A live formula with the engine's value cached (stack-probe §2: never `f` without `v`). */
function formula(f: string, v: number | string, z?: string): Cell {
  if (typeof v === 'string') return { t: 's', f, v };
  const safe = Number.isFinite(v) ? v : 0;
  return z ? { t: 'n', f, v: safe, z } : { t: 'n', f, v: safe };
}

/**
 * `hidden`: columns that hold keys the importer needs (ids, the `Nyckel` column): kept in the file, never in
 * sight (issue 10.4: no internal key in a visible cell).
 */
function sheetFrom(rows: Row[], widths: number[], hidden: readonly number[] = []): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      if (c > maxC) maxC = c;
    });
    if (row.length - 1 > maxC) maxC = row.length - 1;
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: maxC } });
  ws['!cols'] = widths.map((wch, c) => (hidden.includes(c) ? { wch, hidden: true } : { wch }));
  return ws;
}

const A = (key: keyof typeof ASSUMPTION_ROWS) => `Antaganden!$B$${ASSUMPTION_ROWS[key]}`;
const U = (key: keyof typeof UNIT_ROWS) => `Enhet!$B$${UNIT_ROWS[key]}`;
const UNIT_CELL = (key: 'careWeight' | 'model') => U(key);

/** Column letter of a Läkare column by key. */
const DOCTOR_COLUMNS = [...DOCTOR_INPUTS, ...DOCTOR_RESULTS, ...DOCTOR_AGREEMENT];
export function doctorCol(key: (typeof DOCTOR_COLUMNS)[number]['key']): string {
  const i = DOCTOR_COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`unknown column ${key}`);
  return colLetter(i);
}

function dutyHours(d: Doctor, kind: DutyKind): number | null {
  const hits = (d.duties ?? []).filter((x) => x.kind === kind);
  if (hits.length === 0) return null;
  return hits.reduce((s, x) => s + (Number.isFinite(x.hoursPerWeek) ? x.hoursPerWeek : 0), 0);
}

/** A reference that is an expression, in parentheses so it can stand anywhere in a formula. */
const P = (x: string) => `(${x})`;
/** A share cell as the engine reads a typed share ("35" is 35 %; engine/vocabulary.ts). */
const share = (ref: string) => P(shareFormula(ref));

/**
 * Where doctorFormulas finds its cells: by default the Läkare sheet's row `r` and Enhet's unit cells;
 * the läkardel file per doctor (lakardel.ts) lays one doctor out in a column of rows instead. The duty
 * cells must be consecutive, supervision … other, in either layout (their total is one range).
 */
export interface FormulaCells {
  cell: (key: (typeof DOCTOR_COLUMNS)[number]['key']) => string;
  unit: (key: 'careWeight' | 'model') => string;
}

/**
 * The Läkare formulas for spreadsheet row r: each the spreadsheet form (`excel`) of an engine formula
 * declaration (engine/formulas/, domain.md §2 guideline model, §3 time model, §4 load), over this row's input
 * cells, the earlier steps' columns and the Antaganden/Enhet cells. Intermediates stay unrounded, as in the
 * engine: only the capacities are rounded to 9 decimals and floored (domain.md, introduction). `at` places
 * the cells elsewhere (the läkardel file), the formulas stay the same.
 */
export function doctorFormulas(r: number, at?: FormulaCells): Record<(typeof DOCTOR_RESULTS)[number]['key'], string> {
  const c = at?.cell ?? ((k: Parameters<typeof doctorCol>[0]) => `${doctorCol(k)}${r}`);
  const unitCell = at?.unit ?? UNIT_CELL;
  const employment = P(F.employment.excel({ employment: c('employment') }));
  const fullTimeHours = A('fullTimeHours');
  const weeksPerYear = A('weeksPerYear');
  const total = P(F.stMonthsTotal.excel({ stMonthsTotal: c('stMonthsTotal') }));
  const progress = P(F.stProgress.excel({ stMonthsDone: c('stMonthsDone'), stMonthsTotal: total }));
  const availableHours = P(F.availableHours.excel({ employment, fullTimeHours }));
  return {
    base: F.base.excel({
      category: c('category'), stProgress: progress, specialist: A('guideline.specialist'), stMid: A('guideline.stMid'), rampEnabled: A('stRamp.enabled'),
      startFactor: A('stRamp.startFactor'), endFactor: A('stRamp.endFactor'),
    }),
    dutyHours: F.dutyHours.excel({ dutyTerm: `${c('duty:supervision')}:${c('duty:other')}` }),
    dutyShare: F.dutyShare.excel({ dutyHours: c('dutyHours'), availableHours }),
    presence: F.presence.excel({ absenceWeeks: `MAX(0,N(${c('absenceWeeks')}))`, weeksPerYear }),
    clinicalFte: F.clinicalFte.excel({ employment, dutyShare: c('dutyShare'), presence: c('presence') }),
    careWeightUsed: F.careWeight.excel({ doctorCareWeight: c('careWeight'), unitCareWeight: unitCell('careWeight') }),
    patientHoursYear: F.patientHoursYear.excel({ availableHours, dutyHours: c('dutyHours'), weeksPerYear, presence: c('presence') }),
    directHoursYear: F.directHoursYear.excel({ patientHours: c('patientHoursYear'), indirectShare: share(A('indirectShare')) }),
    visitsYear: F.visitsYear.excel({ directHours: c('directHoursYear'), visitMinutes: A('visitMinutes') }),
    capacityGuideline: F.capacityGuideline.excel({ base: c('base'), clinicalFte: c('clinicalFte'), careWeight: c('careWeightUsed') }),
    capacityTime: F.capacityTime.excel({
      base: c('base'), visitsYear: c('visitsYear'), ownPatientShare: share(A('ownPatientShare')), visitsPerPatientYear: A('visitsPerPatientYear'),
      careWeight: c('careWeightUsed'),
    }),
    capacity: F.capacity.excel({ model: unitCell('model'), capacityGuideline: c('capacityGuideline'), capacityTime: c('capacityTime') }),
    loadRatio: F.loadRatio.excel({ listed: c('listed'), capacity: c('capacity'), overCapacity: `"${S.overCapacityText}"` }),
  };
}

/** A number cell formatted as fmt prints a value of its kind (excelFormat). */
function kindNum(v: unknown, kind: QuantityKind | undefined): Cell | null {
  return typeof v === 'number' && Number.isFinite(v) ? num(v, kind ? excelFormat(kind, v) : undefined) : null;
}

function doctorsSheet(plan: Plan, result: PlanResult, blankRows = 0): XLSX.WorkSheet {
  const header: Row = DOCTOR_COLUMNS.map((c) => text(c.header));
  const rows: Row[] = [header];
  const kindOf = new Map<string, QuantityKind | undefined>(DOCTOR_COLUMNS.map((c) => [c.key, 'kind' in c ? c.kind : undefined]));
  plan.doctors.forEach((d, i) => {
    const r = i + 2;
    const res = result.doctors.find((x) => x.id === d.id) ?? result.doctors[i];
    const f = doctorFormulas(r);
    const input: Record<string, Cell | null> = {
      id: text(String(d.id)),
      name: text(String(d.name ?? '')),
      category: text(CATEGORY_LABELS[d.category] ?? String(d.category)),
      plannedEnd: typeof d.plannedEnd === 'string' && d.plannedEnd ? text(d.plannedEnd) : null,
      agreedListSize: kindNum(d.agreedListSize, 'patients'),
      agreedOn: typeof d.agreedOn === 'string' && d.agreedOn ? text(d.agreedOn) : null,
      agreedUntil: typeof d.agreedUntil === 'string' && d.agreedUntil ? text(d.agreedUntil) : null,
      agreementNote: typeof d.agreementNote === 'string' && d.agreementNote ? text(d.agreementNote) : null,
    };
    for (const key of ['employment', 'stMonthsDone', 'stMonthsTotal', 'absenceWeeks', 'listed', 'listPoints', 'careWeight'] as const) {
      input[key] = kindNum(d[key], kindOf.get(key));
    }
    for (const kind of ['supervision', 'management', 'research', 'side', 'meetings', 'other'] as const) {
      input[`duty:${kind}`] = kindNum(dutyHours(d, kind), kindOf.get(`duty:${kind}`));
    }
    const load = res?.loadRatio;
    const cached: Record<string, number | string> = {
      base: res?.base ?? 0,
      dutyHours: res?.dutyHoursPerWeek ?? 0,
      dutyShare: res?.dutyShare ?? 0,
      presence: res?.presence ?? 0,
      clinicalFte: res?.clinicalFte ?? 0,
      careWeightUsed: res?.careWeight ?? 1,
      patientHoursYear: res?.time.patientHoursYear ?? 0,
      directHoursYear: res?.time.directHoursYear ?? 0,
      visitsYear: res?.time.visitsYear ?? 0,
      capacityGuideline: res?.capacityGuideline ?? 0,
      capacityTime: res?.capacityTime ?? 0,
      capacity: res?.capacity ?? 0,
      loadRatio: load === null || load === undefined ? '' : Number.isFinite(load) ? load : S.overCapacityText,
    };
    rows.push(
      DOCTOR_COLUMNS.map((c) => {
        if (!(c.key in f)) return input[c.key] ?? null;
        const v = cached[c.key];
        return formula(f[c.key as keyof typeof f], v, typeof v === 'number' ? excelFormat((c as { kind: QuantityKind }).kind, v) : undefined);
      }),
    );
  });
  // The empty template: rows with the formulas only, ready for a doctor each (their inputs are blank,
  // so the capacities read 0 until a row is filled in; the importer skips rows without inputs).
  for (let i = 0; i < blankRows; i++) {
    const f = doctorFormulas(plan.doctors.length + i + 2);
    const unitCw = typeof plan.unit?.careWeight === 'number' && plan.unit.careWeight > 0 ? plan.unit.careWeight : 1;
    const cached: Record<string, number | string> = { dutyShare: 1, presence: 1, careWeightUsed: unitCw, loadRatio: '' };
    rows.push(
      DOCTOR_COLUMNS.map((c) => {
        if (!(c.key in f)) return null;
        const v = cached[c.key] ?? 0;
        return formula(f[c.key as keyof typeof f], v, typeof v === 'number' ? excelFormat((c as { kind: QuantityKind }).kind, v) : undefined);
      }),
    );
  }
  return sheetFrom(rows, DOCTOR_COLUMNS.map((c) => c.width), [DOCTOR_COLUMNS.findIndex((c) => c.key === 'id')]);
}

function keyedSheet(
  rows: Map<number, [label: string, value: Cell | null, note: string, key: string]>,
  header: string[],
): XLSX.WorkSheet {
  const last = Math.max(...rows.keys());
  const out: Row[] = [header.map(text)];
  for (let r = 2; r <= last; r++) {
    const row = rows.get(r);
    out.push(row ? [text(row[0]), row[1], row[2] ? text(row[2]) : null, row[3] ? text(row[3]) : null] : []);
  }
  return sheetFrom(out, [44, 16, 70, 22], [3]);
}

function unitSheet(plan: Plan, result: PlanResult, blankRows = 0): XLSX.WorkSheet {
  const u = plan.unit;
  const ur = result.unit;
  const L = S.unitLabels;
  const n = Math.max(plan.doctors.length + blankRows + 1, 2);
  const column = (key: Parameters<typeof doctorCol>[0]) => `'Läkare'!${doctorCol(key)}2:${doctorCol(key)}${n}`;
  const B = (k: keyof typeof UNIT_ROWS) => `B${UNIT_ROWS[k]}`;
  // The profile by its Swedish name (the import reads the name, the id or "Egen"), never its id.
  const profileName = typeof plan.profile === 'string' ? (PROFILES[plan.profile]?.name ?? plan.profile) : S.customProfileWord;
  const rows = new Map<number, [string, Cell | null, string, string]>();
  const put = (k: keyof typeof UNIT_ROWS, value: Cell | null, note = '') => rows.set(UNIT_ROWS[k], [L[k], value, note, k]);
  /** A result cell: the declaration's spreadsheet form, the engine's value cached, the declaration's kind for its format. */
  const live = (k: keyof typeof UNIT_ROWS, f: { kind: QuantityKind }, excel: string, v: number, note = '') => put(k, formula(excel, v, excelFormat(f.kind, v)), note);
  put('name', text(String(u.name ?? '')));
  put('listed', kindNum(u.listed, 'patients'));
  put('careWeight', kindNum(u.careWeight, 'careWeight'), S.notes.unitCareWeight);
  put('withNamedDoctor', kindNum(u.withNamedDoctor, 'patients'));
  put('withNamedDoctorNursingHome', kindNum(u.withNamedDoctorNursingHome, 'patients'));
  put('targetCoverage', kindNum(u.targetCoverage, 'percent'));
  put('model', text(MODEL_WORDS[plan.model] ?? MODEL_WORDS.guideline), S.notes.model);
  put('profile', text(profileName), S.notes.profile);
  for (const k of ['multimorbid', 'nursingHome', 'homeCare', 'palliative', 'chronic'] as const) {
    put(`priority.${k}`, kindNum(u.priority?.[k], 'patients'));
  }
  rows.set(UNIT_ROWS.resultsHeading, [S.resultsHeading, null, S.notes.results, '']);
  // domain.md §4, each from its declaration
  live('capacity', F.capacity, F.capacity.excel({ model: B('model'), capacityGuideline: B('capacityGuideline'), capacityTime: B('capacityTime') }), ur.capacity, S.notes.capacity);
  live('capacityGuideline', F.unitSum, F.unitSum.excel({ doctorValue: column('capacityGuideline') }), ur.capacityGuideline);
  live('capacityTime', F.unitSum, F.unitSum.excel({ doctorValue: column('capacityTime') }), ur.capacityTime);
  live('coverageToday', F.coverageToday, F.coverageToday.excel({ withNamedDoctor: B('withNamedDoctor'), listed: B('listed') }), ur.coverageToday);
  live('coveragePossible', F.coveragePossible, F.coveragePossible.excel({ capacity: B('capacity'), listed: B('listed') }), ur.coveragePossible);
  const target = F.targetPatients.excel({ targetCoverage: B('targetCoverage'), listed: B('listed') });
  live('gapPatients', F.gapPatients, F.gapPatients.excel({ targetPatients: target, capacity: B('capacity') }), ur.gapPatients, S.notes.gap);
  live('fteNeeded', F.fteNeeded, F.fteNeeded.excel({ gapPatients: B('gapPatients'), unitCareWeight: B('careWeight'), specialist: A('guideline.specialist') }), ur.fteNeeded, S.notes.fte);
  live('priorityTotal', F.priorityTotal, F.priorityTotal.excel({ priorityGroup: `${B('priority.multimorbid')}:${B('priority.chronic')}` }), ur.priorityTotal);
  live('priorityCovered', F.priorityCovered, F.priorityCovered.excel({ priorityTotal: B('priorityTotal'), capacity: B('capacity') }), ur.priorityCovered);
  live('listedOnDoctors', F.unitSum, F.unitSum.excel({ doctorValue: column('listed') }), ur.listedOnDoctors);
  return keyedSheet(rows, [S.headers.item, S.headers.value, S.headers.note, S.headers.key]);
}

/** The Antaganden sheet (time assumptions and profile values the formulas read), also in the läkardel file. */
export function assumptionsSheet(result: PlanResult): XLSX.WorkSheet {
  const t = result.time;
  const p = result.profile;
  const L = S.assumptionLabels;
  const rows = new Map<number, [string, Cell | null, string, string]>();
  const put = (k: keyof typeof ASSUMPTION_ROWS, value: Cell | null, note = '') => rows.set(ASSUMPTION_ROWS[k], [L[k], value, note, k]);
  const B = (k: keyof typeof ASSUMPTION_ROWS) => `B${ASSUMPTION_ROWS[k]}`;
  put('fullTimeHours', kindNum(t.fullTimeHours, 'hours'), S.notes.assumption);
  put('weeksPerYear', kindNum(t.weeksPerYear, 'weeks'), S.notes.assumption);
  put('indirectShare', kindNum(t.indirectShare, 'percent'), S.notes.assumption);
  put('plannedMinutes', kindNum(t.plannedMinutes, 'minutes'), S.notes.assumption);
  put('acuteMinutes', kindNum(t.acuteMinutes, 'minutes'), S.notes.assumption);
  put('plannedShare', kindNum(t.plannedShare, 'percent'), S.notes.assumption);
  put('ownPatientShare', kindNum(t.ownPatientShare, 'percent'), S.notes.assumption);
  put('visitsPerPatientYear', kindNum(t.visitsPerPatientYear, 'factor'), S.notes.assumption);
  const vm = F.visitMinutes.compute(t.plannedShare, t.plannedMinutes, t.acuteMinutes) ?? 0;
  put(
    'visitMinutes',
    formula(F.visitMinutes.excel({ plannedShare: share(B('plannedShare')), plannedMinutes: B('plannedMinutes'), acuteMinutes: B('acuteMinutes') }), vm, excelFormat(F.visitMinutes.kind, vm)),
    S.notes.visitMinutes,
  );
  put('guideline.specialist', kindNum(p.guideline.specialist, 'patients'), S.notes.profileValue);
  put('guideline.stMid', kindNum(p.guideline.stMid, 'patients'), S.notes.profileValue);
  put('stRamp.enabled', num(p.stRamp.enabled ? 1 : 0), S.notes.stRamp);
  put('stRamp.startFactor', kindNum(p.stRamp.startFactor, 'factor'), S.notes.stRamp);
  put('stRamp.endFactor', kindNum(p.stRamp.endFactor, 'factor'), S.notes.stRamp);
  put('profile', text(p.name), S.notes.profileName);
  return keyedSheet(rows, [S.headers.assumption, S.headers.value, S.headers.note, S.headers.key]);
}

function rulesSheet(plan: Plan, result: PlanResult): XLSX.WorkSheet {
  const H = S.rulesHeaders;
  const rows: Row[] = [[text(H.severity), text(H.rule), text(H.doctor), text(H.message)]];
  for (const f of result.findings) {
    const d = f.doctorId ? plan.doctors.find((x) => x.id === f.doctorId) : undefined;
    rows.push([text(SEVERITY_LABELS[f.severity] ?? f.severity), text(RULE_NAMES[f.rule] ?? ''), d ? text(String(d.name)) : null, text(f.message)]);
  }
  if (result.findings.length === 0) rows.push([null, null, null, text(S.noFindings)]);
  rows.push([]);
  rows.push([null, null, null, text(S.rulesNote.replace('{today}', result.today))]);
  return sheetFrom(rows, [12, 24, 24, 90]);
}

function dutiesSheet(plan: Plan): XLSX.WorkSheet {
  const H = S.dutyHeaders;
  const rows: Row[] = [[text(H.id), text(H.doctor), text(H.kind), text(H.hours), text(H.label)]];
  for (const d of plan.doctors) {
    for (const duty of d.duties ?? []) {
      rows.push([
        text(String(d.id)),
        text(String(d.name ?? '')),
        text(DUTY_LABELS[duty.kind] ?? String(duty.kind)),
        kindNum(duty.hoursPerWeek, 'hours'),
        duty.label ? text(String(duty.label)) : null,
      ]);
    }
  }
  return sheetFrom(rows, [8, 24, 14, 12, 40], [0]);
}

/** The whole plan as JSON in cells of ≤ 30 000 characters (Excel's cell limit is 32 767). */
function dataSheet(plan: Plan): XLSX.WorkSheet {
  const json = JSON.stringify(plan);
  const rows: Row[] = [[text(S.dataHeader)]];
  for (let i = 0; i < json.length; i += 30000) rows.push([text(json.slice(i, i + 30000))]);
  return sheetFrom(rows, [100]);
}

/** Sheet names: ≤ 31 characters, none of []:*?/\, unique against ours (case-insensitive). */
function safeSheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Blad';
  let n = 2;
  let candidate = base;
  while (taken.has(candidate.toLowerCase())) {
    const suffix = ` (${n++})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  base = candidate;
  taken.add(base.toLowerCase());
  return base;
}

function extraSheet(x: ExtraSheet): XLSX.WorkSheet {
  const rows: Row[] = x.rows.map((row) =>
    row.map((v) => (v === null || v === undefined ? null : typeof v === 'number' ? (Number.isFinite(v) ? num(v) : null) : typeof v === 'boolean' ? { t: 'b', v } : text(String(v)))),
  );
  const cols = Math.max(0, ...x.rows.map((r) => r.length));
  return sheetFrom(rows, x.colWidths ?? Array.from({ length: cols }, () => 18));
}

/** How each sheet looks and prints (styling.ts): header rows, frozen panes, hidden key columns, landscape. */
function sheetStyles(names: string[], extras: ExtraSheet[] = []): SheetStyle[] {
  const print = { landscape: true, repeatRows: 1 };
  const specs: SheetStyle[] = [
    // Enhet and Antaganden: the key column D ("Nyckel", needed by the importer) hidden.
    { name: SHEET.unit, headerRows: [1], cells: { [`A${UNIT_ROWS.resultsHeading}`]: 'bold' }, wrapCols: [2], freeze: { rows: 1, cols: 1 }, hiddenCols: [3], print },
    // Läkare: the Id column (the importer's key) hidden; the name column frozen with the header; the
    // steps between the inputs and the capacities grouped and collapsed (one click opens them).
    {
      name: SHEET.doctors,
      headerRows: [1],
      freeze: { rows: 1, cols: 2 },
      hiddenCols: [0],
      groupCols: [{ from: DOCTOR_INPUTS.length, to: DOCTOR_INPUTS.length + DOCTOR_RESULTS.findIndex((c) => c.key === 'capacityGuideline') - 1, collapsed: true }],
      print,
    },
    { name: SHEET.assumptions, headerRows: [1], wrapCols: [2], freeze: { rows: 1, cols: 1 }, hiddenCols: [3], print },
    // Regler: the rule code column hidden (no code reaches a reader).
    { name: SHEET.rules, headerRows: [1], wrapCols: [3], freeze: { rows: 1, cols: 0 }, hiddenCols: [1], print },
    // Uppdrag (duty labels, several duties of a kind) is for the importer, like Data: a hidden sheet.
    { name: SHEET.duties, headerRows: [1], freeze: { rows: 1, cols: 2 }, hiddenCols: [0], print },
  ];
  for (const n of names) {
    if (specs.some((x) => x.name === n) || n === SHEET.data) continue;
    const wrapCols = extras.find((x) => x.name === n)?.wrapCols;
    specs.push({ name: n, headerRows: [1], freeze: { rows: 1, cols: 0 }, print, ...(wrapCols ? { wrapCols } : {}) });
  }
  return specs;
}

export function exportWorkbook(plan: Plan, options: ExportWorkbookOptions = {}): Uint8Array {
  options.onProgress?.({ phase: 'write', done: 0, total: 3 });
  const result = computePlan(plan, options.today ? { today: options.today } : undefined);
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  const extraNames = [...(options.template ? [options.template.instructions.name] : []), ...(options.extraSheets ?? []).map((x) => x.name)];
  const extras = [...(options.template ? [options.template.instructions] : []), ...(options.extraSheets ?? [])];
  const styles = sheetStyles([SHEET.unit, SHEET.doctors, SHEET.assumptions, SHEET.rules, SHEET.duties, ...extraNames], extras);
  const add = (ws: XLSX.WorkSheet, name: string) => {
    const safe = safeSheetName(name, taken);
    XLSX.utils.book_append_sheet(wb, prepareSheet(ws, styles.find((x) => x.name === name)), safe);
    const spec = styles.find((x) => x.name === name);
    if (spec && safe !== name) spec.name = safe;
  };
  const blank = options.template?.blankRows ?? 0;
  if (options.template) add(extraSheet(options.template.instructions), options.template.instructions.name);
  add(unitSheet(plan, result, blank), SHEET.unit);
  add(doctorsSheet(plan, result, blank), SHEET.doctors);
  add(assumptionsSheet(result), SHEET.assumptions);
  add(rulesSheet(plan, result), SHEET.rules);
  add(dutiesSheet(plan), SHEET.duties);
  for (const x of options.extraSheets ?? []) add(extraSheet(x), x.name);
  if (!options.template) XLSX.utils.book_append_sheet(wb, dataSheet(plan), safeSheetName(SHEET.data, taken));
  wb.Workbook = { Sheets: wb.SheetNames.map((name) => ({ name, Hidden: name === SHEET.data || name === SHEET.duties ? 1 : 0 })) };
  wb.Props = { Title: `${S.title} – ${String(plan.unit?.name ?? '')}`, Author: 'Kapacitet' };
  options.onProgress?.({ phase: 'write', done: 1, total: 3 });
  const raw = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  options.onProgress?.({ phase: 'write', done: 2, total: 3 });
  const out = finishWorkbook(new Uint8Array(raw), wb.SheetNames, styles, { fullCalcOnLoad: true });
  options.onProgress?.({ phase: 'write', done: 3, total: 3 });
  return out;
}
