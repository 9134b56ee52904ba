/**
 * importWorkbook (contracts.md, Workbook I/O): reads our own exports (round trip = the same plan,
 * unknown fields kept through the hidden `Data` sheet) and what people make of them by hand:
 * reordered or renamed-case columns, decimal commas, "80 %", blank rows, extra sheets.
 * All-or-nothing: any error → `{ ok: false, errors }` and no plan. Never throws.
 */
import type * as XLSX from 'xlsx';
import { DEFAULT_TIME, TIME_KEYS, fmt, parsePlan, resolveProfile, resolveTime } from '../../engine/index';
import type { Doctor, DoctorCategory, Duty, DutyKind, RuleProfile, TimeAssumptions } from '../../engine/types';
import { looksLikePersonnummer } from '../../engine/personnummer';
import { normalizeSpace } from '../../engine/text';
import { DUTY_LABELS } from '../../strings/engine.sv';
import { IO_STRINGS, fill } from '../../strings/io.sv';
import { HANDMADE, UNIT_LABEL_ALIASES } from '../../strings/handmade.sv';
import { LIMITS } from '../limits';
import { maskedValue } from '../messages';
import { cellValue, findSheet, readWorkbookGuarded, sheetColCount, sheetRowCount, toBytes, type CellValue } from '../sheetread';
import { Problems, isRecord, readDate, readName, readNumber, readText } from './cells';
export { Problems, readDate, readNumber, readText } from './cells';
import { readKeyed, readUnitSheet, type UnitRead } from './importUnit';
import {
  ASSUMPTION_ROWS, DOCTOR_AGREEMENT, DOCTOR_INPUTS, DOCTOR_RESULTS, DUTY_COLUMNS, SHEET, categoryFromText, colLetter, dutyKindFromText, normHeader,
} from './layout';
import { locatePlanProblem, newAtTheirPlace, type PlanPlaces } from './locate';
import type { ImportWorkbookOptions, ImportWorkbookResult } from './types';


const M = IO_STRINGS.import;
const W = IO_STRINGS.workbook;

// ---------- Data sheet (the whole plan as JSON, for unknown fields) ----------

function readDataPlan(wb: XLSX.WorkBook, p: Problems): Record<string, unknown> | null {
  const name = findSheet(wb, SHEET.data);
  if (!name) return null;
  const ws = wb.Sheets[name];
  const rows = sheetRowCount(ws);
  let json = '';
  for (let r = 1; r < rows; r++) {
    const v = cellValue(ws, r, 0);
    if (typeof v === 'string') json += v;
  }
  if (json === '') return null;
  try {
    const parsed: unknown = JSON.parse(json);
    if (isRecord(parsed) && parsed.format === 'kapacitet/plan') return parsed;
  } catch {
    /* reported below */
  }
  p.warn(name, null, null, M.dataIgnored);
  return null;
}

// ---------- Läkare ----------

interface DoctorRow {
  row: number; // spreadsheet row
  /** Header as written, per doctor field (for messages). */
  headers: ReadonlyMap<string, string>;
  doctor: Doctor;
  dutyColumns: Partial<Record<DutyKind, number>>;
}

const HEADER_ALIASES: Record<string, string> = {
  'tjänstgöring': 'employment',
  'sysselsättningsgrad': 'employment',
  'tjänstgöringsgrad (%)': 'employment',
  'name': 'name',
  'namn på läkare': 'name',
  'läkare': 'name',
  'category': 'category',
  'employment': 'employment',
  'listed': 'listed',
  'antal listade': 'listed',
  'listpoints': 'listPoints',
  'vårdtyngd (lista)': 'careWeight',
  'careweight': 'careWeight',
};

function headerKey(text: string): string | undefined {
  const h = normHeader(text);
  for (const c of [...DOCTOR_INPUTS, ...DOCTOR_AGREEMENT]) if (normHeader(c.header) === h) return c.key;
  // Duty columns without the unit: "Handledning", "handledning tim/v"
  for (const d of DUTY_COLUMNS) {
    const base = normHeader(DUTY_LABELS[d.kind]);
    if (h === base || h === `${base} tim/v` || h === `${base} (tim/vecka)` || h === `${base} (timmar/vecka)`) return `duty:${d.kind}`;
  }
  return HEADER_ALIASES[h];
}

