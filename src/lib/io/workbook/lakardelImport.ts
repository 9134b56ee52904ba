/**
 * Reading a läkardel file back (issue 13): the doctor's inputs from the Läkardel sheet (found by the
 * keys in its hidden column D, else by their labels), read with the unit workbook's own cell rules
 * (import.ts readNumber/readText/readDate), the doctor named by the file's id; then, against the plan,
 * the change per field. Nothing here touches the plan: the caller shows the changes and applies them
 * on confirmation (one undo step). Never throws.
 */
import type * as XLSX from 'xlsx';
import { parsePlan, planErrorText } from '../../engine/index';
import type { Doctor, DoctorCategory, Duty, DutyKind, Plan } from '../../engine/types';
import { looksLikePersonnummer } from '../../engine/personnummer';
import { DUTY_LABELS } from '../../strings/engine.sv';
import { IO_STRINGS, fill } from '../../strings/io.sv';
import { LAKARDEL as L } from '../../strings/lakardel.sv';
import { LIMITS } from '../limits';
import type { IoMessage } from '../messages';
import { cellValue, findSheet, readWorkbookGuarded, sheetRowCount, toBytes, type CellValue } from '../sheetread';
import { Problems, readDate, readNumber, readText } from './cells';
import { DUTY_COLUMNS, SHEET, categoryFromText, normHeader } from './layout';
import { LAKARDEL_FORMAT, LAKARDEL_INPUTS, type LakardelInput } from './lakardel';

const M = IO_STRINGS.import;

/** What a läkardel file says about its doctor (only what the file holds; blank cells are `undefined`). */
export interface LakardelValues {
  doctorId: string;
  name?: string;
  category?: DoctorCategory;
  employment?: number;
  stMonthsDone?: number;
  stMonthsTotal?: number;
  /** Hours per week of each duty kind (blank = 0). */
  duties: Record<DutyKind, number>;
  absenceWeeks?: number;
  listed?: number;
  listPoints?: number;
  careWeight?: number;
  plannedEnd?: string;
}

export type ImportLakardelResult = { ok: true; values: LakardelValues; warnings: IoMessage[] } | { ok: false; errors: IoMessage[] };

function labelKeys(): Map<string, LakardelInput> {
  const m = new Map<string, LakardelInput>();
  for (const k of LAKARDEL_INPUTS) {
    const label = k.startsWith('duty:') ? L.dutyLabel(DUTY_LABELS[k.slice(5) as DutyKind]) : L.labels[k as keyof typeof L.labels];
    m.set(normHeader(label), k);
  }
  return m;
}

function dataDoctorId(wb: XLSX.WorkBook): string | undefined {
  const name = findSheet(wb, SHEET.data);
  if (!name) return undefined;
  const ws = wb.Sheets[name];
  let json = '';
  for (let r = 1; r < Math.min(sheetRowCount(ws), 100); r++) {
    const v = cellValue(ws, r, 0);
    if (typeof v === 'string') json += v;
  }
  try {
    const o = JSON.parse(json) as { format?: unknown; doctorId?: unknown };
    return o.format === LAKARDEL_FORMAT && typeof o.doctorId === 'string' ? o.doctorId : undefined;
  } catch {
    return undefined;
  }
}

export function importLakardel(input: ArrayBuffer | Uint8Array): ImportLakardelResult {
  try {
    return importUnsafe(toBytes(input));
  } catch (e) {
    return { ok: false, errors: [{ sheet: '', row: null, column: null, message: fill(M.unexpected, { detail: e instanceof Error ? e.message.slice(0, 120) : 'okänt fel' }) }] };
  }
}

