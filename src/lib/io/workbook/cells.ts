/**
 * Reading single cells of a user's workbook with the importer's rules (numbers the Swedish way, "80 %",
 * dates as text or Excel serials, personnummer refused, a user's value echoed masked), each problem
 * placed at its sheet, row and column. Shared by the unit workbook's importer and the läkardel's.
 */
import { parseSwedishNumber } from '../../engine/format';
import { looksLikePersonnummer } from '../../engine/personnummer';
import { normalizeSpace } from '../../engine/text';
import { IO_STRINGS, fill } from '../../strings/io.sv';
import { LIMITS } from '../limits';
import { maskedValue, type IoMessage } from '../messages';
import type { CellValue } from '../sheetread';

const M = IO_STRINGS.import;

/** Errors and warnings of one import, each placed at its sheet, row and column (also used by lakardelImport.ts). */
export class Problems {
  errors: IoMessage[] = [];
  warnings: IoMessage[] = [];
  error(sheet: string, row: number | null, column: string | null, message: string): void {
    if (this.errors.length < LIMITS.maxErrors) this.errors.push({ sheet, row, column, message });
  }
  warn(sheet: string, row: number | null, column: string | null, message: string): void {
    if (this.warnings.length < LIMITS.maxErrors) this.warnings.push({ sheet, row, column, message });
  }
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads one numeric cell; `undefined` for blank, `null` after reporting a problem. */
export function readNumber(
  v: CellValue,
  p: Problems,
  where: [sheet: string, row: number, column: string],
  rule: { min?: number; max?: number; whole?: boolean; share?: boolean } = {},
): number | undefined | null {
  if (v === undefined) return undefined;
  if (typeof v === 'object') {
    p.error(...where, fill(M.formulaError, { value: v.error }));
    return null;
  }
  let n: number | null;
  let percentText = false;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'boolean') n = null;
  else {
    if (looksLikePersonnummer(v)) {
      p.error(...where, M.personnummer);
      return null;
    }
    percentText = v.includes('%');
    n = parseSwedishNumber(v);
  }
  if (n === null || !Number.isFinite(n)) {
    p.error(...where, fill(M.notNumber, { value: maskedValue(v, 40) }));
    return null;
  }
  // A share typed as a percent number ("80" for 80 %): accepted with a note.
  if (rule.share && !percentText && n > 1 && n <= 100) {
    const share = n / 100;
    p.warn(...where, fill(M.employmentPercent, { value: String(n).replace('.', ','), percent: `${String(n).replace('.', ',')} %` }));
    n = share;
  }
  if (rule.min !== undefined && n < rule.min) {
    p.error(...where, rule.min === 0 ? fill(M.negative, { value: String(n).replace('.', ',') }) : fill(M.outOfRange, { value: String(n).replace('.', ','), min: rule.min, max: rule.max ?? '∞' }));
    return null;
  }
  if (rule.max !== undefined && n > rule.max) {
    p.error(...where, fill(M.outOfRange, { value: String(n).replace('.', ','), min: rule.min ?? '', max: rule.max }));
    return null;
  }
  if (rule.whole && Math.abs(n - Math.round(n)) > 1e-9) {
    p.error(...where, fill(M.notWhole, { value: String(n).replace('.', ',') }));
    return null;
  }
  return n;
}

/** A name or label: line breaks and runs of white space become one space (LibreOffice would show a CR as _x000d_). */
export function readName(v: CellValue): string | undefined {
  const t = readText(v);
  return t === undefined ? undefined : normalizeSpace(t);
}

export function readText(v: CellValue): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'object') return undefined;
  return String(v).trim();
}

/** ISO date from text or an Excel date serial. */
export function readDate(v: CellValue, p: Problems, where: [string, number, string]): string | undefined | null {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && v > 0 && v < 2958466) {
    // Excel serial (1900 system): day 25569 is 1970-01-01.
    const ms = Math.round((v - 25569) * 86400000);
    return new Date(ms).toISOString().slice(0, 10);
  }
  const s = typeof v === 'string' ? v.trim() : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const d = new Date(`${s}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s) return s;
  }
  p.error(...where, fill(M.badDate, { value: maskedValue(typeof v === 'object' ? v.error : v, 40) }));
  return null;
}
