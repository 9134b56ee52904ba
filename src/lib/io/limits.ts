/**
 * Bounds that keep a hostile or mistaken file from freezing the page (contracts.md: "never
 * throws on any input bytes, and bounds its memory and time"). Every check runs before the
 * expensive step it protects: file size before unzipping, declared entry sizes (zip central
 * directory) before inflating, a row cap while parsing the sheet XML.
 */
export const LIMITS = {
  /** A plan workbook is a few hundred kB; 20 MB is generous. */
  workbookBytes: 10 * 1024 * 1024,
  /** One sheet's XML in a plan workbook (2 000 doctors with formulas ≈ 8 MB). */
  workbookEntryBytes: 40 * 1024 * 1024,
  /** A per-patient listing of a large unit as xlsx is ~7 MB per 100 000 rows. */
  listingBytes: 60 * 1024 * 1024,
  /** Sum of uncompressed zip entries. */
  unzippedBytes: 400 * 1024 * 1024,
  /** One uncompressed zip entry (one sheet's XML). */
  entryBytes: 300 * 1024 * 1024,
  zipEntries: 2000,
  /** Rows of `Läkare` (a unit has tens of doctors). */
  doctorRows: 2000,
  /** Rows of any other sheet of a plan workbook. */
  workbookSheetRows: 20000,
  /** Rows of a listing report (one row per patient: a large unit ~40 000). */
  listingRows: 500000,
  /** A contact log (issue 7): a year of a large unit's doctor contacts, ~1 M rows, can pass 60 MB as CSV. */
  contactsBytes: 250 * 1024 * 1024,
  contactsRows: 1500000,
  columns: 200,
  /** How many errors are listed before the rest are summarised. */
  maxErrors: 200,
} as const;

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return 'mer än 4 GB';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1).replace('.', ',')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} byte`;
}
