/**
 * Asynchronous checks the worker runs before a synchronous parse: they inflate each zip entry
 * with the platform's streaming inflater and stop early on a zip bomb that lies about its sizes,
 * or on a sheet whose declared dimension exceeds the row limit. Cheap for honest files (native
 * inflate), and it turns multi-second hostile cases into a refusal in milliseconds. The limits and
 * messages are the kind's from limits.ts, the same the synchronous parsers apply (so Node and the
 * app refuse the same files with the same words); the inflated parts can be handed to the parser.
 */
import { IO_STRINGS, fill } from '../strings/io.sv';
import { FILE_LIMITS, checkSize, formatBytes, limitMessage, type FileKind } from './limits';
import { workbookSheets } from './listing/fastxlsx';
import type { IoMessage } from './messages';
import { isZip } from './sniff';
import { inflateZip } from './zip';

const M = IO_STRINGS.import;

export type PreflightResult = { ok: true; entries: Map<string, Uint8Array> | null } | { ok: false; errors: IoMessage[] };

/** The sheet name of a worksheet part, from the inflated workbook parts (the part name when unknown). */
function sheetNameOf(entries: Map<string, Uint8Array> | null, part: string): string {
  const wb = entries?.get('xl/workbook.xml');
  const rels = entries?.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return '';
  const dec = new TextDecoder();
  return workbookSheets(dec.decode(wb), dec.decode(rels))?.find((s) => s.path === part)?.name ?? '';
}

/** The checks, keeping the inflated parts when `keep` (the listing reader uses them). */
export async function preflightFile(bytes: Uint8Array, kind: FileKind, keep = false): Promise<PreflightResult> {
  const size = checkSize(kind, bytes.length);
  if (size) return { ok: false, errors: size };
  if (!isZip(bytes)) return { ok: true, entries: null }; // CSV / xls: the synchronous checks cover them
  const { entryBytes, rows } = FILE_LIMITS[kind];
  // The sheet names are needed for the message: keep the (small) workbook parts in any case.
  const out = await inflateZip(bytes, entryBytes, rows, (name) => keep || name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels');
  if (!out.ok) {
    const message = out.reason === 'corrupt' ? fill(M.corrupt, { detail: out.name || 'zip' }) : fill(M.zipTooLarge, { max: formatBytes(entryBytes) });
    return { ok: false, errors: [{ sheet: '', row: null, column: null, message }] };
  }
  if (out.tooManyRows.length > 0) {
    const first = out.tooManyRows[0];
    return { ok: false, errors: [limitMessage.tooManyRows(kind, sheetNameOf(out.entries, first.name), first.rows)] };
  }
  return { ok: true, entries: keep ? out.entries : null };
}

/** The checks alone: null when the file may be parsed, else the refusal. */
export async function preflight(bytes: Uint8Array, kind: FileKind): Promise<IoMessage[] | null> {
  const r = await preflightFile(bytes, kind);
  return r.ok ? null : r.errors;
}
