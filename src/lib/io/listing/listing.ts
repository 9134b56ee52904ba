/**
 * Listing reports (contracts.md, importListing): one row per doctor with counts, or one row per
 * patient (pseudonymous key, doctor, age, sex, care weight). `previewListing` shows the columns
 * and a suggested mapping; `importListing` aggregates to the plan's doctors. Personal identity
 * numbers are detected per column and never read further, returned or stored.
 */
import { columnHasPersonnummer, containsPersonnummer, looksLikePersonnummer } from '../../engine/personnummer';
import { formatNumber, parseSwedishNumber } from '../../engine/format';
import { parsePlan } from '../../engine/parse';
import { foldText, nameKey, normalizeSpace } from '../../engine/text';
import type { Doctor, Plan } from '../../engine/types';
import { IO_STRINGS, fill } from '../../strings/io.sv';
import { Deadline, ZIP_LIMITS, limitMessage } from '../limits';
import { maskedValue, type IoMessage } from '../messages';
import { toBytes } from '../sheetread';
import { colLetter } from '../workbook/layout';
import { readGrid, type Grid, type GridCell } from './grid';
import type {
  ImportListingOptions, ImportListingResult, ListingColumn, ListingDoctor, ListingField, ListingKind, ListingMapping,
  ListingPreviewResult, PreviewListingOptions,
} from './types';

const L = IO_STRINGS.listing;
const M = IO_STRINGS.import;
const MASK = IO_STRINGS.ui.masked;

/** Header words people use in Swedish listing reports, per field (compared through foldText). */
const FIELD_WORDS_AS_WRITTEN: Record<ListingField, string[]> = {
  doctor: ['läkare', 'fast läkarkontakt', 'flk', 'ansvarig läkare', 'listad hos', 'listningsläkare', 'läkarnamn', 'doktor', 'vårdgivare', 'namn', 'doctor', 'läkare namn', 'fast läkare'],
  listed: ['listade', 'antal listade', 'antal', 'antal patienter', 'listed', 'listan', 'listans storlek', 'patienter'],
  listPoints: ['listningspoäng', 'poäng', 'listpoäng', 'list points', 'listpoints'],
  careWeight: ['vårdtyngd', 'acg', 'acg-vikt', 'acg vikt', 'vikt', 'casemix', 'care weight', 'vårdtyngdsvikt', 'vårdtyngdsindex'],
  patientKey: ['patientnyckel', 'pseudonym', 'patient-id', 'patientid', 'patient id', 'löpnummer', 'nyckel', 'patient', 'id', 'key'],
  age: ['ålder', 'age', 'ålder (år)'],
  birthYear: ['födelseår', 'född', 'född år', 'birth year'],
  sex: ['kön', 'sex', 'juridiskt kön', 'gender'],
};
const FIELD_WORDS = Object.fromEntries(
  Object.entries(FIELD_WORDS_AS_WRITTEN).map(([field, words]) => [field, words.map(foldText)]),
) as Record<ListingField, string[]>;

function text(c: GridCell): string {
  return c === null ? '' : typeof c === 'number' ? String(c) : c.trim();
}

function isBlankRow(row: GridCell[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === null || c === undefined) continue;
    if (typeof c === 'number' || c.trim() !== '') return false;
  }
  return true;
}

/** The header row: among the first 20 rows, the first with ≥ 2 text cells and no more numbers than texts. */
function findHeaderRow(rows: GridCell[][]): number {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const row = rows[r];
    if (isBlankRow(row)) continue;
    let texts = 0;
    let nums = 0;
    for (const c of row) {
      if (c === null || text(c) === '') continue;
      if (typeof c === 'number' || parseSwedishNumber(text(c)) !== null) nums++;
      else texts++;
    }
    if (texts >= 2 && nums <= texts) return r;
  }
  return -1;
}

/** FNV-1a of the folded header names (foldText): the key under which the state layer remembers a mapping. */
export function headerSignature(headers: string[]): string {
  const s = headers.map(foldText).join('\u001f');
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `h${headers.length}-${h.toString(16).padStart(8, '0')}`;
}

