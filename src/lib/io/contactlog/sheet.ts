/**
 * The spreadsheet path of the contact log (xlsx, xls, ods): the sheet read by the one grid reader
 * (listing/grid.ts: guarded, the contact-log limits, the fast values-only scan), then row by row
 * into the same sink as the CSV path. Dates may be Excel serials or text.
 */
import { CONTACTS_IO } from '../../strings/followup.sv';
import { Deadline, limitMessage } from '../limits';
import { readGrid, type GridCell } from '../listing/grid';
import type { ProgressCallback } from '../progress';
import type { ContactColumn } from './columns';
import { BAD_DAY, dayFromChars, dayFromSerial } from './dates';
import { acceptRow, finish, makeSink, type ParseContactsResult } from './sink';

export interface SheetLogOptions {
  columns?: Partial<Record<ContactColumn, number>>;
  salt: string;
  sheet?: string;
  entries?: ReadonlyMap<string, Uint8Array> | null;
  onProgress?: ProgressCallback;
  deadline?: number;
}

function cellText(v: GridCell | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

export function parseSheetLog(bytes: Uint8Array, options: SheetLogOptions): ParseContactsResult {
  const t = CONTACTS_IO;
  const deadline = new Deadline('contacts', options.deadline);
  const read = readGrid(bytes, 'contacts', { sheet: options.sheet, entries: options.entries });
  if (!read.ok) return read;
  const { sheet, rows } = read.grid;
  const headerIdx = rows.findIndex((r) => Array.isArray(r) && r.some((v) => cellText(v).trim() !== ''));
  if (headerIdx < 0) return { ok: false, errors: [{ sheet, row: null, column: null, message: t.empty }] };
  const headers = Array.from(rows[headerIdx], cellText);
  const made = makeSink(sheet, headerIdx + 1, headers, options.columns, rows.length, options.salt);
  if ('ok' in made) return made;
  const sink = made;
  const c = sink.columns;
  const total = rows.length;
  const at = (row: GridCell[], col: number | undefined) => (col === undefined ? '' : cellText(row[col]));
  for (let r = headerIdx + 1; r < total; r++) {
    if ((r & 0xffff) === 0) {
      options.onProgress?.({ phase: 'parse', done: r, total });
      if (deadline.passed()) return { ok: false, errors: [limitMessage.tooSlow('contacts', sheet, r + 1)] };
    }
    const row = rows[r];
    if (!row || row.every((v) => cellText(v).trim() === '')) continue;
    const dateCell = row[c.date!];
    const dateText = typeof dateCell === 'number' ? String(dateCell) : cellText(dateCell);
    const day = typeof dateCell === 'number' ? dayFromSerial(dateCell) : dateText ? dayFromChars(dateText, 0, dateText.length) : BAD_DAY;
    acceptRow(sink, r + 1, { patient: at(row, c.patient), doctor: at(row, c.doctor), date: dateText, type: at(row, c.type), named: at(row, c.named), unit: at(row, c.unit), age: at(row, c.age), nursingHome: at(row, c.nursingHome) }, day);
  }
  options.onProgress?.({ phase: 'parse', done: total, total });
  return finish(sink, 'xlsx');
}