function importUnsafe(bytes: Uint8Array): ImportLakardelResult {
  const read = readWorkbookGuarded(bytes, { maxBytes: LIMITS.workbookBytes, maxRows: 2000, maxEntryBytes: LIMITS.workbookEntryBytes });
  if (!read.ok) return read;
  const wb = read.wb;
  const sheet = findSheet(wb, L.sheet);
  if (!sheet) return { ok: false, errors: [{ sheet: L.sheet, row: null, column: null, message: L.notLakardel }] };
  const ws = wb.Sheets[sheet];
  const p = new Problems();
  const byLabel = labelKeys();
  const cells = new Map<LakardelInput, [number, CellValue]>();
  const rows = Math.min(sheetRowCount(ws), 200);
  for (let r = 0; r < rows; r++) {
    const key = readText(cellValue(ws, r, 3));
    const label = readText(cellValue(ws, r, 0));
    const k = key && (LAKARDEL_INPUTS as readonly string[]).includes(key) ? (key as LakardelInput) : label ? byLabel.get(normHeader(label)) : undefined;
    if (k && !cells.has(k)) cells.set(k, [r, cellValue(ws, r, 1)]);
  }
  const col = L.headers.value;
  const at = (k: LakardelInput): [string, number, string] => [sheet, (cells.get(k)?.[0] ?? 0) + 1, col];
  const get = (k: LakardelInput) => cells.get(k)?.[1];
  const number = (k: LakardelInput, rule: Parameters<typeof readNumber>[3]) => {
    if (!cells.has(k)) return undefined;
    const v = readNumber(get(k), p, at(k), rule);
    return typeof v === 'number' ? v : undefined;
  };

  const doctorId = readText(get('id')) || dataDoctorId(wb);
  if (!doctorId) p.error(sheet, null, null, L.noDoctorId);
  const values: LakardelValues = { doctorId: doctorId ?? '', duties: { supervision: 0, management: 0, research: 0, side: 0, meetings: 0, other: 0 } };
  const name = readText(get('name'));
  if (cells.has('name')) {
    if (!name) p.error(...at('name'), M.missingValue);
    else if (looksLikePersonnummer(name)) p.error(...at('name'), IO_STRINGS.listing.personnummerInCell);
    else values.name = name;
  }
  const cat = readText(get('category'));
  if (cells.has('category')) {
    const c = cat ? categoryFromText(cat) : null;
    if (!cat) p.error(...at('category'), M.missingValue);
    else if (!c) p.error(...at('category'), fill(M.unknownCategory, { value: cat.slice(0, 40) }));
    else values.category = c;
  }
  if (cells.has('employment')) {
    const e = readNumber(get('employment'), p, at('employment'), { min: 0, max: 1, share: true });
    if (e === undefined) p.error(...at('employment'), M.missingValue);
    else if (typeof e === 'number') values.employment = e;
  }
  values.stMonthsDone = number('stMonthsDone', { min: 0, max: 240 });
  values.stMonthsTotal = number('stMonthsTotal', { min: 0, max: 240 });
  for (const { kind } of DUTY_COLUMNS) values.duties[kind] = number(`duty:${kind}`, { min: 0, max: 168 }) ?? 0;
  values.absenceWeeks = number('absenceWeeks', { min: 0, max: 53 });
  values.listed = number('listed', { min: 0, whole: true });
  values.listPoints = number('listPoints', { min: 0 });
  values.careWeight = number('careWeight', { min: 0.01, max: 20 });
  if (cells.has('plannedEnd')) {
    const end = readDate(get('plannedEnd'), p, at('plannedEnd'));
    if (typeof end === 'string') values.plannedEnd = end;
  }
  if (p.errors.length > 0) return { ok: false, errors: p.errors };
  return { ok: true, values, warnings: p.warnings };
}

// ---------------------------------------------------------------- against the plan

/** A field the läkardel changes: its key and the values before and after (undefined = no value). */
export interface LakardelChange {
  field: 'name' | 'category' | 'employment' | 'stMonthsDone' | 'stMonthsTotal' | `duty.${DutyKind}` | 'absenceWeeks' | 'listed' | 'listPoints' | 'careWeight' | 'plannedEnd';
  before: number | string | undefined;
  after: number | string | undefined;
}

export interface LakardelDiff {
  doctorId: string;
  doctorName: string;
  changes: LakardelChange[];
  /** The patch of the doctor (duties as a whole list), empty when nothing changes. */
  patch: Partial<Doctor>;
}

