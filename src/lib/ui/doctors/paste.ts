/**
 * A block pasted into the läkardel grid, mapped onto the grid's full column order — collapsed groups
 * included, as a spreadsheet pastes into hidden columns — so no pasted value lands in a column the
 * user cannot see without being told: the groups it reaches are expanded, and values that fall on a
 * computed column are counted and reported.
 */
import { DOCTOR_COLUMNS, groupOf, isInputColumn, type DoctorGroup } from './columns';

export interface MappedPaste {
  /** Cell edits by view row (may be ≥ the number of rows: new doctors). */
  edits: { row: number; col: string; text: string }[];
  /** Pasted values that fell on computed or link columns, or past the last column. */
  skipped: number;
  /** Collapsed or not, the groups the paste wrote into. */
  groups: DoctorGroup[];
}

/** Where in the full column order a paste starting at `colKey` begins (a summary column: its group's first column). */
export function pasteStart(colKey: string): number {
  if (colKey.startsWith('group.')) {
    const g = colKey.slice(6);
    return DOCTOR_COLUMNS.findIndex((c) => c.group === g);
  }
  return DOCTOR_COLUMNS.findIndex((c) => c.key === colKey);
}

export function mapPaste(row: number, colKey: string, block: readonly (readonly string[])[]): MappedPaste {
  const start = Math.max(0, pasteStart(colKey));
  const edits: MappedPaste['edits'] = [];
  const groups = new Set<DoctorGroup>();
  let skipped = 0;
  block.forEach((cells, i) => {
    cells.forEach((text, j) => {
      const c = DOCTOR_COLUMNS[start + j];
      if (!c || !isInputColumn(c.key)) {
        if (text.trim() !== '') skipped++;
        return;
      }
      edits.push({ row: row + i, col: c.key, text });
      const g = groupOf(c.key);
      if (g) groups.add(g);
    });
  });
  return { edits, skipped, groups: [...groups] };
}
