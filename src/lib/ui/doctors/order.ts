/**
 * The order in which the läkardel grid shows the doctors. Sorting is a view, not an edit: the plan's
 * own order (the workbook's, the report's) stays as it is. A sort is a snapshot taken when the user
 * asks for it, so a row does not jump away while its numbers are being edited; doctors added since
 * (Lägg till läkare, Enter on the last row, a paste below the last row) come after the snapshot, in
 * the order they were added, until the next sort.
 */
import { normalizeSpace } from '../../engine/index';

export type SortDir = 'ascending' | 'descending';
export interface SortState {
  key: string;
  dir: SortDir;
}

/** A value to sort by: a number, a text, or null (no value: always last, whatever the direction). */
export type SortValue = number | string | null;

/**
 * Ids sorted by `value(id)`; ties keep their order in `ids` (a stable sort), so sorting twice by
 * different columns sorts by the second and then the first.
 */
export function sortIds(ids: readonly string[], value: (id: string) => SortValue, dir: SortDir): string[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const keyed = ids.map((id, i) => {
    const v = value(id);
    return { id, i, v: typeof v === 'string' ? normalizeSpace(v) : v };
  });
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    if (typeof a.v === 'number' && typeof b.v === 'number') {
      if (a.v !== b.v) return (a.v < b.v ? -1 : 1) * sign;
      return a.i - b.i;
    }
    // Swedish order (å, ä, ö after z), case ignored.
    const c = String(a.v).localeCompare(String(b.v), 'sv', { sensitivity: 'accent', numeric: true });
    return c !== 0 ? c * sign : a.i - b.i;
  });
  return keyed.map((k) => k.id);
}

/**
 * The ids to show: those of the snapshot that still exist, in its order, then every other id of the
 * plan in plan order. Without a snapshot, the plan order.
 */
export function viewOrder(planIds: readonly string[], snapshot: readonly string[] | null): string[] {
  if (!snapshot) return [...planIds];
  const present = new Set(planIds);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of snapshot) {
    if (present.has(id) && !seen.has(id)) {
      out.push(id);
      seen.add(id);
    }
  }
  for (const id of planIds) if (!seen.has(id)) out.push(id);
  return out;
}

/** The next sort when a column header is chosen: ascending → descending → the plan's order. */
export function nextSort(current: SortState | null, key: string): SortState | null {
  if (!current || current.key !== key) return { key, dir: 'ascending' };
  if (current.dir === 'ascending') return { key, dir: 'descending' };
  return null;
}
