import { maskPersonnummer } from '../engine/personnummer';
import { PERSONNUMMER_MASK } from '../strings/privacy.sv';

/**
 * A problem found in a user's file, placed as a person sees it in the spreadsheet program
 * (contracts.md: `{ sheet, row, column, message }`, Swedish).
 */
export interface IoMessage {
  /** Sheet name ("Läkare"), or the file name/kind for CSV ("CSV"). */
  sheet: string;
  /** Spreadsheet row number (1-based) as shown in Excel; null when the problem is the whole sheet/file. */
  row: number | null;
  /** Header name as written in the file, or the column letter when there is no header; null for a whole row/sheet. */
  column: string | null;
  message: string;
}

/**
 * A cell's value as a message or preview may show it: every personnummer in it masked
 * ("ÅÅMMDD-XXXX", issue 12.7: never echoed), white space folded, cut to `max` characters.
 */
export function maskedValue(value: unknown, max = 40): string {
  const text = value === null || value === undefined ? '' : String(value);
  const masked = maskPersonnummer(text.length > 4 * max ? text.slice(0, 4 * max) : text, PERSONNUMMER_MASK).replace(/\s+/g, ' ').trim();
  return masked.length > max ? masked.slice(0, max - 1) + '…' : masked;
}
