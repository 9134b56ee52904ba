/**
 * Asynchronous checks the worker runs before a synchronous import: they inflate each zip entry
 * with the platform's streaming inflater and stop early on a zip bomb that lies about its
 * sizes, or on a sheet whose declared dimension exceeds the row limit. Cheap for honest files
 * (native inflate), and it turns multi-second hostile cases into a refusal in milliseconds.
 */
import { IO_STRINGS, fill } from '../strings/io.sv';
import { formatNumber } from '../engine/format';
import { LIMITS, formatBytes } from './limits';
import type { IoMessage } from './messages';
import { declaredSheetRows, isZip, verifyZipInflation } from './zip';

const M = IO_STRINGS.import;

export async function preflight(bytes: Uint8Array, kind: 'workbook' | 'listing' | 'contacts'): Promise<IoMessage[] | null> {
  const maxBytes = kind === 'workbook' ? LIMITS.workbookBytes : kind === 'contacts' ? LIMITS.contactsBytes : LIMITS.listingBytes;
  if (bytes.length > maxBytes) return [{ sheet: '', row: null, column: null, message: fill(M.tooLarge, { size: formatBytes(bytes.length), max: formatBytes(maxBytes) }) }];
  if (!isZip(bytes)) return null; // CSV / xls: the synchronous checks cover them
  const maxRows = kind === 'workbook' ? LIMITS.workbookSheetRows : kind === 'contacts' ? LIMITS.contactsRows : LIMITS.listingRows;
  const maxEntry = kind === 'workbook' ? LIMITS.workbookEntryBytes : LIMITS.entryBytes;
  const bad = await verifyZipInflation(bytes, maxEntry, (_name, head) => {
    const rows = declaredSheetRows(head);
    return rows !== null && rows > maxRows ? String(rows) : null;
  });
  if (!bad) return null;
  const message =
    bad.reason === 'peek'
      ? fill(M.tooManyRows, { rows: formatNumber(Number(bad.detail)), max: formatNumber(maxRows) })
      : bad.reason === 'corrupt'
        ? fill(M.corrupt, { detail: bad.name || 'zip' })
        : fill(M.zipTooLarge, { max: formatBytes(maxEntry) });
  return [{ sheet: '', row: null, column: null, message }];
}