function readDoctors(wb: XLSX.WorkBook, sheetName: string, p: Problems): DoctorRow[] {
  const ws = wb.Sheets[sheetName];
  const rowCount = sheetRowCount(ws);
  if (rowCount > LIMITS.doctorRows) {
    p.error(sheetName, null, null, fill(M.sheetTooManyRows, { rows: fill(M.moreThan, { n: fmt.count(LIMITS.doctorRows) }), max: fmt.count(LIMITS.doctorRows) }));
    return [];
  }
  const cols = Math.min(sheetColCount(ws), LIMITS.columns);
  // Header row: the first of the top 20 rows with a name and a category column.
  let headerRow = -1;
  let map = new Map<string, number>();
  const headerText = new Map<number, string>();
  for (let r = 0; r < Math.min(rowCount, 20) && headerRow < 0; r++) {
    const m = new Map<string, number>();
    for (let c = 0; c < cols; c++) {
      const t = readText(cellValue(ws, r, c));
      const k = t ? headerKey(t) : undefined;
      if (k && !m.has(k)) m.set(k, c);
    }
    if (m.has('name') && m.has('category')) {
      headerRow = r;
      map = m;
      for (let c = 0; c < cols; c++) headerText.set(c, readText(cellValue(ws, r, c)) ?? colLetter(c));
    }
  }
  if (headerRow < 0) {
    p.error(sheetName, null, null, M.noHeader);
    return [];
  }
  if (!map.has('employment')) p.error(sheetName, headerRow + 1, 'Tjänstgöringsgrad', fill(M.missingColumn, { column: 'Tjänstgöringsgrad' }));
  const headers = new Map([...map].map(([key, c]) => [key, headerText.get(c) ?? colLetter(c)]));
  // A column the importer does not know is read by no one: say so at its header cell, never drop it silently.
  // The computed columns of our own export are known (they are recalculated, not read).
  const computed = new Set(DOCTOR_RESULTS.map((c) => normHeader(c.header)));
  for (let c = 0; c < cols; c++) {
    const t = readText(cellValue(ws, headerRow, c));
    if (t && !headerKey(t) && !computed.has(normHeader(t))) p.warn(sheetName, headerRow + 1, colLetter(c), HANDMADE.unknownColumn(maskedValue(t, 60)));
  }

  const out: DoctorRow[] = [];
  const seenIds = new Map<string, number>();
  for (let r = headerRow + 1; r < rowCount; r++) {
    const get = (key: string): CellValue => (map.has(key) ? cellValue(ws, r, map.get(key)!) : undefined);
    const colName = (key: string) => headerText.get(map.get(key)!) ?? key;
    const where = (key: string): [string, number, string] => [sheetName, r + 1, colName(key)];
    // Blank row: every input cell empty.
    const anyInput = [...map.keys()].some((k) => get(k) !== undefined);
    if (!anyInput) continue;
    const name = readName(get('name'));
    if (!name) p.error(...where('name'), M.missingName);
    // Personal identity numbers are never stored (brief: data is sensitive), not even as a name or id.
    for (const key of ['name', 'id'] as const) {
      if (looksLikePersonnummer(readText(get(key)) ?? '')) p.error(...where(key), M.personnummer.replace('Kolumnen ser ut att innehålla', 'Cellen ser ut att innehålla'));
    }
    const catText = readText(get('category'));
    let category: DoctorCategory | null = null;
    if (!catText) p.error(...where('category'), M.missingValue);
    else {
      category = categoryFromText(catText);
      if (!category) p.error(...where('category'), fill(M.unknownCategory, { value: maskedValue(catText, 40) }));
    }
    const employment = readNumber(get('employment'), p, where('employment'), { min: 0, max: 1, share: true });
    if (employment === undefined && map.has('employment')) p.error(...where('employment'), M.missingValue);
    let id = readText(get('id'));
    if (!id) {
      let n = out.length + 1;
      while (seenIds.has(`d${n}`)) n++;
      id = `d${n}`;
    }
    if (seenIds.has(id)) p.error(...where('id'), fill(M.duplicateId, { id: maskedValue(id, 40), other: seenIds.get(id)! }));
    seenIds.set(id, r + 1);

    const doctor: Doctor = { id, name: name ?? '', category: category ?? 'specialist', employment: employment ?? 0, duties: [] };
    const setNum = (key: keyof Doctor & string, rule: Parameters<typeof readNumber>[3]) => {
      const v = readNumber(get(key), p, where(key), rule);
      if (typeof v === 'number') (doctor as unknown as Record<string, unknown>)[key] = v;
    };
    setNum('stMonthsDone', { min: 0, max: 240 });
    setNum('stMonthsTotal', { min: 0, max: 240 });
    setNum('absenceWeeks', { min: 0, max: 53 });
    setNum('listed', { min: 0, whole: true });
    setNum('listPoints', { min: 0 });
    setNum('careWeight', { min: 0.01, max: 20 });
    const end = readDate(get('plannedEnd'), p, where('plannedEnd'));
    if (typeof end === 'string') doctor.plannedEnd = end;
    // The agreement (domain.md §8): optional columns.
    setNum('agreedListSize', { min: 0, whole: true });
    for (const k of ['agreedOn', 'agreedUntil'] as const) {
      const v = readDate(get(k), p, where(k));
      if (typeof v === 'string') doctor[k] = v;
    }
    const note = readText(get('agreementNote'));
    if (note) doctor.agreementNote = note;
    const dutyColumns: Partial<Record<DutyKind, number>> = {};
    for (const d of DUTY_COLUMNS) {
      const v = readNumber(get(`duty:${d.kind}`), p, where(`duty:${d.kind}`), { min: 0, max: 168 });
      if (typeof v === 'number') dutyColumns[d.kind] = v;
    }
    out.push({ row: r + 1, headers, doctor, dutyColumns });
  }
  return out;
}

