/**
 * Guarded reading of an xlsx/xls/ods file with SheetJS, and small cell helpers shared by the
 * workbook and listing importers. Nothing here throws: failures come back as Swedish messages.
 */
import * as XLSX from 'xlsx';
import { IO_STRINGS, fill } from '../strings/io.sv';
import { LIMITS, formatBytes } from './limits';
import type { IoMessage } from './messages';
import { isZip, scanZip } from './zip';

const M = IO_STRINGS.import;

export type GuardedRead = { ok: true; wb: XLSX.WorkBook } | { ok: false; errors: IoMessage[] };

function fileError(message: string): { ok: false; errors: IoMessage[] } {
  return { ok: false, errors: [{ sheet: '', row: null, column: null, message }] };
}

/** CFB (old .xls) magic. */
function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export function toBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/**
 * Size checks, then SheetJS with a row cap (`sheetRows`): a sheet with more than `maxRows` rows
 * is reported (the parse stops at the cap, so memory stays bounded).
 */
/** Size checks of a zip from its central directory (no inflation); null when it may be read. */
export function checkZip(bytes: Uint8Array, maxBytes: number, maxEntryBytes?: number): { ok: false; errors: IoMessage[] } | null {
  if (bytes.length > maxBytes) return fileError(fill(M.tooLarge, { size: formatBytes(bytes.length), max: formatBytes(maxBytes) }));
  const scan = scanZip(bytes);
  if (!scan.ok) return fileError(fill(M.corrupt, { detail: 'zip' }));
  if (scan.entries.length > LIMITS.zipEntries) {
    return fileError(fill(M.tooManyEntries, { count: scan.entries.length, max: LIMITS.zipEntries }));
  }
  let total = 0;
  const maxEntry = maxEntryBytes ?? LIMITS.entryBytes;
  for (const e of scan.entries) {
    if (e.uncompressedSize > maxEntry) {
      return fileError(fill(M.zipEntryTooLarge, { name: e.name, size: formatBytes(e.uncompressedSize), max: formatBytes(maxEntry) }));
    }
    // Deflate never makes data much larger: a declared size far below the compressed one is a lie.
    if (e.method === 8 && e.uncompressedSize + 1024 < e.compressedSize * 0.99) return fileError(fill(M.corrupt, { detail: e.name }));
    total += e.uncompressedSize;
    // A compression ratio beyond 1:1000 does not occur in real spreadsheets (deflate tops out near 1:1030).
    if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > 1000 && e.uncompressedSize > 10 * 1024 * 1024) {
      return fileError(fill(M.zipTooLarge, { max: formatBytes(LIMITS.unzippedBytes) }));
    }
  }
  if (total > LIMITS.unzippedBytes) return fileError(fill(M.zipTooLarge, { max: formatBytes(LIMITS.unzippedBytes) }));
  return null;
}

export function readWorkbookGuarded(
  bytes: Uint8Array,
  opts: { maxBytes: number; maxRows: number; maxEntryBytes?: number; allowCfb?: boolean },
): GuardedRead {
  if (bytes.length === 0) return fileError(M.empty);
  if (bytes.length > opts.maxBytes) {
    return fileError(fill(M.tooLarge, { size: formatBytes(bytes.length), max: formatBytes(opts.maxBytes) }));
  }
  if (isZip(bytes)) {
    const refused = checkZip(bytes, opts.maxBytes, opts.maxEntryBytes);
    if (refused) return refused;
  } else if (!(opts.allowCfb && isCfb(bytes))) {
    return fileError(M.notWorkbook);
  }
  try {
    // A fresh options object each time: XLSX.read mutates it (stack-probe §2).
    const wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      sheetRows: opts.maxRows + 1,
      WTF: false,
    });
    if (!wb || !Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0) return fileError(M.notWorkbook);
    return { ok: true, wb };
  } catch (e) {
    return fileError(fill(M.corrupt, { detail: e instanceof Error ? e.message.slice(0, 120) : 'okänt fel' }));
  }
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

/** Raw value of a cell: number, string, boolean, or undefined for blank/stub. Error cells give `{ error }`. */
export type CellValue = number | string | boolean | undefined | { error: string };

export function cellValue(ws: XLSX.WorkSheet, r: number, c: number): CellValue {
  const cell = cellAt(ws, r, c);
  if (!cell || cell.t === 'z') return undefined;
  if (cell.t === 'e') return { error: String(cell.w ?? XLSX.SSF.format('General', cell.v as number)) };
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

/** Case-insensitive sheet lookup (people rename "Läkare" to "läkare" or "LÄKARE"); å/ä/ö may be dropped. */
export function findSheet(wb: XLSX.WorkBook, name: string): string | undefined {
  const fold = (s: string) => s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const want = fold(name);
  return wb.SheetNames.find((n) => fold(n) === want);
}
