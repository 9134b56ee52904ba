/**
 * Message protocol between the page (src/lib/state/io.svelte.ts) and the io Web Worker
 * (src/lib/io/worker.ts). Types only plus two tiny guards: safe to import from anywhere
 * (state, worker, tests); it reaches no SheetJS code.
 *
 * Flow: the page posts an `IoRequest` (bytes are transferred, not copied); the worker answers
 * with zero or more `IoProgress` messages and exactly one `IoResult` or `IoFailure` with the
 * same `id`. `IoCancel` asks the worker to drop a request (the page then ignores late replies).
 *
 * Adding an op (other engineers may ask IO to): add it to `IoOps` with its argument tuple and
 * result type, and register the handler in worker.ts's dispatch table.
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

/**
 * The ops the worker serves: name → [argument tuple, result]. Argument and result types are
 * declared in the io modules; here they are referenced as types only (no runtime import).
 */
export interface IoOps {
  importWorkbook: {
    /** `options.base`: the plan read into (what the workbook lacks stays as it is there). */
    args: [bytes: ArrayBuffer, options?: Omit<import('./workbook/types').ImportWorkbookOptions, 'onProgress'>];
    result: import('./workbook/types').ImportWorkbookResult;
  };
  exportWorkbook: {
    args: [plan: import('../engine/types').Plan, options?: Omit<import('./workbook/types').ExportWorkbookOptions, 'onProgress'>];
    result: Uint8Array;
  };
  previewListing: {
    args: [bytes: ArrayBuffer, options?: Omit<import('./listing/types').PreviewListingOptions, 'onProgress'>];
    result: import('./listing/types').ListingPreviewResult;
  };
  importListing: {
    args: [
      bytes: ArrayBuffer,
      mapping?: import('./listing/types').ListingMapping,
      plan?: import('../engine/types').Plan,
      options?: Omit<import('./listing/types').ImportListingOptions, 'onProgress'>,
    ];
    result: import('./listing/types').ImportListingResult;
  };
  /** The läkardel file of one doctor (io/workbook/lakardel.ts). */
  exportLakardel: {
    args: [plan: import('../engine/types').Plan, doctorId: string, options?: import('./workbook/lakardel').ExportLakardelOptions];
    result: Uint8Array;
  };
  /** A läkardel file read back (io/workbook/lakardelImport.ts); the diff against the plan is the page's. */
  importLakardel: {
    args: [bytes: ArrayBuffer];
    result: import('./workbook/lakardelImport').ImportLakardelResult;
  };
  /** The empty template ("Hämta tom mall", io/workbook/template.ts). */
  exportTemplate: {
    args: [options?: { today?: string }];
    result: Uint8Array;
  };
  /** FOLLOWUP's contact log (src/lib/io/contacts.ts, parseContactLog); the log's typed arrays are transferred. */
  parseContacts: {
    args: [bytes: ArrayBuffer, options?: Omit<import('./contacts').ParseContactsOptions, 'onProgress'>];
    result: import('./contacts').ParseContactsResult;
  };
}

export type IoOpName = keyof IoOps;

export interface IoRequest<K extends IoOpName = IoOpName> {
  kind: 'request';
  id: number;
  op: K;
  args: IoOps[K]['args'];
}

export interface IoCancel {
  kind: 'cancel';
  id: number;
}

export interface IoProgress extends ProgressInfo {
  kind: 'progress';
  id: number;
}

export interface IoResult<K extends IoOpName = IoOpName> {
  kind: 'result';
  id: number;
  op: K;
  value: IoOps[K]['result'];
}

/**
 * An unexpected failure inside the worker (a bug, or out of memory). Expected problems with a
 * user's file are never failures: they come back as `{ ok: false, errors }` inside `IoResult`.
 */
export interface IoFailure {
  kind: 'failure';
  id: number;
  /** Swedish message safe to show. */
  message: string;
}

export type PageToWorker = IoRequest | IoCancel;
export type WorkerToPage = IoProgress | IoResult | IoFailure;

export function isWorkerToPage(x: unknown): x is WorkerToPage {
  if (typeof x !== 'object' || x === null) return false;
  const k = (x as { kind?: unknown }).kind;
  return (k === 'progress' || k === 'result' || k === 'failure') && typeof (x as { id?: unknown }).id === 'number';
}

export function isPageToWorker(x: unknown): x is PageToWorker {
  if (typeof x !== 'object' || x === null) return false;
  const k = (x as { kind?: unknown }).kind;
  return (k === 'request' || k === 'cancel') && typeof (x as { id?: unknown }).id === 'number';
}