interface Analysed {
  grid: Grid;
  headerRow: number; // 0-based
  columns: ListingColumn[];
}

function analyse(bytes: Uint8Array, sheet: string | undefined, entries: ReadonlyMap<string, Uint8Array> | null | undefined): { ok: true; a: Analysed } | { ok: false; errors: IoMessage[] } {
  const read = readGrid(bytes, 'listing', { sheet, entries });
  if (!read.ok) return read;
  const grid = read.grid;
  const headerRow = findHeaderRow(grid.rows);
  if (headerRow < 0) return { ok: false, errors: [{ sheet: grid.sheet, row: null, column: null, message: L.noHeader }] };
  const header = grid.rows[headerRow];
  let width = header.length;
  for (let r = headerRow + 1; r < Math.min(grid.rows.length, headerRow + 200); r++) width = Math.max(width, grid.rows[r]?.length ?? 0);
  const columns: ListingColumn[] = [];
  for (let c = 0; c < width; c++) {
    // Personnummer check over up to 2 000 values spread through the file; a 20 % share is enough to drop the column.
    const values: GridCell[] = [];
    const n = grid.rows.length - headerRow - 1;
    const step = Math.max(1, Math.floor(n / 2000));
    for (let r = headerRow + 1; r < grid.rows.length && values.length < 2000; r += step) values.push(grid.rows[r]?.[c] ?? null);
    const h = text(header[c] ?? null);
    columns.push({ index: c, header: h || colLetter(c), personnummer: columnHasPersonnummer(values, 0.2) || looksLikePersonnummer(h) });
  }
  return { ok: true, a: { grid, headerRow, columns } };
}

function suggest(a: Analysed): ListingMapping {
  const columns: ListingMapping['columns'] = {};
  const used = new Set<number>();
  for (const field of Object.keys(FIELD_WORDS) as ListingField[]) {
    const words = FIELD_WORDS[field];
    // Exact header first, then a header that contains the word.
    let hit = a.columns.find((c) => !c.personnummer && !used.has(c.index) && words.includes(foldText(c.header)));
    hit ??= a.columns.find((c) => !c.personnummer && !used.has(c.index) && words.some((w) => w.length > 3 && foldText(c.header).includes(w)));
    if (hit) {
      columns[field] = hit.index;
      used.add(hit.index);
    }
  }
  const perPatient = columns.patientKey !== undefined || columns.age !== undefined || columns.birthYear !== undefined || columns.sex !== undefined || columns.listed === undefined;
  const kind: ListingKind = perPatient ? 'perPatient' : 'perDoctor';
  if (kind === 'perDoctor') {
    delete columns.patientKey;
    delete columns.age;
    delete columns.birthYear;
    delete columns.sex;
  } else delete columns.listed;
  return { kind, sheet: a.grid.format === 'xlsx' ? a.grid.sheet : undefined, headerRow: a.headerRow + 1, columns };
}

/** An unexpected exception: a Swedish message only (the exception's own words are English and technical). */
function fail(): { ok: false; errors: IoMessage[] } {
  return { ok: false, errors: [{ sheet: '', row: null, column: null, message: M.unexpected }] };
}

