/**
 * exportWorkbook (contracts.md, Workbook I/O): a workbook a person can read and keep working in.
 * Every result is a live formula over input cells (domain.md §2–§4) with the engine's value cached,
 * and the file asks Excel/LibreOffice to recalculate fully when opened.
 */
import * as XLSX from 'xlsx';
import { computePlan } from '../../engine/index';
import type { Doctor, DoctorCategory, DutyKind, Plan, PlanResult } from '../../engine/types';
import { CATEGORY_LABELS, DUTY_LABELS, SEVERITY_LABELS } from '../../strings/engine.sv';
import { IO_STRINGS } from '../../strings/io.sv';
import { finishWorkbook, prepareSheet, type SheetStyle } from './styling';
import {
  ASSUMPTION_ROWS, DOCTOR_AGREEMENT, DOCTOR_INPUTS, DOCTOR_RESULTS, MODEL_TIME_WORDS, MODEL_WORDS, SHEET, UNIT_ROWS, categoryWords, colLetter,
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
function optNum(v: unknown, z?: string): Cell | null {
  return typeof v === 'number' && Number.isFinite(v) ? num(v, z) : null;
}
/** A live formula with the engine's value cached (stack-probe §2: never `f` without `v`). */
function formula(f: string, v: number | string, z?: string): Cell {
  if (typeof v === 'string') return { t: 's', f, v };
  const safe = Number.isFinite(v) ? v : 0;
  return z ? { t: 'n', f, v: safe, z } : { t: 'n', f, v: safe };
}

function sheetFrom(rows: Row[], widths: number[]): XLSX.WorkSheet {
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
  ws['!cols'] = widths.map((wch) => ({ wch }));
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

/** The model cell names the time model (the same words the importer reads). */
function isTimeModel(cell: string): string {
  return `OR(${MODEL_TIME_WORDS.map((w) => `TRIM(${cell})="${w}"`).join(',')})`;
}

/**
 * Where doctorFormulas finds its cells: by default the Läkare sheet's row `r` and Enhet's unit cells;
 * the läkardel file per doctor (lakardel.ts) lays one doctor out in a column of rows instead. The duty
 * cells must be consecutive, supervision … other, in either layout (their total is one SUMIF range).
 */
export interface FormulaCells {
  cell: (key: (typeof DOCTOR_COLUMNS)[number]['key']) => string;
  unit: (key: 'careWeight' | 'model') => string;
}

/** The Läkare formulas for spreadsheet row r (domain.md §2 guideline model, §3 time model). */
export function doctorFormulas(r: number, at?: FormulaCells): Record<(typeof DOCTOR_RESULTS)[number]['key'], string> {
  const c = at?.cell ?? ((k: Parameters<typeof doctorCol>[0]) => `${doctorCol(k)}${r}`);
  const U = at?.unit ?? UNIT_CELL;
  const cat = c('category');
  // Every word the importer reads as the category (categoryFromText), compared with the trimmed cell.
  const isOneOf = (categories: DoctorCategory[]) => categoryWords(categories).map((w) => `TRIM(${cat})="${w}"`).join(',');
  const specialistLike = isOneOf(['specialist', 'geriatrician', 'pediatrician', 'dispensation']);
  const done = c('stMonthsDone');
  const total = `IF(ISNUMBER(${c('stMonthsTotal')}),${c('stMonthsTotal')},60)`;
  // engine doctor.ts stProgress: months done unknown or total ≤ 0 → mid-training (0.5); total unknown → 60.
  const progress = `IF(ISNUMBER(${done}),IF(${total}>0,MIN(1,MAX(0,${done}/${total})),0.5),0.5)`;
  const emp = `MAX(0,N(${c('employment')}))`;
  const ft = A('fullTimeHours');
  const wpy = A('weeksPerYear');
  const absence = `MAX(0,N(${c('absenceWeeks')}))`;
  // Intermediates stay unrounded, as in the engine (doctor.ts): only the final capacity is rounded to 9
  // decimals and floored (domain.md, introduction). Rounding e.g. clinicalFte 0,2 × 36/42 to 9 decimals
  // would turn an exact 121 into 120 once the spreadsheet recalculates.
  return {
    // §2 base: guideline for specialist-like, ST ramp stMid × (start + progress × (end − start)), else 0.
    base:
      `IF(OR(${specialistLike}),${A('guideline.specialist')},` +
      `IF(OR(${isOneOf(['st'])}),IF(${A('stRamp.enabled')}=1,${A('guideline.stMid')}*(${A('stRamp.startFactor')}+${progress}*(${A('stRamp.endFactor')}-${A('stRamp.startFactor')})),${A('guideline.stMid')}),0))`,
    // Σ duty hours per week (negative entries count as 0)
    dutyHours: `ROUND(SUMIF(${c('duty:supervision')}:${c('duty:other')},">0"),9)`,
    // §2 dutyShare = min(1, duty hours / (employment × fullTimeHours)); no time at all → 1
    dutyShare: `IF(${emp}*${ft}>0,MIN(1,${c('dutyHours')}/(${emp}*${ft})),1)`,
    // §2 presence = 1 − absenceWeeks / weeksPerYear, clamped to 0–1
    presence: `IF(${wpy}>0,MAX(0,MIN(1,1-${absence}/${wpy})),IF(${absence}>0,0,1))`,
    // §2 clinicalFte = employment × (1 − dutyShare) × presence
    clinicalFte: `${emp}*(1-${c('dutyShare')})*${c('presence')}`,
    // §2 the list's care weight if known, else the unit's, else 1.0
    careWeightUsed: `IF(AND(ISNUMBER(${c('careWeight')}),N(${c('careWeight')})>0),${c('careWeight')},IF(AND(ISNUMBER(${U('careWeight')}),N(${U('careWeight')})>0),${U('careWeight')},1))`,
    // §3 patientHoursYear = max(0, employment × fullTimeHours − duty hours) × weeksPerYear × presence
    patientHoursYear: `MAX(0,${emp}*${ft}-${c('dutyHours')})*MAX(0,${wpy})*${c('presence')}`,
    // §3 directHoursYear = patientHoursYear × (1 − indirectShare)
    directHoursYear: `${c('patientHoursYear')}*(1-${A('indirectShare')})`,
    // §3 visitsYear = directHoursYear × 60 / visitMinutes
    visitsYear: `IF(${A('visitMinutes')}>0,${c('directHoursYear')}*60/${A('visitMinutes')},0)`,
    // §2 capacityGuideline = floor(base × clinicalFte / careWeight), floor after rounding to 9 decimals
    capacityGuideline: `IF(AND(${c('base')}>0,${c('clinicalFte')}>0),MAX(0,INT(ROUND(${c('base')}*${c('clinicalFte')}/${c('careWeightUsed')},9))),0)`,
    // §3 capacityTime = floor(visitsYear × ownPatientShare / (visitsPerPatientYear × careWeight)) when base > 0
    capacityTime: `IF(AND(${c('base')}>0,${A('visitsPerPatientYear')}*${c('careWeightUsed')}>0,${c('visitsYear')}>0),MAX(0,INT(ROUND(${c('visitsYear')}*${A('ownPatientShare')}/(${A('visitsPerPatientYear')}*${c('careWeightUsed')}),9))),0)`,
    capacity: `IF(${isTimeModel(U('model'))},${c('capacityTime')},${c('capacityGuideline')})`,
    // §4 loadRatio = listed / capacity
    // §4 loadRatio = listed / capacity; listed 0 → 0; capacity 0 → over capacity (engine: Infinity)
    loadRatio: `IF(ISNUMBER(${c('listed')}),IF(${c('listed')}<=0,0,IF(${c('capacity')}>0,${c('listed')}/${c('capacity')},"${S.overCapacityText}")),"")`,
  };
}

function doctorsSheet(plan: Plan, result: PlanResult, blankRows = 0): XLSX.WorkSheet {
  const header: Row = DOCTOR_COLUMNS.map((c) => text(c.header));
  const rows: Row[] = [header];
  plan.doctors.forEach((d, i) => {
    const r = i + 2;
    const res = result.doctors.find((x) => x.id === d.id) ?? result.doctors[i];
    const f = doctorFormulas(r);
    const input: Record<string, Cell | null> = {
      id: text(String(d.id)),
      name: text(String(d.name ?? '')),
      category: text(CATEGORY_LABELS[d.category] ?? String(d.category)),
      employment: optNum(d.employment, '0%'),
      stMonthsDone: optNum(d.stMonthsDone),
      stMonthsTotal: optNum(d.stMonthsTotal),
      absenceWeeks: optNum(d.absenceWeeks, '0.0'),
      listed: optNum(d.listed, '#,##0'),
      listPoints: optNum(d.listPoints, '#,##0'),
      careWeight: optNum(d.careWeight, '0.00'),
      plannedEnd: typeof d.plannedEnd === 'string' && d.plannedEnd ? text(d.plannedEnd) : null,
      agreedListSize: optNum(d.agreedListSize, '#,##0'),
      agreedOn: typeof d.agreedOn === 'string' && d.agreedOn ? text(d.agreedOn) : null,
      agreedUntil: typeof d.agreedUntil === 'string' && d.agreedUntil ? text(d.agreedUntil) : null,
      agreementNote: typeof d.agreementNote === 'string' && d.agreementNote ? text(d.agreementNote) : null,
    };
    for (const kind of ['supervision', 'management', 'research', 'side', 'meetings', 'other'] as const) {
      input[`duty:${kind}`] = optNum(dutyHours(d, kind), '0.0');
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
      DOCTOR_COLUMNS.map((c) =>
        c.key in f
          ? formula(f[c.key as keyof typeof f], cached[c.key], 'format' in c ? c.format : undefined)
          : input[c.key] ?? null,
      ),
    );
  });
  // The empty template: rows with the formulas only, ready for a doctor each (their inputs are blank,
  // so the capacities read 0 until a row is filled in; the importer skips rows without inputs).
  for (let i = 0; i < blankRows; i++) {
    const f = doctorFormulas(plan.doctors.length + i + 2);
    const unitCw = typeof plan.unit?.careWeight === 'number' && plan.unit.careWeight > 0 ? plan.unit.careWeight : 1;
    const cached: Record<string, number | string> = { dutyShare: 1, presence: 1, careWeightUsed: unitCw, loadRatio: '' };
    rows.push(DOCTOR_COLUMNS.map((c) => (c.key in f ? formula(f[c.key as keyof typeof f], cached[c.key] ?? 0, 'format' in c ? c.format : undefined) : null)));
  }
  return sheetFrom(rows, DOCTOR_COLUMNS.map((c) => c.width));
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
  return sheetFrom(out, [44, 16, 70, 22]);
}

function unitSheet(plan: Plan, result: PlanResult, blankRows = 0): XLSX.WorkSheet {
  const u = plan.unit;
  const ur = result.unit;
  const L = S.unitLabels;
  const cgCol = doctorCol('capacityGuideline');
  const ctCol = doctorCol('capacityTime');
  const lsCol = doctorCol('listed');
  const n = Math.max(plan.doctors.length + blankRows + 1, 2);
  const sum = (col: string) => `SUM('Läkare'!${col}2:${col}${n})`;
  const B = (k: keyof typeof UNIT_ROWS) => `B${UNIT_ROWS[k]}`;
  const profileId = typeof plan.profile === 'string' ? plan.profile : 'custom';
  const rows = new Map<number, [string, Cell | null, string, string]>();
  const put = (k: keyof typeof UNIT_ROWS, value: Cell | null, note = '') => rows.set(UNIT_ROWS[k], [L[k], value, note, k]);
  put('name', text(String(u.name ?? '')));
  put('listed', optNum(u.listed, '#,##0'));
  put('careWeight', optNum(u.careWeight, '0.00'), S.notes.unitCareWeight);
  put('withNamedDoctor', optNum(u.withNamedDoctor, '#,##0'));
  put('withNamedDoctorNursingHome', optNum(u.withNamedDoctorNursingHome, '#,##0'));
  put('targetCoverage', optNum(u.targetCoverage, '0%'));
  put('model', text(MODEL_WORDS[plan.model] ?? MODEL_WORDS.guideline), S.notes.model);
  put('profile', text(profileId), S.notes.profile);
  for (const k of ['multimorbid', 'nursingHome', 'homeCare', 'palliative', 'chronic'] as const) {
    put(`priority.${k}`, optNum(u.priority?.[k], '#,##0'));
  }
  rows.set(UNIT_ROWS.resultsHeading, [S.resultsHeading, null, S.notes.results, '']);
  // domain.md §4
  put('capacity', formula(`IF(${isTimeModel(B('model'))},${B('capacityTime')},${B('capacityGuideline')})`, ur.capacity, '#,##0'), S.notes.capacity);
  put('capacityGuideline', formula(sum(cgCol), ur.capacityGuideline, '#,##0'));
  put('capacityTime', formula(sum(ctCol), ur.capacityTime, '#,##0'));
  put('coverageToday', formula(`IF(N(${B('listed')})>0,MAX(0,N(${B('withNamedDoctor')}))/${B('listed')},0)`, ur.coverageToday, '0.0%'));
  put('coveragePossible', formula(`IF(N(${B('listed')})>0,MIN(1,${B('capacity')}/${B('listed')}),0)`, ur.coveragePossible, '0.0%'));
  put('gapPatients', formula(`MAX(0,ROUNDUP(ROUND(IF(ISNUMBER(${B('targetCoverage')}),MAX(0,${B('targetCoverage')}),1)*MAX(0,N(${B('listed')})),9),0)-${B('capacity')})`, ur.gapPatients, '#,##0'), S.notes.gap);
  put('fteNeeded', formula(`IF(AND(${B('gapPatients')}>0,${A('guideline.specialist')}>0),ROUND(${B('gapPatients')}*IF(N(${B('careWeight')})>0,${B('careWeight')},1)/${A('guideline.specialist')},9),0)`, ur.fteNeeded, '0.00'), S.notes.fte);
  put('priorityTotal', formula(`SUMIF(${B('priority.multimorbid')}:${B('priority.chronic')},">0")`, ur.priorityTotal, '#,##0'));
  put('priorityCovered', formula(`MIN(${B('priorityTotal')},MAX(0,${B('capacity')}))`, ur.priorityCovered, '#,##0'));
  put('listedOnDoctors', formula(`SUMIF('Läkare'!${lsCol}2:${lsCol}${n},">0")`, ur.listedOnDoctors, '#,##0'));
  return keyedSheet(rows, [S.headers.item, S.headers.value, S.headers.note, S.headers.key]);
}

/** The Antaganden sheet (time assumptions and profile values the formulas read), also in the läkardel file. */
export function assumptionsSheet(result: PlanResult): XLSX.WorkSheet {
  const t = result.time;
  const p = result.profile;
  const L = S.assumptionLabels;
  const rows = new Map<number, [string, Cell | null, string, string]>();
  const put = (k: keyof typeof ASSUMPTION_ROWS, value: Cell | null, note = '') => rows.set(ASSUMPTION_ROWS[k], [L[k], value, note, k]);
  put('fullTimeHours', num(t.fullTimeHours), S.notes.assumption);
  put('weeksPerYear', num(t.weeksPerYear), S.notes.assumption);
  put('indirectShare', num(t.indirectShare, '0%'), S.notes.assumption);
  put('plannedMinutes', num(t.plannedMinutes), S.notes.assumption);
  put('acuteMinutes', num(t.acuteMinutes), S.notes.assumption);
  put('plannedShare', num(t.plannedShare, '0%'), S.notes.assumption);
  put('ownPatientShare', num(t.ownPatientShare, '0%'), S.notes.assumption);
  put('visitsPerPatientYear', num(t.visitsPerPatientYear, '0.0'), S.notes.assumption);
  const vm = t.plannedShare * t.plannedMinutes + (1 - t.plannedShare) * t.acuteMinutes;
  // domain.md §3 visitMinutes = plannedShare × plannedMinutes + (1 − plannedShare) × acuteMinutes
  put('visitMinutes', formula('B7*B5+(1-B7)*B6', vm, '0.0'), S.notes.visitMinutes);
  put('guideline.specialist', num(p.guideline.specialist, '#,##0'), S.notes.profileValue);
  put('guideline.stMid', num(p.guideline.stMid, '#,##0'), S.notes.profileValue);
  put('stRamp.enabled', num(p.stRamp.enabled ? 1 : 0), S.notes.stRamp);
  put('stRamp.startFactor', num(p.stRamp.startFactor, '0.00'), S.notes.stRamp);
  put('stRamp.endFactor', num(p.stRamp.endFactor, '0.00'), S.notes.stRamp);
  put('profile', text(`${p.name} (${p.id})`), S.notes.profileName);
  return keyedSheet(rows, [S.headers.assumption, S.headers.value, S.headers.note, S.headers.key]);
}

function rulesSheet(plan: Plan, result: PlanResult): XLSX.WorkSheet {
  const H = S.rulesHeaders;
  const rows: Row[] = [[text(H.severity), text(H.rule), text(H.doctor), text(H.message)]];
  for (const f of result.findings) {
    const d = f.doctorId ? plan.doctors.find((x) => x.id === f.doctorId) : undefined;
    rows.push([text(SEVERITY_LABELS[f.severity] ?? f.severity), text(f.rule), d ? text(String(d.name)) : null, text(f.message)]);
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
        optNum(duty.hoursPerWeek, '0.0'),
        duty.label ? text(String(duty.label)) : null,
      ]);
    }
  }
  return sheetFrom(rows, [8, 24, 14, 12, 40]);
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
