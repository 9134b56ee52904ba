import type { IsoDate, Plan } from '../../engine/types';
import type { IoMessage } from '../messages';
import type { ProgressCallback } from '../progress';

/** An extra sheet written after ours (SCENARIOS adds `APT`). Text cells are always written as text. */
export interface ExtraSheet {
  name: string;
  rows: (string | number | boolean | null)[][];
  /** Column widths in characters. */
  colWidths?: number[];
  /** 0-based columns whose text wraps (rows grow to fit). */
  wrapCols?: number[];
}

export interface ExportWorkbookOptions {
  /** Fixes "now" for date rules (passed to computePlan). */
  today?: IsoDate;
  extraSheets?: ExtraSheet[];
  /**
   * The empty template ("Hämta tom mall", lakardel/template.ts): an instructions sheet first, and
   * `blankRows` Läkare rows holding only the formulas; no Data sheet.
   */
  template?: { blankRows: number; instructions: ExtraSheet };
  /** Only in-process (the worker sets it); never sent across postMessage. */
  onProgress?: ProgressCallback;
}

export interface ImportWorkbookOptions {
  onProgress?: ProgressCallback;
  /**
   * The plan the workbook is read into (the app's current plan): what the workbook lacks (a workbook
   * with only a Läkare sheet has no Enhet or Antaganden) stays as it is there, with a warning.
   */
  base?: Plan;
}

export type ImportWorkbookResult =
  | { ok: true; plan: Plan; warnings: IoMessage[] }
  | { ok: false; errors: IoMessage[] };