/** Duty rows of the `Uppdrag` sheet by doctor id (labels and several duties of one kind). */
function readDutySheet(wb: XLSX.WorkBook, p: Problems, ids: Set<string>): Map<string, Duty[]> {
  const out = new Map<string, Duty[]>();
  const name = findSheet(wb, SHEET.duties);
  if (!name) return out;
  const ws = wb.Sheets[name];
  const rows = sheetRowCount(ws);
  if (rows > LIMITS.workbookSheetRows) {
    p.error(name, null, null, fill(M.sheetTooManyRows, { rows: fill(M.moreThan, { n: fmt.count(LIMITS.workbookSheetRows) }), max: fmt.count(LIMITS.workbookSheetRows) }));
    return out;
  }
  const H = W.dutyHeaders;
  for (let r = 1; r < rows; r++) {
    const id = readText(cellValue(ws, r, 0));
    const kindText = readText(cellValue(ws, r, 2));
    const hoursV = cellValue(ws, r, 3);
    if (!id && !kindText && hoursV === undefined) continue;
    if (!id || !ids.has(id)) {
      p.error(name, r + 1, H.id, fill(M.unknownDutyDoctor, { id: maskedValue(id ?? '', 40) }));
      continue;
    }
    const kind = kindText ? dutyKindFromText(kindText) : null;
    if (!kind) {
      p.error(name, r + 1, H.kind, fill(M.unknownDutyKind, { value: maskedValue(kindText ?? '', 40) }));
      continue;
    }
    const hours = readNumber(hoursV, p, [name, r + 1, H.hours], { min: 0, max: 168 });
    if (hours === null) continue;
    const label = readName(cellValue(ws, r, 4));
    const duty: Duty = { kind, hoursPerWeek: hours ?? 0 };
    if (label) duty.label = label;
    const list = out.get(id) ?? [];
    list.push(duty);
    out.set(id, list);
  }
  return out;
}

