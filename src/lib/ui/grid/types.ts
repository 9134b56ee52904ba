/** Column and edit types of the generic spreadsheet grid (DataGrid.svelte). */

/**
 * `computed`: read-only, Enter/click hands the cell to `onActivate` (an explanation);
 * `link`: read-only, shows a link (`linkHref`), Enter/click follows it.
 */
export type GridColumnKind = 'text' | 'number' | 'date' | 'select' | 'computed' | 'link';

export interface GridColumn {
  /** Stable key, also used in cell ids and `data-col`. */
  key: string;
  /** Visible header text. */
  header: string;
  kind: GridColumnKind;
  /** Choices for `select` columns. */
  options?: readonly { value: string; label: string }[];
  /** Right-align (numbers). Default: numbers and computed columns are right-aligned. */
  align?: 'start' | 'end';
  /**
   * Width in em of the grid's type (default 7; the name is historical). The grid uses a fixed table layout from these widths, so an edit does
   * not make the browser measure every cell again (fast with 60 rows × 20 columns).
   */
  widthRem?: number;
  /** Header for screen readers when the visible one is abbreviated. */
  description?: string;
  /** Whether a click or Enter on the header sorts by this column (the owner sorts; see `onHeaderActivate`). */
  sortable?: boolean;
  /** A header that expands something (a collapsed column group) instead of sorting. */
  expands?: boolean;
}

/** The grid's sort, as shown by `aria-sort` on the column header. */
export interface GridSort {
  key: string;
  dir: 'ascending' | 'descending';
}

/** One cell change as the user typed or pasted it: raw text, parsed by the owner of the data. */
export interface GridCellEdit {
  /** Row index; may be ≥ rowCount for a paste that runs past the last row (the owner may add rows). */
  row: number;
  col: string;
  text: string;
}

export type GridEditSource = 'edit' | 'paste' | 'clear';

export interface GridCommitError {
  row: number;
  col: string;
  message: string;
}

/** Mark on a cell: shown as icon + text + colour, the message reachable by keyboard focus. */
export interface CellStatus {
  level: 'error' | 'warning' | 'info';
  message: string;
}

/** What one grid row shows: texts and marks per column (reused when unchanged, see DataGrid). */
export interface RowView {
  key: string;
  texts: string[];
  statuses: (CellStatus | null)[];
  /** Target and name of each `link` cell (undefined elsewhere). */
  links?: ({ href: string; label: string } | undefined)[];
}

/** Everything one row shows, computed by the owner in one go (faster than a call per cell). */
export type RowCells = Omit<RowView, 'key'>;