export function previewListing(input: ArrayBuffer | Uint8Array, options: PreviewListingOptions = {}): ListingPreviewResult {
  try {
    options.onProgress?.({ phase: 'parse', done: 0, total: 0 });
    const res = analyse(toBytes(input), options.sheet, options.entries);
    if (!res.ok) return res;
    const a = res.a;
    const n = Math.min(50, Math.max(1, options.sampleRows ?? 10));
    const sample: string[][] = [];
    for (let r = a.headerRow + 1; r < a.grid.rows.length && sample.length < n; r++) {
      const row = a.grid.rows[r];
      if (isBlankRow(row)) continue;
      // A personnummer column is masked whole; elsewhere every cell that holds one (under 20 % of its column).
      sample.push(a.columns.map((c) => (c.personnummer ? MASK : maskedValue(text(row[c.index] ?? null), 200))));
    }
    let rowCount = 0;
    for (let r = a.headerRow + 1; r < a.grid.rows.length; r++) if (!isBlankRow(a.grid.rows[r])) rowCount++;
    const warnings: IoMessage[] = a.columns
      .filter((c) => c.personnummer)
      .map((c) => ({ sheet: a.grid.sheet, row: a.headerRow + 1, column: c.header, message: fill(L.personnummerDropped, { column: c.header }) }));
    return {
      ok: true,
      format: a.grid.format,
      encoding: a.grid.encoding,
      delimiter: a.grid.delimiter,
      sheets: a.grid.sheets,
      sheet: a.grid.sheet,
      headerRow: a.headerRow + 1,
      columns: a.columns,
      sample,
      rowCount,
      signature: headerSignature(a.columns.map((c) => c.header)),
      suggested: suggest(a),
      warnings,
    };
  } catch {
    return fail();
  }
}

/** The one name key (engine/text.ts): case, diacritics, white space, "Dr" and "Efternamn, Förnamn" ignored. */
export { nameKey };

/**
 * Problems with the aggregated figures by the plan file's rules (engine parsePlan): each listing
 * doctor is tried as a doctor of an otherwise empty plan, so the bounds are the engine's, written once.
 */
function doctorFieldProblems(doctors: readonly ListingDoctor[]): { index: number; field: 'listed' | 'listPoints' | 'careWeight'; message: string }[] {
  const probe = {
    format: 'kapacitet/plan',
    version: 1,
    profile: 'national',
    model: 'guideline',
    unit: { name: 'x', listed: 0, careWeight: 1, withNamedDoctor: 0, targetCoverage: 1, priority: { multimorbid: 0, nursingHome: 0, homeCare: 0, palliative: 0, chronic: 0 } },
    doctors: doctors.map((d, i) => ({
      id: `p${i}`,
      name: 'x',
      category: 'specialist',
      employment: 1,
      duties: [],
      listed: d.listed,
      ...(d.listPoints !== null ? { listPoints: d.listPoints } : {}),
      ...(d.careWeight !== null ? { careWeight: d.careWeight } : {}),
    })),
  };
  const parsed = parsePlan(probe);
  if (parsed.ok) return [];
  const out: { index: number; field: 'listed' | 'listPoints' | 'careWeight'; message: string }[] = [];
  for (const e of parsed.errors) {
    const m = /^doctors\[(\d+)\]\.(listed|listPoints|careWeight)$/.exec(e.path);
    if (m) out.push({ index: Number(m[1]), field: m[2] as 'listed' | 'listPoints' | 'careWeight', message: e.message });
  }
  return out;
}

/** A fictive locum list "<unit> Dr <name>" (domain.md §1, seed 000); returns the locum's name. */
export function fictiveLocumName(name: string, unitName: string | undefined): string | null {
  const m = /^(.*?)\s+dr\.?\s+(.+)$/i.exec(name.trim());
  if (!m) return null;
  const prefix = nameKey(m[1]);
  if (unitName && nameKey(unitName) !== '' && !(prefix.startsWith(nameKey(unitName)) || nameKey(unitName).startsWith(prefix))) {
    // "<something> Dr <name>" where something is not the unit: still a fictive-list pattern when the prefix has words.
    if (prefix.split(' ').length < 2) return null;
  }
  return m[2].trim();
}

function parseSex(v: string): 'female' | 'male' | null {
  const s = foldText(v);
  if (['k', 'kvinna', 'f', 'female', 'w', 'woman', 'kv'].includes(s)) return 'female';
  if (['m', 'man', 'male', 'mn'].includes(s)) return 'male';
  return null;
}

function numberOf(c: GridCell): number | null {
  if (c === null) return null;
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  return parseSwedishNumber(c);
}

interface Acc {
  name: string;
  /** Spreadsheet row where the name first occurs (for messages about the doctor's totals). */
  firstRow: number;
  listed: number;
  points: number | null;
  cwSum: number;
  cwN: number;
  cwReported: number | null;
  ages: { '0-17': number; '18-64': number; '65+': number; unknown: number };
  sex: { female: number; male: number; unknown: number };
  /** Patients per whole year of age (per-patient listings; the age index, domain.md §9). */
  years?: number[];
}

