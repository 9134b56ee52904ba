/**
 * Clipboard text ↔ cell blocks. Excel and LibreOffice put a copied range on the clipboard as
 * tab-separated rows ending in CRLF/LF; a cell holding a tab, newline or quote is wrapped in
 * double quotes with inner quotes doubled. We read that (and plain TSV) and write the same, with io's
 * one reader and writer (through src/lib/state/tabular.ts: the UI may not import io).
 */

import { readCsv, writeDelimited } from '../../state/tabular';

/** Parse clipboard text into rows of cell strings. A trailing line break does not make an empty row. */
export function parseTsv(text: string): string[][] {
  return readCsv(text, { delimiter: '\t' }).rows;
}

/** Write a block as Excel-compatible TSV (no formula escape: pasting is the user typing their own cells). */
export function toTsv(rows: string[][]): string {
  return writeDelimited(rows, { delimiter: '\t', escapeFormulas: false, bom: false, finalNewline: false });
}

/** True when pasted text is more than one cell (so it should fill a block, not one editor). */
export function isBlock(text: string): boolean {
  const rows = parseTsv(text);
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1;
}
