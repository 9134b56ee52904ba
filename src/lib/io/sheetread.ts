/**
 * Guarded reading of an xlsx/xls/ods file with SheetJS, and small cell helpers shared by the
 * workbook and listing importers. Nothing here throws: failures come back as Swedish messages.
 */
import * as XLSX from 'xlsx';
import { foldText } from '../engine/text';
import { IO_STRINGS, fill } from '../strings/io.sv';
import { ZIP_LIMITS, checkSize, formatBytes, limitMessage, limitsOf, type FileLimits, type LimitsRef } from './limits';
import type { IoMessage } from './messages';
import { isCfb, isSpreadsheet, isZip } from './sniff';
import { scanZip } from './zip';

const M = IO_STRINGS.import;

export type GuardedRead = { ok: true; wb: XLSX.WorkBook } | { ok: false; errors: IoMessage[] };

function fileError(message: string): { ok: false; errors: IoMessage[] } {
  return { ok: false, errors: [{ sheet: '', row: null, column: null, message }] };
}

export { isCfb, isSpreadsheet };

export function toBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** Size checks of a zip from its central directory (no inflation), with the limits of `kind`; null when it may be read. */
export function checkZip(bytes: Uint8Array, kind: LimitsRef): { ok: false; errors: IoMessage[] } | null {
  const size = checkSize(kind, bytes.length);
  if (size) return { ok: false, errors: size };
  const scan = scanZip(bytes);
  if (!scan.ok) return fileError(fill(M.corrupt, { detail: 'zip' }));
  if (scan.entries.length > ZIP_LIMITS.zipEntries) {
    return fileError(fill(M.tooManyEntries, { count: scan.entries.length, max: ZIP_LIMITS.zipEntries }));
  }
  let total = 0;
  const maxEntry = limitsOf(kind).entryBytes;
  for (const e of scan.entries) {
    if (e.uncompressedSize > maxEntry) {
      return fileError(fill(M.zipEntryTooLarge, { name: e.name, size: formatBytes(e.uncompressedSize), max: formatBytes(maxEntry) }));
    }
    // Deflate never makes data much larger: a declared size far below the compressed one is a lie.
    if (e.method === 8 && e.uncompressedSize + 1024 < e.compressedSize * 0.99) return fileError(fill(M.corrupt, { detail: e.name }));
    total += e.uncompressedSize;
    // A compression ratio beyond 1:1000 does not occur in real spreadsheets (deflate tops out near 1:1030).
    if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > 1000 && e.uncompressedSize > 10 * 1024 * 1024) {
      return fileError(fill(M.zipTooLarge, { max: formatBytes(ZIP_LIMITS.unzippedBytes) }));
    }
  }
  if (total > ZIP_LIMITS.unzippedBytes) return fileError(fill(M.zipTooLarge, { max: formatBytes(ZIP_LIMITS.unzippedBytes) }));
  return null;
}

/** Rows a sheet declares (its `<dimension>`, kept by SheetJS as `!fullref` when it cut the sheet), or what it holds. */
export function declaredRowCount(ws: XLSX.WorkSheet): number {
  const ref = (ws['!fullref'] as string | undefined) ?? ws['!ref'];
  return ref ? XLSX.utils.decode_range(ref).e.r + 1 : 0;
}

/**
 * Size checks, then SheetJS with a row cap (`sheetRows`), then the row limit on what every sheet
 * declares: the same refusal as the worker's preflight, which reads the declared dimension before
 * unzipping the rest (a sheet claiming A1:XFD1048576 is refused in the app and from Node alike).
 */
/** The earlier form of the limits argument (kept for readers written against it). */
export interface GuardLimits {
  maxBytes: number;
  maxRows: number;
  maxEntryBytes?: number;
  allowCfb?: boolean;
}

export function readWorkbookGuarded(bytes: Uint8Array, limits: LimitsRef | GuardLimits, options: { allowCfb?: boolean } = {}): GuardedRead {
  const legacy = typeof limits === 'object' && 'maxBytes' in limits;
  const kind: FileLimits | LimitsRef = legacy
    ? { bytes: limits.maxBytes, rows: limits.maxRows, entryBytes: limits.maxEntryBytes ?? limitsOf('listing').entryBytes, timeMs: limitsOf('workbook').timeMs }
    : limits;
  const opts = legacy ? { allowCfb: limits.allowCfb ?? options.allowCfb } : options;
  if (bytes.length === 0) return fileError(M.empty);
  const size = checkSize(kind, bytes.length);
  if (size) return { ok: false, errors: size };
  if (isZip(bytes)) {
    const refused = checkZip(bytes, kind);
    if (refused) return refused;
  } else if (!(opts.allowCfb && isCfb(bytes))) {
    return fileError(M.notWorkbook);
  }
  const maxRows = limitsOf(kind).rows;
  let wb: XLSX.WorkBook;
  try {
    // A fresh options object each time: XLSX.read mutates it (stack-probe §2).
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      // No formatted text (`.w`): every reader takes the raw value (cellValue), and formatting each
      // number cell through SheetJS's number formats was a quarter of reading a unit workbook.
      cellText: false,
      sheetRows: maxRows + 1,
      WTF: false,
    });
  } catch {
    // SheetJS's own words are English and technical: the user gets ours.
    return fileError(M.unreadableSpreadsheet);
  }
  if (!wb || !Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0) return fileError(M.notWorkbook);
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const declared = ws ? declaredRowCount(ws) : 0;
    if (declared > maxRows) return { ok: false, errors: [limitMessage.tooManyRows(kind, name, declared)] };
  }
  return { ok: true, wb };
}

/** Number of rows SheetJS kept (to compare with the cap). */
export function sheetRowCount(ws: XLSX.WorkSheet): number {
  const ref = ws['!ref'];
  if (!ref) return 0;
  const r = XLSX.utils.decode_range(ref);
  return r.e.r + 1;
}

export function sheetColCount(ws: XLSX.WorkSheet): number {
  const ref = ws['!ref'];
  if (!ref) return 0;
  return XLSX.utils.decode_range(ref).e.c + 1;
}

/** Cell at 0-based row/col in a dense or sparse sheet. */
export function cellAt(ws: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  const data = ws['!data'] as XLSX.CellObject[][] | undefined;
  if (data) return data[r]?.[c];
  return ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
}

/** Excel's error values by their code (SheetJS keeps only the code without formatted text). */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

/** Raw value of a cell: number, string, boolean, or undefined for blank/stub. Error cells give `{ error }`. */
export type CellValue = number | string | boolean | undefined | { error: string };

export function cellValue(ws: XLSX.WorkSheet, r: number, c: number): CellValue {
  const cell = cellAt(ws, r, c);
  if (!cell || cell.t === 'z') return undefined;
  if (cell.t === 'e') return { error: cell.w ?? ERROR_TEXT[cell.v as number] ?? '#N/A' };
  if (cell.t === 'n') return typeof cell.v === 'number' ? cell.v : undefined;
  if (cell.t === 'b') return Boolean(cell.v);
  if (cell.t === 'd') {
    const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  }
  if (cell.v === undefined || cell.v === null) return undefined;
  const s = String(cell.v);
  return s.trim() === '' ? undefined : s;
}

/** Sheet lookup through the one text normaliser (people rename "Läkare" to "läkare" or "LAKARE"). */
export function findSheet(wb: XLSX.WorkBook, name: string): string | undefined {
  const want = foldText(name);
  return wb.SheetNames.find((n) => foldText(n) === want);
}