/** Column totals win over the `Uppdrag` rows when a person changed the column (a warning says so). */
function combineDuties(row: DoctorRow, fromSheet: Duty[] | undefined, p: Problems, sheetName: string): Duty[] {
  const duties: Duty[] = [];
  for (const { kind, header } of DUTY_COLUMNS) {
    const column = row.dutyColumns[kind];
    const listed = (fromSheet ?? []).filter((d) => d.kind === kind);
    const sum = listed.reduce((s, d) => s + d.hoursPerWeek, 0);
    if (column === undefined && listed.length === 0) continue;
    if (listed.length > 0 && (column === undefined || Math.abs(column - sum) < 1e-9)) {
      duties.push(...listed);
      continue;
    }
    if (column === undefined || (column === 0 && listed.length === 0)) continue;
    if (listed.length > 0) {
      p.warn(sheetName, row.row, header, fill(M.dutyMismatch, { sum: String(sum).replace('.', ','), column: String(column).replace('.', ',') }));
    }
    const duty: Duty = { kind, hoursPerWeek: column };
    if (listed.length === 1 && listed[0].label) duty.label = listed[0].label;
    duties.push(duty);
  }
  return duties;
}

// ---------- unknown fields from Data ----------

function sameKnown(a: Duty, b: unknown): boolean {
  const label = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? normalizeSpace(x) : undefined);
  return isRecord(b) && a.kind === b.kind && a.hoursPerWeek === b.hoursPerWeek && label(a.label) === label(b.label);
}

/** Copies fields we do not show in the sheets (unknown to the workbook) from the Data plan. */
function keepUnknown<T extends Record<string, unknown>>(target: T, source: unknown, known: readonly string[]): T {
  if (!isRecord(source)) return target;
  const out: Record<string, unknown> = { ...target };
  for (const [k, v] of Object.entries(source)) {
    if (!known.includes(k) && !(k in out) && k !== '__proto__') out[k] = v;
  }
  return out as T;
}

const DOCTOR_KNOWN = [
  'id', 'name', 'category', 'employment', 'stMonthsDone', 'stMonthsTotal', 'duties', 'absenceWeeks', 'listed', 'listPoints', 'careWeight', 'plannedEnd',
  'agreedListSize', 'agreedOn', 'agreedUntil', 'agreementNote',
];
const UNIT_KNOWN = ['name', 'listed', 'careWeight', 'withNamedDoctor', 'withNamedDoctorNursingHome', 'targetCoverage', 'priority'];
const PLAN_KNOWN = ['format', 'version', 'profile', 'model', 'unit', 'time', 'doctors'];

// ---------- main ----------

export function importWorkbook(input: ArrayBuffer | Uint8Array, options: ImportWorkbookOptions = {}): ImportWorkbookResult {
  try {
    return importWorkbookUnsafe(toBytes(input), options);
  } catch (e) {
    // Defence in depth: the promise is "never throws on any bytes".
    return { ok: false, errors: [{ sheet: '', row: null, column: null, message: fill(M.unexpected, { detail: e instanceof Error ? e.message.slice(0, 120) : 'okänt fel' }) }] };
  }
}

