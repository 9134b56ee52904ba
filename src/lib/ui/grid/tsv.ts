/**
 * Clipboard text ↔ cell blocks. Excel and LibreOffice put a copied range on the clipboard as
 * tab-separated rows ending in CRLF/LF; a cell holding a tab, newline or quote is wrapped in
 * double quotes with inner quotes doubled. We read that (and plain TSV) and write the same.
 */

/** Parse clipboard text into rows of cell strings. A trailing line break does not make an empty row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // Quoted cell: read to the closing quote; "" is a literal quote.
      const close = findClosingQuote(text, i + 1);
      if (close !== -1) {
        cell = text.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Index of the quote that closes a quoted cell starting after `from`, or -1 if the cell is not quoted properly. */
function findClosingQuote(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        i += 2;
        continue;
      }
      const next = text[i + 1];
      // A real closing quote is followed by a separator or the end.
      return next === undefined || next === '\t' || next === '\n' || next === '\r' ? i : -1;
    }
    i++;
  }
  return -1;
}

/** Write a block as Excel-compatible TSV. */
export function toTsv(rows: string[][]): string {
  return rows
    .map((r) => r.map((c) => (/[\t\n\r"]/.test(c) ? '"' + c.replace(/"/g, '""') + '"' : c)).join('\t'))
    .join('\r\n');
}

/** True when pasted text is more than one cell (so it should fill a block, not one editor). */
export function isBlock(text: string): boolean {
  const rows = parseTsv(text);
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1;
}
