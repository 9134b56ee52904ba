/**
 * The läkardel file per doctor (issue 13; seed 003: Socialstyrelsen's planning tool has a separate
 * doctor part, gone through by manager and doctor together). One doctor's inputs as a column of
 * labelled cells the doctor fills in, both capacities as live formulas built by the very function the
 * unit workbook uses (export.ts doctorFormulas, here with the cells of this layout), the time
 * assumptions on their own sheet (the same builder as the unit workbook's), instructions in Swedish,
 * and a hidden Data sheet naming the doctor, so the file comes back to the right row of the plan.
 */
import * as XLSX from 'xlsx';
import { computePlan, excelFormat } from '../../engine/index';
import type { Doctor, DutyKind, Plan } from '../../engine/types';
import { CATEGORY_LABELS, DUTY_LABELS } from '../../strings/engine.sv';
import { LAKARDEL as L } from '../../strings/lakardel.sv';
import { IO_STRINGS } from '../../strings/io.sv';
import { DOCTOR_RESULTS, DUTY_COLUMNS, MODEL_WORDS, SHEET } from './layout';
import { assumptionsSheet, doctorFormulas } from './export';
import { finishWorkbook, prepareSheet, type SheetStyle } from './styling';

export const LAKARDEL_FORMAT = 'kapacitet/lakardel';
export const LAKARDEL_VERSION = 1;

/** The inputs of the läkardel, in order (the duty rows consecutive, as doctorFormulas' SUMIF needs). */
export const LAKARDEL_INPUTS = [
  'id',
  'name',
  'category',
  'employment',
  'stMonthsDone',
  'stMonthsTotal',
  ...DUTY_COLUMNS.map((d) => `duty:${d.kind}` as const),
  'absenceWeeks',
  'listed',
  'listPoints',
  'careWeight',
  'plannedEnd',
] as const;
export type LakardelInput = (typeof LAKARDEL_INPUTS)[number];
export const LAKARDEL_UNIT = ['unit.careWeight', 'unit.model'] as const;

export interface LakardelLayout {
  /** Spreadsheet row (1-based) of every key: inputs, unit cells, results. */
  row: Record<string, number>;
  headerRow: number;
  resultsHeadingRow: number;
  lastRow: number;
}

/** Where everything sits on the Läkardel sheet (export writes by it; import finds keys in column D). */
export function lakardelLayout(): LakardelLayout {
  const row: Record<string, number> = {};
  const headerRow = 4 + L.instructions.length + 1;
  let r = headerRow + 1;
  row.inputsHeading = r++;
  for (const k of LAKARDEL_INPUTS) row[k] = r++;
  r++;
  row.unitHeading = r++;
  for (const k of LAKARDEL_UNIT) row[k] = r++;
  r++;
  const resultsHeadingRow = r++;
  for (const c of DOCTOR_RESULTS) row[c.key] = r++;
  return { row, headerRow, resultsHeadingRow, lastRow: r - 1 };
}

type Cell = XLSX.CellObject;
const text = (v: string): Cell => ({ t: 's', v });
/**
 * An input cell: the doctor types into it, so its number shows as typed (General) — a format chosen
 * from today's value would hide a decimal typed tomorrow (7,5 shown as 8). Employment keeps its
 * percent format (excelFormat), so 80 % reads and types as 80 %.
 */
function num(v: unknown, kind?: 'percent'): Cell | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  return kind ? { t: 'n', v, z: excelFormat(kind, v) } : { t: 'n', v };
}

function dutyHours(d: Doctor, kind: DutyKind): number | null {
  const hits = (d.duties ?? []).filter((x) => x.kind === kind);
  return hits.length === 0 ? null : hits.reduce((s, x) => s + (Number.isFinite(x.hoursPerWeek) ? x.hoursPerWeek : 0), 0);
}

export interface ExportLakardelOptions {
  today?: string;
  planName?: string;
}

