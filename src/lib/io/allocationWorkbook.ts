/**
 * Follow-up workbooks (domain.md §6): the allocation proposal for the listing staff, the snapshot
 * series export, and the reader of a patient list for the allocation (one row per patient without a
 * named doctor: pseudonymous key, priority group, age or age band, care weight).
 *
 * Only pseudonymous keys are written. A patient list whose key column holds personal identity
 * numbers is refused (a pseudonym would be useless to the staff who must act on the list, and the
 * numbers must never be stored): the user is asked to export pseudonymous keys instead.
 */
import * as XLSX from 'xlsx';
import { formatNumber } from '../engine/format';
import { looksLikePersonnummer, columnHasPersonnummer } from '../engine/personnummer';
import {
  ageBandOf,
  allocationReasonText,
  placementWhyText,
  type AgeBand,
  type AllocationPriority,
  type AllocationResult,
  type Cell,
} from '../engine/followup/index';
import { AGE_BAND_LABELS, ALLOCATION_WORKBOOK as W, PRIORITY_LABELS, PATIENT_LIST_IO as P } from '../strings/followup.sv';
import type { IoMessage } from './messages';

export interface SimpleSheet {
  name: string;
  rows: Cell[][];
  colWidths?: number[];
}

/** Text that starts like a formula is written as text (contracts.md: never a formula from user text). */
function cell(v: Cell): XLSX.CellObject | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { t: 'n', v } : { t: 's', v: formatNumber(v) };
  return { t: 's', v: String(v) };
}

/** A plain workbook of the given sheets (values only, no formulas). */
export function sheetsWorkbook(sheets: readonly SimpleSheet[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxC = 0;
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        const co = cell(v);
        if (co) ws[XLSX.utils.encode_cell({ r, c })] = co;
        if (c > maxC) maxC = c;
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, s.rows.length - 1), c: maxC } });
    if (s.colWidths) ws['!cols'] = s.colWidths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, s.name.slice(0, 31));
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

const weightText = (w: number | null) => (w === null ? W.unknownWeight : w);

/**
 * The allocation proposal as a workbook the listing staff can act on: sheet "Förslag" (one row per
 * doctor with the numbers and the reasons), the groups per doctor, "Patienter" (row-level imports:
 * one row per patient key with the proposed doctor and a done column), "Ej fördelade".
 */
export function allocationWorkbook(result: AllocationResult, options: { unitName: string; today: string }): Uint8Array {
  const h = W.headers;
  const summary: Cell[][] = [
    [W.title(options.unitName, options.today)],
    [W.explain],
    [],
    [h.doctor, h.id, h.free, h.assigned, h.slots, h.loadBefore, h.loadAfter, h.reasons],
  ];
  for (const d of result.doctors) {
    summary.push([
      d.name,
      d.doctorId,
      Math.round(d.freeBefore * 10) / 10,
      d.assigned,
      Math.round(d.slotsUsed * 10) / 10,
      d.loadBefore,
      d.loadAfter,
      d.reasons.map(allocationReasonText).join(' '),
    ]);
  }
  summary.push([]);
  summary.push([h.doctor, h.priority, h.ageBand, h.careWeight, h.count, h.why]);
  for (const d of result.doctors)
    for (const s of d.shares) summary.push([d.name, PRIORITY_LABELS[s.priority], AGE_BAND_LABELS[s.ageBand], weightText(s.careWeight), s.count, placementWhyText(s)]);

  const sheets: SimpleSheet[] = [{ name: W.summarySheet, rows: summary, colWidths: [24, 10, 14, 14, 12, 12, 12, 90] }];

  const hasKeys = result.doctors.some((d) => d.shares.some((s) => s.keys && s.keys.length));
  if (hasKeys) {
    const rows: Cell[][] = [[h.patientKey, h.doctor, h.id, h.priority, h.ageBand, h.careWeight, h.done]];
    for (const d of result.doctors)
      for (const s of d.shares)
        for (const k of s.keys ?? []) rows.push([k, d.name, d.doctorId, PRIORITY_LABELS[s.priority], AGE_BAND_LABELS[s.ageBand], weightText(s.careWeight), '']);
    sheets.push({ name: W.patientsSheet, rows, colWidths: [26, 24, 10, 22, 16, 10, 8] });
  }
  const un: Cell[][] = [[h.priority, h.ageBand, h.careWeight, h.count, h.cause, ...(hasKeys ? [h.patientKey] : [])]];
  for (const u of result.unassigned) {
    if (hasKeys && u.keys) {
      for (const k of u.keys) un.push([PRIORITY_LABELS[u.priority], AGE_BAND_LABELS[u.ageBand], weightText(u.careWeight), 1, W.causes[u.cause], k]);
    } else {
      un.push([PRIORITY_LABELS[u.priority], AGE_BAND_LABELS[u.ageBand], weightText(u.careWeight), u.count, W.causes[u.cause]]);
    }
  }
  sheets.push({ name: W.unassignedSheet, rows: un, colWidths: [22, 16, 10, 8, 60, 26] });
  return sheetsWorkbook(sheets);
}

// -- patient list for the allocation -----------------------------------------------------------

export interface AllocationPatientRow {
  key: string;
  priority: AllocationPriority;
  ageBand: AgeBand;
  careWeight: number | null;
}

export type ParsePatientListResult =
  | { ok: true; rows: AllocationPatientRow[]; warnings: IoMessage[] }
  | { ok: false; errors: IoMessage[] };