/** The last whole year of age counted on its own (older ages count there). */
const OLDEST_YEAR = 110;

export function importListing(input: ArrayBuffer | Uint8Array, mapping?: ListingMapping, plan?: Plan, options: ImportListingOptions = {}): ImportListingResult {
  try {
    return importListingUnsafe(toBytes(input), mapping, plan, options);
  } catch {
    return fail();
  }
}

function importListingUnsafe(bytes: Uint8Array, mappingIn: ListingMapping | undefined, plan: Plan | undefined, options: ImportListingOptions): ImportListingResult {
  const progress = options.onProgress;
  progress?.({ phase: 'parse', done: 0, total: 0 });
  const res = analyse(bytes, mappingIn?.sheet, options.entries);
  if (!res.ok) return res;
  const deadline = new Deadline('listing', options.deadline);
  const a = res.a;
  const sheet = a.grid.sheet;
  const mapping = mappingIn ?? suggest(a);
  const headerRow = Math.max(0, (mappingIn ? mapping.headerRow : a.headerRow + 1) - 1);
  const errors: IoMessage[] = [];
  const warnings: IoMessage[] = [];
  const error = (row: number | null, column: string | null, message: string) => {
    if (errors.length < ZIP_LIMITS.maxErrors) errors.push({ sheet, row, column, message });
  };
  const warn = (row: number | null, column: string | null, message: string) => {
    if (warnings.length < ZIP_LIMITS.maxErrors) warnings.push({ sheet, row, column, message });
  };
  const width = a.columns.length;
  const pnr = new Set(a.columns.filter((c) => c.personnummer).map((c) => c.index));
  const droppedColumns = a.columns.filter((c) => c.personnummer).map((c) => ({ header: c.header, reason: 'personnummer' as const }));
  for (const c of droppedColumns) warn(headerRow + 1, c.header, fill(L.personnummerDropped, { column: c.header }));
  const cols: Partial<Record<ListingField, number>> = {};
  for (const [field, idx] of Object.entries(mapping.columns) as [ListingField, number | undefined][]) {
    if (idx === undefined || idx === null) continue;
    if (!Number.isInteger(idx) || idx < 0 || idx >= width) {
      error(null, null, fill(L.badColumn, { column: String(idx) }));
      continue;
    }
    if (pnr.has(idx)) continue; // never read a personnummer column, whatever the mapping says
    cols[field] = idx;
  }
  const kind = mapping.kind;
  if (cols.doctor === undefined) error(null, null, L.needDoctor);
  if (kind === 'perDoctor' && cols.listed === undefined) error(null, null, L.needListed);
  if (errors.length > 0) return { ok: false, errors };
  const header = (f: ListingField) => a.columns[cols[f]!].header;

  const acc = new Map<string, Acc>();
  // Name → its key, or null for a personnummer: a listing has tens of names in 100 000 rows.
  const keyOf = new Map<string, string | null>();
  const seenKeys = new Map<string, number>();
  const ageRef = Number((options.today ?? new Date().toISOString()).slice(0, 4));
  let total = 0;
  const rows = a.grid.rows;
  // Words of the sex column, read once per distinct spelling (a listing has a handful in 100 000 rows).
  const sexOf = new Map<string, 'female' | 'male' | null>();
  let row: GridCell[] = [];
  const cell = (f: ListingField): GridCell => (cols[f] === undefined ? null : row[cols[f]!] ?? null);
  for (let r = headerRow + 1; r < rows.length; r++) {
    if ((r & 0x3fff) === 0) {
      progress?.({ phase: 'aggregate', done: r, total: rows.length });
      if (deadline.passed()) return { ok: false, errors: [limitMessage.tooSlow('listing', sheet, r + 1)] };
    }
    if (isBlankRow(rows[r])) continue;
    row = rows[r];
    const rowNo = r + 1;
    const name = text(cell('doctor'));
    if (!name) {
      error(rowNo, header('doctor'), L.missingDoctor);
      continue;
    }
    let key = keyOf.get(name);
    if (key === undefined) {
      key = containsPersonnummer(name) ? null : nameKey(name);
      keyOf.set(name, key);
    }
    if (key === null) {
      error(rowNo, header('doctor'), L.personnummerInCell);
      continue;
    }
    let entry = acc.get(key);
    if (!entry) {
      // Line breaks and runs of spaces in a name become one space (LibreOffice shows a CR as _x000d_).
      entry = { name: normalizeSpace(name), firstRow: rowNo, listed: 0, points: null, cwSum: 0, cwN: 0, cwReported: null, ages: { '0-17': 0, '18-64': 0, '65+': 0, unknown: 0 }, sex: { female: 0, male: 0, unknown: 0 } };
      acc.set(key, entry);
    }
    if (cols.listPoints !== undefined && cell('listPoints') !== null) {
      const p = numberOf(cell('listPoints'));
      if (p === null || p < 0) error(rowNo, header('listPoints'), fill(M.notNumber, { value: maskedValue(text(cell('listPoints')), 30) }));
      else entry.points = (entry.points ?? 0) + p;
    }
    let weight: number | null = null;
    if (cols.careWeight !== undefined && cell('careWeight') !== null) {
      weight = numberOf(cell('careWeight'));
      if (weight === null || weight <= 0 || weight > 100) {
        error(rowNo, header('careWeight'), fill(M.notNumber, { value: maskedValue(text(cell('careWeight')), 30) }));
        weight = null;
      }
    }
    if (kind === 'perDoctor') {
      const n = numberOf(cell('listed'));
      if (n === null || n < 0 || Math.abs(n - Math.round(n)) > 1e-9) {
        const shown = maskedValue(text(cell('listed')), 30);
        error(rowNo, header('listed'), cell('listed') === null ? M.missingValue : n === null ? fill(M.notNumber, { value: shown }) : n < 0 ? fill(M.negative, { value: shown }) : fill(M.notWhole, { value: shown }));
        continue;
      }
      entry.listed += n;
      total += n;
      if (weight !== null) {
        entry.cwSum += weight * n;
        entry.cwN += n;
        entry.cwReported = weight;
      }
      continue;
    }
    // One row per patient.
    if (cols.patientKey !== undefined) {
      const k = text(cell('patientKey'));
      if (k) {
        const other = seenKeys.get(k);
        if (other !== undefined) {
          warn(rowNo, header('patientKey'), fill(L.duplicatePatient, { key: maskedValue(k, 30), other }));
          continue;
        }
        seenKeys.set(k, rowNo);
      }
    }
    let age: number | null = null;
    if (cols.age !== undefined && cell('age') !== null) {
      age = numberOf(cell('age'));
      if (age === null || age < 0 || age > 130) {
        error(rowNo, header('age'), fill(L.badAge, { value: maskedValue(text(cell('age')), 30) }));
        continue;
      }
    } else if (cols.birthYear !== undefined && cell('birthYear') !== null) {
      const y = numberOf(cell('birthYear'));
      if (y === null || y < 1880 || y > ageRef) {
        error(rowNo, header('birthYear'), fill(L.badAge, { value: maskedValue(text(cell('birthYear')), 30) }));
        continue;
      }
      age = ageRef - y;
    }
    if (age === null) entry.ages.unknown++;
    else if (age < 18) entry.ages['0-17']++;
    else if (age < 65) entry.ages['18-64']++;
    else entry.ages['65+']++;
    if (age !== null) {
      entry.years ??= new Array<number>(OLDEST_YEAR + 1).fill(0);
      entry.years[Math.min(OLDEST_YEAR, Math.floor(age))]++;
    }
    if (cols.sex !== undefined) {
      const s = text(cell('sex'));
      let sx = sexOf.get(s);
      if (sx === undefined) {
        sx = s ? parseSex(s) : null;
        sexOf.set(s, sx);
      }
      if (s && !sx) warn(rowNo, header('sex'), fill(L.badSex, { value: maskedValue(s, 20) }));
      entry.sex[sx ?? 'unknown']++;
    } else entry.sex.unknown++;
    if (weight !== null) {
      entry.cwSum += weight;
      entry.cwN++;
    }
    entry.listed++;
    total++;
  }
  progress?.({ phase: 'aggregate', done: rows.length, total: rows.length });
  if (errors.length > 0) return { ok: false, errors };
  if (acc.size === 0) return { ok: false, errors: [{ sheet, row: null, column: null, message: L.noRows }] };

  // Match to the plan's doctors.
  const byKey = new Map<string, Doctor>();
  for (const d of plan?.doctors ?? []) byKey.set(nameKey(String(d.name ?? '')), d);
  const unitName = typeof plan?.unit?.name === 'string' ? plan.unit.name : undefined;
  const doctors: ListingDoctor[] = [];
  const newDoctorNames: string[] = [];
  for (const e of acc.values()) {
    const careWeight = e.cwN > 0 ? Math.round((e.cwSum / e.cwN) * 1000) / 1000 : null;
    const base = {
      name: e.name,
      listed: e.listed,
      listPoints: e.points,
      careWeight,
      ageBands: kind === 'perPatient' ? e.ages : null,
      sex: kind === 'perPatient' ? e.sex : null,
      ageYears: kind === 'perPatient' ? (e.years ?? new Array<number>(OLDEST_YEAR + 1).fill(0)) : null,
    };
    const locum = fictiveLocumName(e.name, unitName);
    const direct = byKey.get(nameKey(e.name));
    if (direct && !locum) doctors.push({ ...base, match: { kind: 'doctor', doctorId: direct.id } });
    else if (locum) {
      const d = byKey.get(nameKey(locum)) ?? direct;
      doctors.push({ ...base, match: d ? { kind: 'fictive', locumName: locum, doctorId: d.id } : { kind: 'fictive', locumName: locum } });
    } else {
      doctors.push({ ...base, match: { kind: 'new' } });
      newDoctorNames.push(e.name);
    }
  }

  // The totals must be numbers a plan can hold (the plan file's own rules, e.g. at most 10 000 000 listed).
  const entries = [...acc.values()];
  for (const problem of doctorFieldProblems(doctors)) {
    const column = problem.field === 'listed' ? (cols.listed !== undefined ? header('listed') : header('doctor')) : header(problem.field);
    error(entries[problem.index].firstRow, column, `${entries[problem.index].name}: ${problem.message}`);
  }
  if (errors.length > 0) return { ok: false, errors };

  let nextPlan: Plan | undefined;
  if (plan) {
    nextPlan = structuredClone(plan);
    for (const ld of doctors) {
      const id = ld.match.kind === 'doctor' ? ld.match.doctorId : ld.match.kind === 'fictive' ? ld.match.doctorId : undefined;
      const d = id ? nextPlan.doctors.find((x) => x.id === id) : undefined;
      if (!d) continue;
      d.listed = ld.listed;
      if (ld.listPoints !== null) d.listPoints = ld.listPoints;
      if (ld.careWeight !== null) d.careWeight = ld.careWeight;
      // The engine never counts a fictive list as a named-doctor list (unit.ts isFictiveList).
      if (ld.match.kind === 'fictive') d.fictiveListName = ld.name;
    }
    const unitListed = typeof plan.unit?.listed === 'number' ? plan.unit.listed : null;
    if (unitListed !== null && unitListed > 0 && unitListed !== total) {
      warnings.push({ sheet, row: null, column: null, message: fill(L.unitListedDiffers, { sum: formatNumber(total), unit: formatNumber(unitListed) }) });
    }
  }
  return {
    ok: true,
    kind,
    doctors,
    totalListed: total,
    droppedColumns,
    ...(nextPlan ? { plan: nextPlan } : {}),
    newDoctorNames,
    warnings,
    signature: headerSignature(a.columns.map((c) => c.header)),
  };
}
