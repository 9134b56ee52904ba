/**
 * Message protocol between the page (src/lib/state/io.svelte.ts) and the io Web Worker
 * (src/lib/io/worker.ts). Types, the op → file kind table and two tiny guards: safe to import from
 * anywhere (state, worker, tests); it reaches no SheetJS code.
 *
 * Flow: the page posts an `IoRequest` (bytes are transferred, not copied); the worker answers
 * with zero or more `IoProgress` messages and exactly one `IoResult` or `IoFailure` with the
 * same `id`. `IoCancel` asks the worker to drop a request (the page then ignores late replies).
 *
 * Adding an op (other engineers may ask IO to): add it to `IoOps` with its argument tuple and
 * result type and to `OP_FILE_KIND`, and register its handler in dispatch.ts (the one table the
 * worker and the in-process fallback both run).
 */

import type { FileKind } from './limits';
import type { ProgressInfo } from './progress';

export type { ProgressCallback, ProgressInfo } from './progress';

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
    args: [bytes: ArrayBuffer, options?: Omit<import('./listing/types').PreviewListingOptions, 'onProgress' | 'entries'>];
    result: import('./listing/types').ListingPreviewResult;
  };
  importListing: {
    args: [
      bytes: ArrayBuffer,
      mapping?: import('./listing/types').ListingMapping,
      plan?: import('../engine/types').Plan,
      options?: Omit<import('./listing/types').ImportListingOptions, 'onProgress' | 'entries' | 'deadline'>,
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
    args: [bytes: ArrayBuffer, options?: Omit<import('./contacts').ParseContactsOptions, 'onProgress' | 'entries' | 'deadline'>];
    result: import('./contacts').ParseContactsResult;
  };
  /** A separate patient → named doctor file (contacts.ts, parseNamedMapping). */
  parseNamedMapping: {
    args: [bytes: ArrayBuffer, options?: { salt?: string }];
    result: import('./contacts').ParseNamedMappingResult;
  };
  /** The allocation's patient list (patientList.ts). */
  parsePatientList: {
    args: [bytes: ArrayBuffer, options?: { year?: number }];
    result: import('./patientList').ParsePatientListResult;
  };
  /** A values-only workbook of named sheets (sheets.ts): follow-up series and continuity figures. */
  sheetsWorkbook: {
    args: [sheets: import('./sheets').SimpleSheet[]];
    result: Uint8Array;
  };
  /** The allocation proposal for the listing staff (allocationWorkbook.ts). */
  allocationWorkbook: {
    args: [result: import('../engine/followup/types').AllocationResult, options: { unitName: string; today: string }];
    result: Uint8Array;
  };
}

/**
 * The kind of user file each op reads (its size, row and time limits in limits.ts), or null for the
 * writers. The page checks a file's size by this before reading it; dispatch.ts runs the preflight.
 */
export const OP_FILE_KIND: { readonly [K in IoOpName]: FileKind | null } = {
  importWorkbook: 'workbook',
  exportWorkbook: null,
  exportLakardel: null,
  importLakardel: 'workbook',
  exportTemplate: null,
  previewListing: 'listing',
  importListing: 'listing',
  parseContacts: 'contacts',
  parseNamedMapping: 'namedMapping',
  parsePatientList: 'patientList',
  sheetsWorkbook: null,
  allocationWorkbook: null,
};

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