function importWorkbookUnsafe(bytes: Uint8Array, options: ImportWorkbookOptions): ImportWorkbookResult {
  const progress = options.onProgress;
  progress?.({ phase: 'unzip', done: 0, total: 4 });
  const read = readWorkbookGuarded(bytes, 'workbook', { allowCfb: true });
  if (!read.ok) return read;
  const wb = read.wb;
  progress?.({ phase: 'parse', done: 1, total: 4 });
  const p = new Problems();
  const unitName = findSheet(wb, SHEET.unit);
  const doctorsName = findSheet(wb, SHEET.doctors) ?? findSheet(wb, 'Lakare');
  if (!doctorsName) {
    if (!unitName) p.error(SHEET.unit, null, null, fill(M.missingSheet, { sheet: SHEET.unit }));
    p.error(SHEET.doctors, null, null, fill(M.missingSheet, { sheet: SHEET.doctors }));
    return { ok: false, errors: p.errors };
  }
  const basePlan = options.base;

  const data = readDataPlan(wb, p);
  const dataUnit = isRecord(data?.unit) ? data.unit : undefined;
  const dataDoctors = Array.isArray(data?.doctors) ? (data.doctors as unknown[]) : [];

  // Enhet. A workbook of doctors only (a Läkare sheet made by hand) keeps the plan's unit as it is.
  let u: UnitRead;
  if (unitName) u = readUnitSheet(wb.Sheets[unitName], unitName, p, data, UNIT_LABEL_ALIASES);
  else {
    p.warn(SHEET.unit, null, null, basePlan ? HANDMADE.noUnitSheet : HANDMADE.noUnitSheetNoPlan);
    const bu = basePlan?.unit;
    u = {
      name: bu?.name ?? '',
      listed: bu?.listed ?? 0,
      careWeight: bu?.careWeight,
      withNamedDoctor: bu?.withNamedDoctor,
      withNamedDoctorNursingHome: bu?.withNamedDoctorNursingHome,
      targetCoverage: bu?.targetCoverage,
      priority: { ...(bu?.priority ?? {}) } as Record<string, number>,
      model: basePlan?.model ?? 'guideline',
      profileRef: basePlan?.profile ?? 'national',
      rows: new Map(),
    };
  }
  const { name, listed, careWeight, withNamedDoctor, withNamedDoctorNursingHome, targetCoverage, priority, model } = u;
  const profileRef = u.profileRef;

  // Antaganden: time assumptions and profile values
  progress?.({ phase: 'parse', done: 2, total: 4 });
  const aName = findSheet(wb, SHEET.assumptions);
  const dataTime = resolveTime({ time: isRecord(data?.time) ? (data.time as Partial<TimeAssumptions>) : undefined });
  // Without Antaganden (a hand-made workbook): the file's own Data, else the plan's assumptions.
  const baseTime = !aName && !isRecord(data?.time) && basePlan?.time ? basePlan.time : undefined;
  if (!aName && basePlan && unitName) p.warn(SHEET.assumptions, null, null, HANDMADE.noAssumptionsSheet);
  const time: Partial<TimeAssumptions> = isRecord(data?.time) ? { ...(data.time as Partial<TimeAssumptions>) } : { ...(baseTime ?? {}) };
  let profile: string | RuleProfile = profileRef;
  const assumptionRows = new Map<string, number>();
  if (aName) {
    const aws = wb.Sheets[aName];
    const cells = readKeyed(aws, aName, W.assumptionLabels, p);
    for (const [k, hit] of cells) assumptionRows.set(k, hit.row + 1);
    const aNum = (k: keyof typeof ASSUMPTION_ROWS, rule: Parameters<typeof readNumber>[3]) => {
      const hit = cells.get(k);
      if (!hit) return undefined;
      const n = readNumber(hit.value, p, [aName, hit.row + 1, W.headers.value], rule);
      return typeof n === 'number' ? n : undefined;
    };
    const shareKeys = new Set(['indirectShare', 'plannedShare', 'ownPatientShare']);
    for (const k of TIME_KEYS) {
      const v = aNum(k, shareKeys.has(k) ? { min: 0, max: 1, share: true } : { min: 0, max: k === 'weeksPerYear' ? 53 : k === 'fullTimeHours' ? 80 : 1000 });
      if (v === undefined) continue;
      // Unchanged → keep the file's own form (absent stays absent); changed → explicit.
      const fromData = data ? dataTime[k] : DEFAULT_TIME[k];
      if (v !== fromData) time[k] = v;
    }
    const base = resolveProfile(profileRef);
    const spec = aNum('guideline.specialist', { min: 0, max: 10000 });
    const stMid = aNum('guideline.stMid', { min: 0, max: 10000 });
    const ramp = aNum('stRamp.enabled', { min: 0, max: 1, whole: true });
    const start = aNum('stRamp.startFactor', { min: 0, max: 5 });
    const endF = aNum('stRamp.endFactor', { min: 0, max: 5 });
    const changed =
      (spec !== undefined && spec !== base.guideline.specialist) ||
      (stMid !== undefined && stMid !== base.guideline.stMid) ||
      (ramp !== undefined && (ramp === 1) !== base.stRamp.enabled) ||
      (start !== undefined && start !== base.stRamp.startFactor) ||
      (endF !== undefined && endF !== base.stRamp.endFactor);
    if (changed) {
      profile = {
        ...base,
        id: 'custom',
        name: typeof profileRef === 'string' ? `${base.name} (ändrad i Excel)` : base.name,
        guideline: { specialist: spec ?? base.guideline.specialist, stMid: stMid ?? base.guideline.stMid },
        stRamp: { enabled: ramp === undefined ? base.stRamp.enabled : ramp === 1, startFactor: start ?? base.stRamp.startFactor, endFactor: endF ?? base.stRamp.endFactor },
      };
    }
  }

  // Läkare + Uppdrag
  progress?.({ phase: 'parse', done: 3, total: 4 });
  const rows = readDoctors(wb, doctorsName, p);
  const dutySheet = readDutySheet(wb, p, new Set(rows.map((r) => r.doctor.id)));
  const doctors: Doctor[] = rows.map((row) => {
    let duties = combineDuties(row, dutySheet.get(row.doctor.id), p, doctorsName);
    const src = dataDoctors.find((d) => isRecord(d) && d.id === row.doctor.id);
    if (isRecord(src) && Array.isArray(src.duties) && src.duties.length === duties.length) {
      // Same duties in another order, or with fields only the Data sheet knows: take the original objects.
      const pool = [...duties];
      const matched = (src.duties as unknown[]).every((d) => {
        const i = pool.findIndex((x) => sameKnown(x, d));
        if (i < 0) return false;
        pool.splice(i, 1);
        return true;
      });
      if (matched) duties = src.duties as Duty[];
    }
    // Cells are read trimmed; text the file's own Data sheet has with surrounding spaces is kept as it was.
    const doctor = { ...row.doctor, duties };
    if (isRecord(src) && typeof src.name === 'string' && normalizeSpace(src.name) === doctor.name) doctor.name = src.name;
    return keepUnknown(doctor, src, DOCTOR_KNOWN);
  });
  const fromSheet = {
      name: typeof dataUnit?.name === 'string' && normalizeSpace(dataUnit.name) === name ? dataUnit.name : (name ?? ''),
      listed: listed ?? 0,
      careWeight: careWeight ?? 1,
      withNamedDoctor: withNamedDoctor ?? 0,
      ...(withNamedDoctorNursingHome !== undefined ? { withNamedDoctorNursingHome } : {}),
      targetCoverage: targetCoverage ?? 1,
      priority: keepUnknown(
        { multimorbid: 0, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0, ...priority },
        dataUnit?.priority,
        ['multimorbid', 'nursingHome', 'homeCare', 'palliative', 'chronic'],
      ),
    };
  // No Enhet sheet: the plan's unit, every field of it, unchanged.
  const unit = !unitName && basePlan ? structuredClone(basePlan.unit) : keepUnknown(fromSheet, dataUnit, UNIT_KNOWN);
  const plan = keepUnknown(
    {
      format: 'kapacitet/plan',
      version: 1,
      profile,
      model,
      unit,
      ...(Object.keys(time).length > 0 || isRecord(data?.time) ? { time } : {}),
      doctors,
    },
    data,
    PLAN_KNOWN,
  );
  // The engine's checks run even when cells were refused, so a file's problems come in one list
  // (issue 12.7: not one after another as each is fixed); the cell's own message wins at its place.
  const parsed = parsePlan(plan);
  progress?.({ phase: 'parse', done: 4, total: 4 });
  const places: PlanPlaces = {
    doctorsSheet: doctorsName,
    unitSheet: unitName ?? SHEET.unit,
    assumptionsSheet: aName,
    doctorRows: rows.map((r) => r.row),
    doctorHeader: (key) => rows[0]?.headers.get(key),
    unitRows: u.rows,
    assumptionRows: assumptionRows,
  };
  if (!parsed.ok || p.errors.length > 0) {
    const engineErrors = parsed.ok ? [] : parsed.errors.map((e) => locatePlanProblem(e.path, e.message, places, false));
    return { ok: false, errors: [...p.errors, ...newAtTheirPlace(engineErrors, p.errors)] };
  }
  const warnings = [...p.warnings, ...parsed.warnings.map((e) => locatePlanProblem(e.path, e.message, places, true))];
  return { ok: true, plan: parsed.plan, warnings };
}
