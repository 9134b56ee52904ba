/**
 * The one writer of delimited text in io (issue 17.3): CSV as Swedish Excel opens it (`;`, decimal
 * comma, UTF-8 with BOM, CRLF) and the TSV of the grid's clipboard.
 *
 * Formula injection (contracts.md: "A user's text that starts with =, +, - or @ is written as text,
 * never as a formula"; OWASP CSV injection): in a CSV file, text that a spreadsheet would read as a
 * formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage return — gets a leading apostrophe,
 * so Excel and LibreOffice show it as the text it is. Numbers are numbers and are never escaped.
 * The clipboard does not escape: pasting is the user typing their own cells.
 */
import type { Delimiter } from './delimiter';

export type TableCell = string | number | boolean | null | undefined;

export interface WriteOptions {
  /** Default `;` (Swedish Excel). */
  delimiter?: Delimiter;
  /** Prefix text that would start a formula with `'` (default true). */
  escapeFormulas?: boolean;
  /** Decimal comma for numbers (default true, with `;`). */
  decimalComma?: boolean;
  /** Byte-order mark so Excel reads UTF-8 (default true). */
  bom?: boolean;
  /** Line break after the last row too (default true). */
  finalNewline?: boolean;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP: = + - @ tab CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A number as a CSV value: at most 10 decimals (binary noise removed), decimal comma if asked. */
function numberText(n: number, decimalComma: boolean): string {
  if (!Number.isFinite(n)) return '';
  const s = String(Number.isInteger(n) ? n : Math.round(n * 1e10) / 1e10);
  return decimalComma ? s.replace('.', ',') : s;
}

/** One field as written: escaped against formulas, quoted when it holds the delimiter, a quote or a line break. */
export function writeField(value: TableCell, options: WriteOptions = {}): string {
  const d = options.delimiter ?? ';';
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, options.decimalComma ?? d !== ',');
  let s = typeof value === 'boolean' ? (value ? 'SANT' : 'FALSKT') : value;
  if ((options.escapeFormulas ?? true) && FORMULA_START.test(s)) s = "'" + s;
  if (s.includes(d) || s.includes('"') || s.includes('\n') || s.includes('\r')) s = '"' + s.replace(/"/g, '""') + '"';
  return s;
}

/** Rows as delimited text (RFC 4180: CRLF between records). */
export function writeDelimited(rows: readonly (readonly TableCell[])[], options: WriteOptions = {}): string {
  const d = options.delimiter ?? ';';
  const body = rows.map((r) => r.map((v) => writeField(v, options)).join(d)).join('\r\n');
  const end = (options.finalNewline ?? true) && rows.length > 0 ? '\r\n' : '';
  return ((options.bom ?? true) ? '\ufeff' : '') + body + end;
}

/** A CSV file for Swedish Excel: `;`, decimal comma, BOM, CRLF, formulas escaped. */
export function writeCsv(rows: readonly (readonly TableCell[])[]): string {
  return writeDelimited(rows);
}
