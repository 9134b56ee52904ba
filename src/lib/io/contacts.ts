/**
 * Contact log import for continuity (domain.md §6): CSV or a spreadsheet with a pseudonymous
 * patient key, date, doctor key and contact type (and optionally the patient's named doctor and
 * the unit where the contact took place).
 *
 * Built for a million rows: the CSV path streams the file through the one tabular toolkit in chunks
 * (contactlog/csv.ts), no per-row objects; dates are parsed from character codes; keys are interned
 * into indexes of a columnar ContactLog (typed arrays, src/lib/engine/followup/contactLog.ts).
 * Limits (size, rows, time) are the contact log's from limits.ts, in the app and from Node.
 *
 * Personal identity numbers: patient keys that look like personnummer are replaced on the spot by
 * salted in-memory pseudonyms (ContactLogBuilder) and the user is told how many; they are never
 * stored and never returned. A doctor column holding personnummer is refused (it is a mapping error).
 * All-or-nothing: any error in a row returns `{ ok: false, errors }` naming row and column.
 */
import { CONTACTS_IO } from '../strings/followup.sv';
import { IO_STRINGS } from '../strings/io.sv';
import { checkSize } from './limits';
import type { ParseBudget, ProgressCallback } from './progress';
import { isSpreadsheet } from './sheetread';
import type { ContactColumn } from './contactlog/columns';
import { parseCsvBytes, parseCsvChunks } from './contactlog/csv';
import { parseNamedMappingBytes, type ParseNamedMappingResult } from './contactlog/named';
import { parseSheetLog } from './contactlog/sheet';
import type { ParseContactsResult } from './contactlog/sink';

export { CONTACT_COLUMNS, guessContactColumns, type ContactColumn } from './contactlog/columns';
export type { ContactsFailure, ContactsSuccess, ParseContactsResult } from './contactlog/sink';
export type { ParseNamedMappingResult } from './contactlog/named';

export interface ParseContactsOptions extends ParseBudget {
  /** 0-based column per field; missing fields are found from the header row. */
  columns?: Partial<Record<ContactColumn, number>>;
  /** Session salt for pseudonyms of personnummer keys (kept in memory only). */
  salt?: string;
  /** xlsx: sheet to read; default the first sheet with data. */
  sheet?: string;
  onProgress?: ProgressCallback;
  /** Zip parts already inflated by the worker's preflight (in-process only, never posted). */
  entries?: ReadonlyMap<string, Uint8Array> | null;
}

function toBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

function whole(message: string): { ok: false; errors: { sheet: string; row: null; column: null; message: string }[] } {
  return { ok: false, errors: [{ sheet: '', row: null, column: null, message }] };
}

/**
 * Reads a contact log (CSV with ; , or tab in UTF-8, Windows-1252 or UTF-16; or xlsx/xls). Never
 * throws on bad input: problems come back as `{ ok: false, errors }` with sheet, row and column.
 */
export function parseContactLog(input: ArrayBuffer | Uint8Array | string, options: ParseContactsOptions = {}): ParseContactsResult {
  const salt = options.salt ?? '';
  try {
    if (typeof input === 'string') return parseCsvChunks([input.replace(/^\ufeff/, '')], input.length, { ...options, salt });
    const bytes = toBytes(input);
    if (bytes.length === 0) return whole(CONTACTS_IO.empty);
    const size = checkSize('contacts', bytes.length);
    if (size) return { ok: false, errors: size };
    options.onProgress?.({ phase: 'read', done: 0, total: bytes.length });
    if (isSpreadsheet(bytes)) return parseSheetLog(bytes, { ...options, salt });
    return parseCsvBytes(bytes, { ...options, salt }) ?? whole(IO_STRINGS.import.notText);
  } catch {
    return whole(CONTACTS_IO.unreadable);
  }
}

/**
 * A separate named-doctor file: one row per patient with the patient key and the named doctor.
 * Personnummer keys are replaced with the same salted pseudonyms as the contact log of the same session.
 */
export function parseNamedMapping(input: ArrayBuffer | Uint8Array | string, options: { salt?: string; entries?: ReadonlyMap<string, Uint8Array> | null } & ParseBudget = {}): ParseNamedMappingResult {
  try {
    const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : toBytes(input);
    return parseNamedMappingBytes(bytes, options);
  } catch {
    return whole(CONTACTS_IO.unreadable);
  }
}
