/**
 * Bytes of a listing report → a grid of cells. xlsx/xls through SheetJS (guarded), anything else
 * as CSV/text: UTF-8 (with or without BOM) or Windows-1252, delimiter `;`, `,` or tab.
 */
import type * as XLSX from 'xlsx';
import { IO_STRINGS, fill } from '../../strings/io.sv';
import { formatNumber } from '../../engine/format';
import { LIMITS, formatBytes } from '../limits';
import type { IoMessage } from '../messages';
import { cellValue, checkZip, readWorkbookGuarded, sheetColCount, sheetRowCount } from '../sheetread';
import { readXlsxFast } from './fastxlsx';
import { isZip } from '../zip';

export type GridCell = string | number | null;

export interface Grid {
  format: 'xlsx' | 'csv';
  encoding?: 'utf-8' | 'windows-1252';
  delimiter?: ';' | ',' | '\t';
  sheets: string[];
  sheet: string;
  rows: GridCell[][];
}

const M = IO_STRINGS.import;
const L = IO_STRINGS.listing;

function err(message: string, sheet = ''): { ok: false; errors: IoMessage[] } {
  return { ok: false, errors: [{ sheet, row: null, column: null, message }] };
}

function isCfb(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

export function readGrid(bytes: Uint8Array, sheetWanted?: string): { ok: true; grid: Grid } | { ok: false; errors: IoMessage[] } {
  if (bytes.length === 0) return err(M.empty);
  if (bytes.length > LIMITS.listingBytes) return err(fill(M.tooLarge, { size: formatBytes(bytes.length), max: formatBytes(LIMITS.listingBytes) }));
  if (isZip(bytes) || isCfb(bytes)) return readSpreadsheet(bytes, sheetWanted);
  return readCsv(bytes);
}

function readSpreadsheet(bytes: Uint8Array, sheetWanted?: string): { ok: true; grid: Grid } | { ok: false; errors: IoMessage[] } {
  if (isZip(bytes)) {
    // Same size checks as the SheetJS path (zip bomb, entry sizes), then the fast values-only scan.
    const guard = checkZip(bytes, LIMITS.listingBytes);
    if (guard) return guard;
    let fast: ReturnType<typeof readXlsxFast> = null;
    try {
      fast = readXlsxFast(bytes, sheetWanted, LIMITS.listingRows, LIMITS.columns);
    } catch {
      fast = null; // SheetJS below reports what is wrong in Swedish
    }
    if (fast) {
      if (fast.truncated) {
        return err(fill(M.tooManyRows, { rows: `fler än ${formatNumber(LIMITS.listingRows)}`, max: formatNumber(LIMITS.listingRows) }), fast.sheet);
      }
      return { ok: true, grid: { format: 'xlsx', sheets: fast.sheets, sheet: fast.sheet, rows: fast.rows } };
    }
  }
  const read = readWorkbookGuarded(bytes, { maxBytes: LIMITS.listingBytes, maxRows: LIMITS.listingRows, allowCfb: true });
  if (!read.ok) return read;
  const wb = read.wb;
  const has = (n: string) => sheetRowCount(wb.Sheets[n]) > 0;
  const sheet = sheetWanted && wb.SheetNames.includes(sheetWanted) ? sheetWanted : wb.SheetNames.find(has) ?? wb.SheetNames[0];
  const ws: XLSX.WorkSheet = wb.Sheets[sheet];
  const nRows = sheetRowCount(ws);
  if (nRows > LIMITS.listingRows) {
    return err(fill(M.tooManyRows, { rows: `fler än ${formatNumber(LIMITS.listingRows)}`, max: formatNumber(LIMITS.listingRows) }), sheet);
  }
  const nCols = sheetColCount(ws);
  if (nCols > LIMITS.columns) return err(fill(M.tooManyColumns, { cols: nCols, max: LIMITS.columns }), sheet);
  const rows: GridCell[][] = new Array(nRows);
  for (let r = 0; r < nRows; r++) {
    // Only the cells that exist (dense data): a sheet whose range is huge but nearly empty stays small.
    const data = (ws['!data'] as XLSX.CellObject[][] | undefined)?.[r];
    const row: GridCell[] = [];
    const width = data ? Math.min(data.length, nCols) : 0;
    for (let c = 0; c < width; c++) {
      if (!data![c]) continue;
      const v = cellValue(ws, r, c);
      row[c] = v === undefined ? null : typeof v === 'object' ? null : typeof v === 'boolean' ? String(v) : v;
    }
    rows[r] = row;
  }
  return { ok: true, grid: { format: 'xlsx', sheets: wb.SheetNames.slice(), sheet, rows } };
}

/** UTF-8 when it decodes cleanly (BOM or not), else Windows-1252 (Excel's "CSV" on Swedish Windows). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/** The delimiter that splits the first lines most consistently into more than one field. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const lines = text.split(/\r?\n/, 20).filter((l) => l.trim() !== '');
  let best: ';' | ',' | '\t' = ';';
  let bestScore = -1;
  for (const d of [';', '\t', ','] as const) {
    const counts = lines.map((l) => splitLine(l, d).length);
    if (counts.length === 0) continue;
    const min = Math.min(...counts);
    const same = counts.filter((c) => c === counts[0]).length;
    const score = min > 1 ? same * 100 + min : 0;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function splitLine(line: string, d: string): string[] {
  return parseCsv(line, d, 1).rows[0] ?? [];
}

/** RFC 4180-ish: quotes, doubled quotes, CRLF/LF, delimiters inside quotes. Stops after maxRows + 1 rows. */
export function parseCsv(text: string, d: string, maxRows: number): { rows: string[][]; truncated: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let quoted = false;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Fast path: copy up to the next quote.
      const q = text.indexOf('"', i);
      if (q < 0) {
        field += text.slice(i);
        i = n;
      } else {
        field += text.slice(i, q);
        i = q;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === d) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
      if (rows.length > maxRows) return { rows, truncated: true };
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Fast path: copy up to the next special character.
      let j = i + 1;
      while (j < n) {
        const c = text[j];
        if (c === d || c === '\n' || c === '\r' || c === '"') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, truncated: rows.length > maxRows };
}

function readCsv(bytes: Uint8Array): { ok: true; grid: Grid } | { ok: false; errors: IoMessage[] } {
  // Binary files (NUL bytes in the first kB) are not text.
  const head = bytes.subarray(0, 1024);
  if (head.includes(0)) return err(M.notWorkbook);
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const { rows, truncated } = parseCsv(text, delimiter, LIMITS.listingRows);
  if (truncated) return err(fill(M.tooManyRows, { rows: `fler än ${formatNumber(LIMITS.listingRows)}`, max: formatNumber(LIMITS.listingRows) }), L.sheetCsv);
  let maxCols = 0;
  for (const r of rows) if (r.length > maxCols) maxCols = r.length;
  if (maxCols > LIMITS.columns) return err(fill(M.tooManyColumns, { cols: maxCols, max: LIMITS.columns }), L.sheetCsv);
  const grid: GridCell[][] = rows.map((r) => r.map((v) => (v.trim() === '' ? null : v)));
  return { ok: true, grid: { format: 'csv', encoding, delimiter, sheets: [L.sheetCsv], sheet: L.sheetCsv, rows: grid } };
}