function norm(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** Swedish/English words of a priority group cell. */
export function priorityOf(raw: string): AllocationPriority | null {
  const w = norm(raw);
  if (!w) return 'other';
  if (/multi|multisjuk/.test(w)) return 'multimorbid';
  if (/sabo|sarskilt boende|nursing/.test(w)) return 'nursingHome';
  if (/hemsjuk|home ?care|hemsjukvard/.test(w)) return 'homeCare';
  if (/pall/.test(w)) return 'palliative';
  if (/kron|chron/.test(w)) return 'chronic';
  if (/ovrig|other|ingen|nej|^-$/.test(w)) return 'other';
  return null;
}

function parseAgeBand(raw: string): AgeBand | null {
  const w = norm(raw);
  if (!w) return 'unknown';
  if (/^\d{1,3}$/.test(w)) return ageBandOf(Number(w));
  if (/^0 17|^0 18|barn/.test(w)) return '0-17';
  if (/^18 64|vuxen/.test(w)) return '18-64';
  if (/^65|65\+|aldre/.test(w)) return '65+';
  if (/okand|unknown/.test(w)) return 'unknown';
  return null;
}

/** RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function splitCsv(text: string, delim: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delim) {
      row.push(field.trim());
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows;
}

function readRows(input: ArrayBuffer | Uint8Array | string): { sheet: string; rows: string[][] } {
  if (typeof input !== 'string') {
    const b = input instanceof Uint8Array ? input : new Uint8Array(input);
    if ((b[0] === 0x50 && b[1] === 0x4b) || (b[0] === 0xd0 && b[1] === 0xcf)) {
      const wb = XLSX.read(b, { type: 'array', dense: true });
      const sheet = wb.SheetNames[0];
      const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, raw: true, defval: '', blankrows: true });
      return { sheet, rows: rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))) };
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      text = new TextDecoder('windows-1252').decode(b);
    }
    input = text;
  }
  const text = input.replace(/^\ufeff/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => first.split(ch).length - 1;
  const delim = count('\t') > count(';') && count('\t') > count(',') ? '\t' : count(';') >= count(',') ? ';' : ',';
  const rows = splitCsv(text, delim);
  return { sheet: P.sheetCsv, rows };
}

/**
 * Reads a list of patients without a named doctor: columns for the key (required), priority group,
 * age (years) or age band, birth year, and care weight (all optional). All-or-nothing.
 */
export function parsePatientList(input: ArrayBuffer | Uint8Array | string, options: { year?: number } = {}): ParsePatientListResult {
  let sheet = P.sheetCsv;
  let rows: string[][];
  try {
    ({ sheet, rows } = readRows(input));
  } catch {
    return { ok: false, errors: [{ sheet, row: null, column: null, message: P.unreadable }] };
  }
  const headers = (rows[0] ?? []).map((x) => norm(x));
  const find = (re: RegExp) => headers.findIndex((x) => re.test(x));
  const cKey = find(/patient|nyckel|pseudonym|^id$|lopnr|personnummer|pnr/);
  const cPrio = find(/prior|grupp|group/);
  const cAge = find(/^alder$|^age$|alder ar|age years|aldersgrupp|age band|alder/);
  const cBirth = find(/fodelsear|birth/);
  const cWeight = find(/vardtyngd|care weight|acg|vikt|weight/);
  if (cKey < 0) return { ok: false, errors: [{ sheet, row: 1, column: null, message: P.missingKey }] };
  const keyValues = rows.slice(1).map((r) => r[cKey] ?? '');
  if (columnHasPersonnummer(keyValues, 0.01) || keyValues.some((k) => looksLikePersonnummer(k)))
    return { ok: false, errors: [{ sheet, row: null, column: rows[0][cKey] ?? null, message: P.personnummer }] };
  const errors: IoMessage[] = [];
  const out: AllocationPatientRow[] = [];
  const year = options.year ?? new Date().getFullYear();
  const col = (i: number) => rows[0][i] ?? XLSX.utils.encode_col(i);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.every((v) => !v.trim())) continue;
    const key = (row[cKey] ?? '').trim();
    if (!key) {
      errors.push({ sheet, row: r + 1, column: col(cKey), message: P.emptyKey });
      continue;
    }
    let priority: AllocationPriority | null = 'other';
    if (cPrio >= 0) {
      priority = priorityOf(row[cPrio] ?? '');
      if (priority === null) errors.push({ sheet, row: r + 1, column: col(cPrio), message: P.badPriority(row[cPrio]) });
    }
    let band: AgeBand | null = 'unknown';
    if (cAge >= 0) {
      band = parseAgeBand(row[cAge] ?? '');
      if (band === null) errors.push({ sheet, row: r + 1, column: col(cAge), message: P.badAge(row[cAge]) });
    } else if (cBirth >= 0 && (row[cBirth] ?? '').trim()) {
      const by = Number(row[cBirth]);
      band = Number.isInteger(by) && by > 1880 && by <= year ? ageBandOf(year - by) : null;
      if (band === null) errors.push({ sheet, row: r + 1, column: col(cBirth), message: P.badBirthYear(row[cBirth]) });
    }
    let weight: number | null = null;
    if (cWeight >= 0 && (row[cWeight] ?? '').trim()) {
      const w = Number(String(row[cWeight]).replace(/\s/g, '').replace(',', '.'));
      if (!(w > 0 && w < 50)) errors.push({ sheet, row: r + 1, column: col(cWeight), message: P.badWeight(row[cWeight]) });
      else weight = w;
    }
    if (priority && band) out.push({ key, priority, ageBand: band, careWeight: weight });
    if (errors.length >= 20) break;
  }
  if (errors.length) return { ok: false, errors };
  if (!out.length) return { ok: false, errors: [{ sheet, row: null, column: null, message: P.empty }] };
  return { ok: true, rows: out, warnings: [] };
}
