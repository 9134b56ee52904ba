/**
 * The one limits table of io (issue 12.2, 17.3): size, rows and time for every kind of user file,
 * with one set of Swedish messages. The same numbers bound a file read in the app (the page checks
 * the size before reading, the worker runs the asynchronous zip checks, the parsers stop at the row
 * cap and the deadline) and one read from Node (scripts, tests: the same synchronous parsers), so a
 * file is accepted or refused the same way everywhere (contracts.md: "never throws on any input
 * bytes, and bounds its memory and time on hostile files").
 */
import { formatDecimal, formatNumber } from '../engine/format';
import { IO_STRINGS, fill } from '../strings/io.sv';
import type { IoMessage } from './messages';

/** What a file is read as; each op of the worker reads one kind (dispatch.ts). */
export type FileKind = 'workbook' | 'listing' | 'contacts' | 'patientList' | 'namedMapping';

export interface FileLimits {
  /** Largest file read at all. */
  bytes: number;
  /** Largest uncompressed part (one sheet's XML) of a zipped spreadsheet. */
  entryBytes: number;
  /** Rows (header included) of the sheet or text that is read; a sheet declaring more is refused at once. */
  rows: number;
  /** Wall time a parse may take; the parsers check it between rows, the worker client stops after it. */
  timeMs: number;
}

const MB = 1024 * 1024;

export const FILE_LIMITS: { readonly [K in FileKind]: FileLimits } = {
  /** A plan workbook is a few hundred kB; 2 000 doctors with formulas ≈ 8 MB of sheet XML. */
  workbook: { bytes: 10 * MB, entryBytes: 40 * MB, rows: 20_000, timeMs: 60_000 },
  /** A per-patient listing of a large unit: ~7 MB of xlsx per 100 000 rows. */
  listing: { bytes: 60 * MB, entryBytes: 300 * MB, rows: 500_000, timeMs: 90_000 },
  /** A contact log (domain.md §6): a year of a large unit's doctor contacts, ~1 M rows, passes 60 MB as CSV. */
  contacts: { bytes: 250 * MB, entryBytes: 300 * MB, rows: 5_000_000, timeMs: 120_000 },
  /** Patients without a named doctor for the allocation (a large unit: tens of thousands). */
  patientList: { bytes: 60 * MB, entryBytes: 300 * MB, rows: 500_000, timeMs: 60_000 },
  /** Patient → named doctor, one row per listed patient. */
  namedMapping: { bytes: 60 * MB, entryBytes: 300 * MB, rows: 1_000_000, timeMs: 60_000 },
};

/** A kind of file, or limits of its own (a reader with a narrower bound, e.g. one doctor's sheet). */
export type LimitsRef = FileKind | FileLimits;

export function limitsOf(ref: LimitsRef): FileLimits {
  return typeof ref === 'string' ? FILE_LIMITS[ref] : ref;
}

/** Bounds that do not depend on the kind of file. */
export const ZIP_LIMITS = {
  /** Sum of uncompressed zip entries. */
  unzippedBytes: 400 * MB,
  zipEntries: 2000,
  /** Columns read from a sheet or a CSV. */
  columns: 200,
  /** Rows of `Läkare` (a unit has tens of doctors). */
  doctorRows: 2000,
  /** How many errors are listed before the rest are summarised. */
  maxErrors: 200,
} as const;

/**
 * The former flat table, kept for callers of the public contract (io/index.ts exports it); every
 * value comes from FILE_LIMITS / ZIP_LIMITS.
 */
export const LIMITS = {
  workbookBytes: FILE_LIMITS.workbook.bytes,
  workbookEntryBytes: FILE_LIMITS.workbook.entryBytes,
  listingBytes: FILE_LIMITS.listing.bytes,
  unzippedBytes: ZIP_LIMITS.unzippedBytes,
  entryBytes: FILE_LIMITS.listing.entryBytes,
  zipEntries: ZIP_LIMITS.zipEntries,
  doctorRows: ZIP_LIMITS.doctorRows,
  workbookSheetRows: FILE_LIMITS.workbook.rows,
  listingRows: FILE_LIMITS.listing.rows,
  contactsBytes: FILE_LIMITS.contacts.bytes,
  contactsRows: FILE_LIMITS.contacts.rows,
  columns: ZIP_LIMITS.columns,
  maxErrors: ZIP_LIMITS.maxErrors,
} as const;

/** "200 MB", "1,5 MB", "12 kB" (Swedish decimal comma, the engine's formatter). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return IO_STRINGS.import.over4gb;
  if (n >= MB) return `${formatDecimal(n / MB, n >= 10 * MB ? 0 : 1)} MB`;
  if (n >= 1024) return `${formatNumber(n / 1024)} kB`;
  return `${formatNumber(n)} byte`;
}

const M = IO_STRINGS.import;

function whole(message: string, sheet = ''): IoMessage {
  return { sheet, row: null, column: null, message };
}

/** The messages every reader uses when a limit is reached (one wording everywhere). */
export const limitMessage = {
  tooLarge: (ref: LimitsRef, size: number): IoMessage => whole(fill(M.tooLarge, { size: formatBytes(size), max: formatBytes(limitsOf(ref).bytes) })),
  tooManyRows: (ref: LimitsRef, sheet: string, rows?: number): IoMessage =>
    whole(
      fill(M.tooManyRows, {
        rows: rows === undefined ? fill(M.moreThan, { n: formatNumber(limitsOf(ref).rows) }) : formatNumber(rows),
        max: formatNumber(limitsOf(ref).rows),
      }),
      sheet,
    ),
  tooManyColumns: (sheet: string, cols: number): IoMessage => whole(fill(M.tooManyColumns, { cols: formatNumber(cols), max: formatNumber(ZIP_LIMITS.columns) }), sheet),
  tooSlow: (ref: LimitsRef, sheet: string, row: number | null): IoMessage => ({
    sheet,
    row,
    column: null,
    message: fill(M.tooSlow, { seconds: formatNumber(limitsOf(ref).timeMs / 1000) }),
  }),
};

/** The size check before anything is read (the page runs it on `File.size`, before reading the file). */
export function checkSize(ref: LimitsRef, size: number): IoMessage[] | null {
  return size > limitsOf(ref).bytes ? [limitMessage.tooLarge(ref, size)] : null;
}

/**
 * A parse's clock: `passed()` is cheap enough to call every few thousand rows. Parsers take an
 * optional `deadline` (ms since the epoch of `performance.now()`) so a caller can share one budget
 * over several steps; by default the kind's `timeMs` from now.
 */
export class Deadline {
  readonly at: number;
  constructor(kind: FileKind, at?: number) {
    this.at = at ?? performance.now() + FILE_LIMITS[kind].timeMs;
  }
  passed(): boolean {
    return performance.now() > this.at;
  }
}
