/**
 * The one values-only spreadsheet writer of io: plain workbooks of named sheets (the follow-up
 * series, continuity figures, the allocation proposal, APT minutes). No formulas ever: every text
 * cell is written as text, so a user's "=SUMMA(A1)" stays that text (contracts.md).
 */
import * as XLSX from 'xlsx';
import { formatNumber } from '../engine/format';
import type { Cell } from '../engine/followup/index';

export type { Cell };

export interface SimpleSheet {
  name: string;
  rows: Cell[][];
  colWidths?: number[];
}

/** Text is always a text cell (never a formula); a non-finite number is written as its Swedish text. */
function cell(v: Cell | undefined): XLSX.CellObject | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { t: 'n', v } : { t: 's', v: formatNumber(v) };
  return { t: 's', v: String(v) };
}

/** A plain workbook of the given sheets (values only, no formulas). */
export function sheetsWorkbook(sheets: readonly SimpleSheet[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxC = 0;
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        const co = cell(v);
        if (co) ws[XLSX.utils.encode_cell({ r, c })] = co;
        if (c > maxC) maxC = c;
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, s.rows.length - 1), c: maxC } });
    if (s.colWidths) ws['!cols'] = s.colWidths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, s.name.slice(0, 31));
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
