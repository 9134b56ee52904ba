/**
 * The patient list for the allocation suggestion (domain.md §6): one row per patient without a
 * named doctor — pseudonymous key, priority group, age or age band (or birth year), care weight.
 * Read by the one grid reader (listing/grid.ts) with the patient-list limits, so a huge file or a
 * zip bomb is refused in the worker, never parsed on the page (issue 12.2), and the message names
 * what happened. Header words are compared through the one normaliser (engine/text.ts foldText).
 *
 * A key column holding personal identity numbers is refused (a pseudonym would be useless to the
 * staff who must act on the list, and the numbers must never be stored).
 */
import { ageBandOf, type AgeBand, type AllocationPriority } from '../engine/followup/index';
import { parseSwedishNumber } from '../engine/format';
import { columnHasPersonnummer, looksLikePersonnummer } from '../engine/personnummer';
import { foldText } from '../engine/text';
import { PATIENT_LIST_IO as P } from '../strings/followup.sv';
import { Deadline, limitMessage } from './limits';
import { readGrid, type GridCell } from './listing/grid';
import { maskedValue, type IoMessage } from './messages';
import type { ParseBudget } from './progress';
import { colLetter } from './workbook/layout';

export interface AllocationPatientRow {
  key: string;
  priority: AllocationPriority;
  ageBand: AgeBand;
  careWeight: number | null;
}

export type ParsePatientListResult =
  | { ok: true; rows: AllocationPatientRow[]; warnings: IoMessage[] }
  | { ok: false; errors: IoMessage[] };

export interface ParsePatientListOptions extends ParseBudget {
  /** The year ages are counted in from birth years (default this year). */
  year?: number;
  /** Zip parts already inflated by the worker's preflight (in-process only). */
  entries?: ReadonlyMap<string, Uint8Array> | null;
}

/** Errors listed before the reading stops. */
const MAX_ERRORS = 20;

/** Swedish/English words of a priority group cell. */
export function priorityOf(raw: string): AllocationPriority | null {
  const w = foldText(raw);
  if (!w) return 'other';
  if (/multi|multisjuk/.test(w)) return 'multimorbid';
  if (/sabo|sarskilt boende|nursing/.test(w)) return 'nursingHome';
  if (/hemsjuk|home ?care|hemsjukvard/.test(w)) return 'homeCare';
  if (/pall/.test(w)) return 'palliative';
  // "Annat kontinuerligt vårdbehov" is the app's own name of the group (seed 001); "kronisk" the older one.
  if (/kron|chron|kontinuerligt vardbehov/.test(w)) return 'chronic';
  if (/ovrig|other|ingen|nej/.test(w) || raw.trim() === '-') return 'other';
  return null;
}

function parseAgeBand(raw: string): AgeBand | null {
  const w = foldText(raw);
  if (!w) return 'unknown';
  if (/^\d{1,3}$/.test(w)) return ageBandOf(Number(w));
  if (/^0 17|^0 18|barn/.test(w)) return '0-17';
  if (/^18 64|vuxen/.test(w)) return '18-64';
  if (/^65|65\+|aldre/.test(w)) return '65+';
  if (/okand|unknown/.test(w)) return 'unknown';
  return null;
}