const same = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);

/**
 * Duties with new totals per kind: a kind whose total is unchanged keeps its duties as they are
 * (labels, several of a kind); a changed kind with one duty keeps its label; with several, the first
 * takes the change; a new kind is added; a kind set to 0 is removed.
 */
export function dutiesWithTotals(duties: readonly Duty[], totals: Record<DutyKind, number>): Duty[] {
  const out: Duty[] = [];
  for (const { kind } of DUTY_COLUMNS) {
    const own = duties.filter((d) => d.kind === kind);
    const sum = own.reduce((s, d) => s + (Number.isFinite(d.hoursPerWeek) ? d.hoursPerWeek : 0), 0);
    const total = totals[kind] ?? 0;
    if (same(total, sum)) out.push(...own);
    else if (total <= 0) continue;
    else if (own.length === 0) out.push({ kind, hoursPerWeek: total });
    else {
      const rest = own.slice(1).reduce((s, d) => s + d.hoursPerWeek, 0);
      if (total >= rest) out.push({ ...own[0], hoursPerWeek: total - rest }, ...own.slice(1));
      else out.push({ ...own[0], hoursPerWeek: total });
    }
  }
  // Duties of kinds the workbook has no column for stay as they are.
  for (const d of duties) if (!DUTY_COLUMNS.some((c) => c.kind === d.kind)) out.push(d);
  return out;
}

/** The changes a läkardel brings to its doctor in `plan`, or null when the doctor is not there. */
export function diffLakardel(plan: Plan, values: LakardelValues): LakardelDiff | null {
  const d = plan.doctors.find((x) => x.id === values.doctorId);
  if (!d) return null;
  const changes: LakardelChange[] = [];
  const patch: Partial<Doctor> = {};
  const scalar = ['name', 'category', 'employment', 'stMonthsDone', 'stMonthsTotal', 'absenceWeeks', 'listed', 'listPoints', 'careWeight', 'plannedEnd'] as const;
  for (const f of scalar) {
    // A file without the row (hand-trimmed) says nothing about the field; a blank required field was refused.
    if ((f === 'name' || f === 'category' || f === 'employment') && values[f] === undefined) continue;
    const before = f === 'absenceWeeks' ? (d.absenceWeeks ?? 0) : d[f];
    const after = f === 'absenceWeeks' ? (values.absenceWeeks ?? 0) : values[f];
    if (!same(before, after)) {
      changes.push({ field: f, before, after });
      (patch as Record<string, unknown>)[f] = after;
    }
  }
  for (const { kind } of DUTY_COLUMNS) {
    const before = (d.duties ?? []).filter((x) => x.kind === kind).reduce((s, x) => s + x.hoursPerWeek, 0);
    const after = values.duties[kind] ?? 0;
    if (!same(before, after)) changes.push({ field: `duty.${kind}`, before, after });
  }
  if (changes.some((c) => c.field.startsWith('duty.'))) patch.duties = dutiesWithTotals(d.duties ?? [], values.duties);
  return { doctorId: d.id, doctorName: d.name, changes, patch };
}

/** The plan with every diff applied, validated as the app validates an edit (null when refused). */
export function planWithDiffs(plan: Plan, diffs: readonly LakardelDiff[]): { ok: true; plan: Plan } | { ok: false; errors: string[] } {
  const next: Plan = {
    ...plan,
    doctors: plan.doctors.map((d) => {
      const diff = diffs.find((x) => x.doctorId === d.id);
      if (!diff) return d;
      const out: Doctor = { ...d, ...diff.patch };
      for (const [k, v] of Object.entries(diff.patch)) if (v === undefined) delete (out as unknown as Record<string, unknown>)[k];
      return out;
    }),
  };
  const parsed = parsePlan(JSON.parse(JSON.stringify(next)));
  return parsed.ok ? { ok: true, plan: parsed.plan } : { ok: false, errors: parsed.errors.map(planErrorText) };
}