/** One doctor's läkardel as an .xlsx. Throws when the doctor is not in the plan (a programming error). */
export function exportLakardel(plan: Plan, doctorId: string, options: ExportLakardelOptions = {}): Uint8Array {
  const result = computePlan(plan, options.today ? { today: options.today } : undefined);
  const index = plan.doctors.findIndex((x) => x.id === doctorId);
  if (index < 0) throw new Error(`no doctor ${doctorId}`);
  const d = plan.doctors[index];
  const res = result.doctors[index];
  const lay = lakardelLayout();
  const B = (k: string) => `B${lay.row[k]}`;
  const ws: XLSX.WorkSheet = {};
  const put = (r: number, c: number, cell: Cell | null) => {
    if (cell) ws[XLSX.utils.encode_cell({ r: r - 1, c })] = cell;
  };
  const line = (r: number, label: string, value: Cell | null, note: string, key: string) => {
    put(r, 0, text(label));
    put(r, 1, value);
    if (note) put(r, 2, text(note));
    put(r, 3, text(key));
  };
  put(1, 0, text(L.title(String(d.name ?? ''))));
  put(2, 0, text(L.subtitle(String(plan.unit?.name ?? ''), options.planName ?? '', result.today)));
  L.instructions.forEach((t, i) => put(4 + i, 0, text(t)));
  [L.headers.item, L.headers.value, L.headers.note, L.headers.key].forEach((h, c) => put(lay.headerRow, c, text(h)));
  put(lay.row.inputsHeading, 0, text(L.inputsHeading));
  const N = L.notes;
  const inputs: Record<LakardelInput, [Cell | null, string]> = {
    id: [text(String(d.id)), ''],
    name: [text(String(d.name ?? '')), ''],
    category: [text(CATEGORY_LABELS[d.category] ?? String(d.category)), N.category],
    employment: [num(d.employment, 'percent'), N.employment],
    stMonthsDone: [num(d.stMonthsDone), N.st],
    stMonthsTotal: [num(d.stMonthsTotal), N.st],
    'duty:supervision': [num(dutyHours(d, 'supervision')), N.duty],
    'duty:management': [num(dutyHours(d, 'management')), ''],
    'duty:research': [num(dutyHours(d, 'research')), ''],
    'duty:side': [num(dutyHours(d, 'side')), ''],
    'duty:meetings': [num(dutyHours(d, 'meetings')), ''],
    'duty:other': [num(dutyHours(d, 'other')), ''],
    absenceWeeks: [num(d.absenceWeeks ?? 0), N.absenceWeeks],
    listed: [num(d.listed), ''],
    listPoints: [num(d.listPoints), ''],
    careWeight: [num(d.careWeight), N.careWeight],
    plannedEnd: [typeof d.plannedEnd === 'string' && d.plannedEnd ? text(d.plannedEnd) : null, ''],
  };
  for (const k of LAKARDEL_INPUTS) {
    const label = k.startsWith('duty:') ? L.dutyLabel(DUTY_LABELS[k.slice(5) as DutyKind]) : L.labels[k as keyof typeof L.labels];
    line(lay.row[k], label, inputs[k][0], inputs[k][1], k);
  }
  put(lay.row.unitHeading, 0, text(L.unitHeading));
  line(lay.row['unit.careWeight'], L.labels['unit.careWeight'], num(plan.unit?.careWeight ?? 1), N.unit, 'unit.careWeight');
  line(lay.row['unit.model'], L.labels['unit.model'], text(MODEL_WORDS[plan.model] ?? MODEL_WORDS.guideline), N.unit, 'unit.model');
  put(lay.resultsHeadingRow, 0, text(L.resultsHeading));
  // The unit workbook's formulas, with this sheet's cells (doctorFormulas is the one definition).
  const f = doctorFormulas(0, {
    cell: (k) => B(k),
    unit: (k) => B(`unit.${k}`),
  });
  const load = res.loadRatio;
  const cached: Record<string, number | string> = {
    base: res.base,
    dutyHours: res.dutyHoursPerWeek,
    dutyShare: res.dutyShare,
    presence: res.presence,
    clinicalFte: res.clinicalFte,
    careWeightUsed: res.careWeight,
    patientHoursYear: res.time.patientHoursYear,
    directHoursYear: res.time.directHoursYear,
    visitsYear: res.time.visitsYear,
    capacityGuideline: res.capacityGuideline,
    capacityTime: res.capacityTime,
    capacity: res.capacity,
    loadRatio: load === null ? '' : Number.isFinite(load) ? load : IO_STRINGS.workbook.overCapacityText,
  };
  for (const c of DOCTOR_RESULTS) {
    const v = cached[c.key];
    const cell: Cell = typeof v === 'string' ? { t: 's', f: f[c.key], v } : { t: 'n', f: f[c.key], v: Number.isFinite(v) ? v : 0, z: excelFormat(c.kind, Number.isFinite(v) ? v : 0) };
    line(lay.row[c.key], c.header, cell, '', c.key);
  }
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lay.lastRow - 1, c: 3 } });
  ws['!merges'] = [0, 1, ...L.instructions.map((_, i) => 3 + i)].map((r) => ({ s: { r, c: 0 }, e: { r, c: 2 } }));
  ws['!rows'] = [];
  ws['!rows'][lay.row.id - 1] = { hidden: true };
  ws['!cols'] = [{ wch: 40 }, { wch: 18 }, { wch: 56 }, { wch: 18 }];

  const wb = XLSX.utils.book_new();
  const spec: SheetStyle = {
    name: L.sheet,
    headerRows: [lay.headerRow],
    cells: {
      A1: 'title',
      [`A${lay.row.inputsHeading}`]: 'bold',
      [`A${lay.row.unitHeading}`]: 'bold',
      [`A${lay.resultsHeadingRow}`]: 'bold',
      ...Object.fromEntries(LAKARDEL_INPUTS.filter((k) => k !== 'id').map((k) => [B(k), 'input' as const])),
      ...Object.fromEntries(L.instructions.map((_, i) => [`A${4 + i}`, 'wrap' as const])),
    },
    wrapCols: [2],
    hiddenCols: [3],
    freeze: { rows: lay.headerRow, cols: 0 },
    print: { landscape: false },
  };
  XLSX.utils.book_append_sheet(wb, prepareSheet(ws, { ...spec, headerRows: [] }, { min: 10 }), L.sheet);
  // prepareSheet fitted column A to the title and instructions: they wrap across A:C instead.
  ws['!cols'] = [{ wch: 40 }, { wch: 18 }, { wch: 56 }, { wch: 18 }];
  for (let i = 0; i < L.instructions.length; i++) (ws['!rows'] as XLSX.RowInfo[])[3 + i] = { hpt: 31 };
  XLSX.utils.book_append_sheet(wb, prepareSheet(assumptionsSheet(result), { name: SHEET.assumptions, headerRows: [1], wrapCols: [2] }), SHEET.assumptions);
  const data = JSON.stringify({ format: LAKARDEL_FORMAT, version: LAKARDEL_VERSION, doctorId: d.id, unitName: plan.unit?.name ?? '', planName: options.planName ?? '', exportedOn: result.today, doctor: d });
  const dataWs: XLSX.WorkSheet = { A1: text(IO_STRINGS.workbook.dataHeader) };
  for (let i = 0, r = 1; i < data.length; i += 30000, r++) dataWs[XLSX.utils.encode_cell({ r, c: 0 })] = text(data.slice(i, i + 30000));
  dataWs['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.ceil(data.length / 30000), c: 0 } });
  XLSX.utils.book_append_sheet(wb, dataWs, SHEET.data);
  wb.Workbook = { Sheets: wb.SheetNames.map((name) => ({ name, Hidden: name === SHEET.data ? 1 : 0 })) };
  wb.Props = { Title: L.title(String(d.name ?? '')), Author: 'Kapacitet' };
  const raw = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return finishWorkbook(
    new Uint8Array(raw),
    wb.SheetNames,
    [spec, { name: SHEET.assumptions, headerRows: [1], wrapCols: [2], freeze: { rows: 1, cols: 1 }, hiddenCols: [3], print: { landscape: true, repeatRows: 1 } }],
    { fullCalcOnLoad: true },
  );
}