const text = (v: GridCell | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

function toBytes(input: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/**
 * Reads a list of patients without a named doctor: columns for the key (required), priority group,
 * age (years) or age band, birth year, and care weight (all optional). All-or-nothing; never throws.
 */
export function parsePatientList(input: ArrayBuffer | Uint8Array | string, options: ParsePatientListOptions = {}): ParsePatientListResult {
  try {
    return parseRows(toBytes(input), options);
  } catch {
    return { ok: false, errors: [{ sheet: P.sheetCsv, row: null, column: null, message: P.unreadable }] };
  }
}

function parseRows(bytes: Uint8Array, options: ParsePatientListOptions): ParsePatientListResult {
  const deadline = new Deadline('patientList', options.deadline);
  const read = readGrid(bytes, 'patientList', { entries: options.entries });
  if (!read.ok) return read;
  const { sheet, rows } = read.grid;
  // The header: the first of the top 20 rows with two or more cells (a title line above it is skipped), else the first non-blank row.
  const filled = (r: GridCell[] | undefined) => (Array.isArray(r) ? r.filter((v) => text(v) !== '').length : 0);
  let headerIdx = rows.slice(0, 20).findIndex((r) => filled(r) >= 2);
  if (headerIdx < 0) headerIdx = rows.findIndex((r) => filled(r) > 0);
  if (headerIdx < 0) return { ok: false, errors: [{ sheet, row: null, column: null, message: P.empty }] };
  const raw = Array.from(rows[headerIdx], (v) => text(v));
  const headers = raw.map(foldText);
  const find = (re: RegExp) => headers.findIndex((x) => re.test(x));
  const cKey = find(/patient|nyckel|pseudonym|^id$|lopnr|personnummer|pnr/);
  const cPrio = find(/prior|grupp|group/);
  const cAge = find(/^alder$|^age$|alder ar|age years|aldersgrupp|age band|alder/);
  const cBirth = find(/fodelsear|birth/);
  const cWeight = find(/vardtyngd|care weight|acg|vikt|weight/);
  const headerRow = headerIdx + 1;
  if (cKey < 0) return { ok: false, errors: [{ sheet, row: headerRow, column: null, message: P.missingKey }] };
  const col = (i: number) => raw[i] || colLetter(i);
  const keyValues: string[] = [];
  for (let r = headerIdx + 1; r < rows.length; r++) keyValues.push(text(rows[r]?.[cKey]));
  if (columnHasPersonnummer(keyValues, 0.01) || keyValues.some((k) => looksLikePersonnummer(k)))
    return { ok: false, errors: [{ sheet, row: null, column: col(cKey), message: P.personnummer }] };
  const errors: IoMessage[] = [];
  const out: AllocationPatientRow[] = [];
  const year = options.year ?? new Date().getFullYear();
  for (let r = headerIdx + 1; r < rows.length && errors.length < MAX_ERRORS; r++) {
    if ((r & 0x3fff) === 0 && deadline.passed()) return { ok: false, errors: [limitMessage.tooSlow('patientList', sheet, r + 1)] };
    const row = rows[r];
    if (!row || row.every((v) => text(v) === '')) continue;
    const cellAt = (c: number) => (c < 0 ? '' : text(row[c]));
    const key = cellAt(cKey);
    const rowNo = r + 1;
    if (!key) {
      errors.push({ sheet, row: rowNo, column: col(cKey), message: P.emptyKey });
      continue;
    }
    let priority: AllocationPriority | null = 'other';
    if (cPrio >= 0) {
      priority = priorityOf(cellAt(cPrio));
      if (priority === null) errors.push({ sheet, row: rowNo, column: col(cPrio), message: P.badPriority(maskedValue(cellAt(cPrio))) });
    }
    let band: AgeBand | null = 'unknown';
    if (cAge >= 0) {
      band = parseAgeBand(cellAt(cAge));
      if (band === null) errors.push({ sheet, row: rowNo, column: col(cAge), message: P.badAge(maskedValue(cellAt(cAge))) });
    } else if (cBirth >= 0 && cellAt(cBirth)) {
      const by = Number(cellAt(cBirth));
      band = Number.isInteger(by) && by > 1880 && by <= year ? ageBandOf(year - by) : null;
      if (band === null) errors.push({ sheet, row: rowNo, column: col(cBirth), message: P.badBirthYear(maskedValue(cellAt(cBirth))) });
    }
    let weight: number | null = null;
    if (cWeight >= 0 && cellAt(cWeight)) {
      const w = typeof row[cWeight] === 'number' ? (row[cWeight] as number) : parseSwedishNumber(cellAt(cWeight));
      if (w === null || !(w > 0 && w < 50)) errors.push({ sheet, row: rowNo, column: col(cWeight), message: P.badWeight(maskedValue(cellAt(cWeight))) });
      else weight = w;
    }
    if (priority && band) out.push({ key, priority, ageBand: band, careWeight: weight });
  }
  if (errors.length) return { ok: false, errors };
  if (!out.length) return { ok: false, errors: [{ sheet, row: null, column: null, message: P.empty }] };
  return { ok: true, rows: out, warnings: [] };
}
