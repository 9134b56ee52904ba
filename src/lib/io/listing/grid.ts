/**
 * Bytes of a user's table → a grid of cells, for every reader of tabular user files (listing
 * reports, patient lists, named-doctor files): xlsx/xls through SheetJS (guarded) or the fast
 * values-only xlsx scan, anything else as delimited text through the one toolkit (io/tabular:
 * UTF-8, Windows-1252 or UTF-16, delimiter `;`, `,` or tab). Limits are those of the kind of file.
 */
import type * as XLSX from 'xlsx';
import { IO_STRINGS } from '../../strings/io.sv';
import { FILE_LIMITS, ZIP_LIMITS, checkSize, limitMessage, type FileKind } from '../limits';
import type { IoMessage } from '../messages';
import { cellValue, checkZip, isSpreadsheet, readWorkbookGuarded, sheetColCount, sheetRowCount } from '../sheetread';
import { decodeText, detectDelimiter, readCsv, type Delimiter, type TextEncodingName } from '../tabular/index';
import { isZip } from '../sniff';
import { readXlsxFast } from './fastxlsx';
import type { GridCell } from './types';

export type { GridCell };

export interface Grid {
  format: 'xlsx' | 'csv';
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  sheets: string[];
  sheet: string;
  rows: GridCell[][];
}

export type GridResult = { ok: true; grid: Grid } | { ok: false; errors: IoMessage[] };

export interface ReadGridOptions {
  sheet?: string;
  /** Zip parts already inflated by the worker's preflight (skips inflating them again). */
  entries?: ReadonlyMap<string, Uint8Array> | null;
}

const M = IO_STRINGS.import;
const L = IO_STRINGS.listing;

function err(message: string, sheet = ''): { ok: false; errors: IoMessage[] } {
  return { ok: false, errors: [{ sheet, row: null, column: null, message }] };
}

export function readGrid(bytes: Uint8Array, kind: FileKind, options: ReadGridOptions = {}): GridResult {
  if (bytes.length === 0) return err(M.empty);
  const size = checkSize(kind, bytes.length);
  if (size) return { ok: false, errors: size };
  if (isSpreadsheet(bytes)) return readSpreadsheet(bytes, kind, options);
  return readText(bytes, kind);
}

function readSpreadsheet(bytes: Uint8Array, kind: FileKind, options: ReadGridOptions): GridResult {
  const { rows: maxRows } = FILE_LIMITS[kind];
  if (isZip(bytes)) {
    // Same size checks as the SheetJS path (zip bomb, entry sizes), then the fast values-only scan.
    const guard = checkZip(bytes, kind);
    if (guard) return guard;
    let fast: ReturnType<typeof readXlsxFast> = null;
    try {
      fast = readXlsxFast(options.entries ?? bytes, options.sheet, maxRows, ZIP_LIMITS.columns);
    } catch {
      fast = null; // SheetJS below reports what is wrong in Swedish
    }
    if (fast) {
      if (fast.declaredTooMany) return { ok: false, errors: [limitMessage.tooManyRows(kind, fast.declaredTooMany.sheet, fast.declaredTooMany.rows)] };
      if (fast.truncated) return { ok: false, errors: [limitMessage.tooManyRows(kind, fast.sheet)] };
      return { ok: true, grid: { format: 'xlsx', sheets: fast.sheets, sheet: fast.sheet, rows: fast.rows } };
    }
  }
  const read = readWorkbookGuarded(bytes, kind, { allowCfb: true });
  if (!read.ok) return read;
  const wb = read.wb;
  const has = (n: string) => sheetRowCount(wb.Sheets[n]) > 0;
  const sheet = options.sheet && wb.SheetNames.includes(options.sheet) ? options.sheet : wb.SheetNames.find(has) ?? wb.SheetNames[0];
  const ws: XLSX.WorkSheet = wb.Sheets[sheet];
  const nRows = sheetRowCount(ws);
  if (nRows > maxRows) return { ok: false, errors: [limitMessage.tooManyRows(kind, sheet)] };
  const nCols = sheetColCount(ws);
  if (nCols > ZIP_LIMITS.columns) return { ok: false, errors: [limitMessage.tooManyColumns(sheet, nCols)] };
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

function readText(bytes: Uint8Array, kind: FileKind): GridResult {
  const decoded = decodeText(bytes);
  if (!decoded) return err(M.notText);
  const { text, encoding } = decoded;
  const delimiter = detectDelimiter(text);
  const maxRows = FILE_LIMITS[kind].rows;
  const { rows, truncated, widest } = readCsv(text, { delimiter, maxRows, capacity: ZIP_LIMITS.columns + 1 });
  if (truncated) return { ok: false, errors: [limitMessage.tooManyRows(kind, L.sheetCsv)] };
  if (widest > ZIP_LIMITS.columns) return { ok: false, errors: [limitMessage.tooManyColumns(L.sheetCsv, widest)] };
  const grid: GridCell[][] = rows.map((r) => r.map((v) => (v.trim() === '' ? null : v)));
  return { ok: true, grid: { format: 'csv', encoding, delimiter, sheets: [L.sheetCsv], sheet: L.sheetCsv, rows: grid } };
}
