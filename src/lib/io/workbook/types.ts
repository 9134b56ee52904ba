import type { IsoDate, Plan } from '../../engine/types';
import type { IoMessage } from '../messages';
import type { ProgressCallback } from '../progress';

/** An extra sheet written after ours (SCENARIOS adds `APT`). Text cells are always written as text. */
export interface ExtraSheet {
  name: string;
  rows: (string | number | boolean | null)[][];
  /** Column widths in characters. */
  colWidths?: number[];
}

export interface ExportWorkbookOptions {
  /** Fixes "now" for date rules (passed to computePlan). */
  today?: IsoDate;
  extraSheets?: ExtraSheet[];
  /** Only in-process (the worker sets it); never sent across postMessage. */
  onProgress?: ProgressCallback;
}

export interface ImportWorkbookOptions {
  onProgress?: ProgressCallback;
}

export type ImportWorkbookResult =
  | { ok: true; plan: Plan; warnings: IoMessage[] }
  | { ok: false; errors: IoMessage[] };
