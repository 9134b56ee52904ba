/**
 * Progress and time budget of a long io operation. A leaf (types only): the io modules and the
 * worker protocol both import it, so no module of io imports protocol.ts for its types (that made
 * the type-only cycles protocol ↔ contacts, protocol ↔ listing/types and protocol ↔ workbook/types).
 */

/** Progress of a long operation; `total` 0 means unknown (show an indeterminate bar). */
export interface ProgressInfo {
  /** What is happening, a key of `IO_STRINGS.phase` in src/lib/strings/io.sv.ts. */
  phase: 'read' | 'unzip' | 'parse' | 'map' | 'aggregate' | 'write';
  done: number;
  total: number;
}

/** Every io function that does long work accepts this (the worker passes its poster). */
export type ProgressCallback = (info: ProgressInfo) => void;

/** The time a parse may take (limits.ts: the kind's `timeMs` from now unless a caller sets it). */
export interface ParseBudget {
  /** `performance.now()` by which the parse must end; past it the parse stops with a Swedish message. */
  deadline?: number;
}
